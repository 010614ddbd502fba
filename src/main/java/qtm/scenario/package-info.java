/**
 * The input adapter: reads YAML scenario files, with command-line overrides, into the domain's records, a validated
 * {@link qtm.scenario.Scenario} for the dynamics and a {@link qtm.sweep.Study} for the steady-state studies
 * ({@link qtm.scenario.StudyReader}); a machine described in full ({@code model.type: machine}, issue 24) is read by
 * {@link qtm.scenario.MachineReader} for {@code qtm steady}, and refused by every other reader. Every bad input is one {@link qtm.input.InputException} line naming the file,
 * the key and the value, so a user can fix it without reading a stack trace. It sits above {@code sweep} and
 * {@code ensemble}, whose records it fills and whose limits it checks against, and below {@code run}: only the
 * command line, the API and {@code run} read it, so a change of file format stops here.
 */
package qtm.scenario;
