/**
 * Runs a scenario: the plan (which ensembles, how many trajectories), the exact layer, the engine loop with its stop
 * rules, the Δt study, and what a run keeps (summaries, chart curves, outcomes), so that the report and the command
 * line only read. The judging is {@code qtm.verify}'s. It also holds what a command does with a scenario beyond
 * reading its options: the collision step as every command checks and shortens it ({@link qtm.run.CollisionSteps})
 * and the exact counting statistics ({@link qtm.run.FcsPlan}, {@link qtm.run.FcsOutcome}), so that the API reaches
 * them without the command line. With the command
 * line and the API it is one of the three readers of {@code qtm.scenario}; an outcome carries the
 * {@link qtm.run.ScenarioAsRun scenario as run}, so that the report above it needs nothing of the scenario reader.
 */
package qtm.run;
