/**
 * Reads YAML scenario files, with command-line overrides, into validated {@link qtm.scenario.Scenario} records
 * (the study keys are read by {@link qtm.sweep.StudyReader} with the same tools). Every bad input is one {@link qtm.input.InputException} line naming the
 * file, the key and the value, so a user can fix it without reading a stack trace.
 */
package qtm.scenario;

import qtm.input.InputException;
