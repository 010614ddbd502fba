/**
 * The report of a run: what its files hold (tidy CSV and JSON of every estimate and verdict), PNG and SVG charts and
 * the self-contained HTML page. It writes through {@link qtm.output}, which owns the output directory and the file
 * formats, and learns what ran from a run's outcome and its {@link qtm.run.ScenarioAsRun}, never from the scenario
 * reader. Nothing written depends on time or threads, so the same result gives the same bytes.
 */
package qtm.report;
