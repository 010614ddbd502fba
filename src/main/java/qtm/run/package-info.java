/**
 * Runs a scenario: the plan (which ensembles, how many trajectories), the exact layer, the engine loop with its stop
 * rules, the Δt study, and what a run keeps (summaries, chart curves, outcomes), so that the report and the command
 * line only read. The judging is {@code qtm.verify}'s. It also holds what a command does with a scenario beyond
 * reading its options: the collision step as every command checks and shortens it ({@link qtm.run.CollisionSteps})
 * and the exact counting statistics ({@link qtm.run.FcsPlan}, {@link qtm.run.FcsOutcome}), so that the API reaches
 * them without the command line.
 */
package qtm.run;
