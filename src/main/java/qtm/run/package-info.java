/**
 * Runs a scenario: the plan (which ensembles, how many trajectories), the exact layer, the engine loop with its stop
 * rules, the Δt study, and what a run keeps (summaries, chart curves, outcomes), so that the report and the command
 * line only read. The judging is {@code qtm.verify}'s.
 */
package qtm.run;
