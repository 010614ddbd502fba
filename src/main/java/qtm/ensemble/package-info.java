/**
 * Runs many trajectories of an engine on several threads and turns them into means with standard errors and a
 * verdict against the exact solution; {@link qtm.ensemble.ScenarioRun} is one {@code qtm run} as computation only.
 * Seeding, chunking and merge order are fixed here, so that a result depends on the seed and the trajectory count
 * alone, never on the thread count or on timing.
 */
package qtm.ensemble;
