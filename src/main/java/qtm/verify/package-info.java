/**
 * Judges the engines against exact results: the reference each must converge to, the verdict (z-scores and χ²),
 * and {@link qtm.verify.ScenarioRun}, one {@code qtm run} as computation only, with everything its report shows
 * (summaries, chart curves, collision bias) computed here so that the report and the command line only read.
 */
package qtm.verify;
