/**
 * The report of a run: what its files hold (tidy CSV and JSON of every estimate and verdict), PNG, SVG and PDF
 * charts and the self-contained HTML page. Each time-series figure is one {@link qtm.report.RunFigure} class that
 * yields its static chart, its interactive twins and its caption; a new figure is one class and its line in
 * {@link qtm.report.RunFigure#ALL}. It writes through {@link qtm.output}, which owns the output directory and the file
 * formats, and learns what ran from a run's outcome and its {@link qtm.run.ScenarioAsRun}, never from the scenario
 * reader. Nothing written depends on time or threads, so the same result gives the same bytes.
 */
package qtm.report;
