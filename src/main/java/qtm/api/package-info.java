/**
 * The public Java API: what the command line does, for a study scripted in Java. {@link qtm.api.Qtm} and
 * {@link qtm.api.Scenario} are the entry points: a scenario by name or file with {@code --set}-like overrides gives
 * its exact state ({@link qtm.api.ExactState}), transient ({@link qtm.api.Table}), counting statistics
 * ({@link qtm.api.Counting}) and ensembles with their verdicts ({@link qtm.api.EnsembleRun},
 * {@link qtm.api.RunResult}); {@link qtm.api.Sweeps} sweeps a key, exactly or by Monte Carlo, and
 * {@link qtm.api.Ensembles} saves and merges ensembles. Thin facades over {@code run}, {@code sweep},
 * {@code ensemble} and {@code scenario}: no physics here. It sits above {@code run} and below the report and the
 * command line, which it does not use; nothing below imports it. Only this package is the API: the rest of qtm may
 * change.
 */
package qtm.api;
