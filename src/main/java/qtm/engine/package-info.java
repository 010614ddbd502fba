/**
 * The stochastic unravellings of a model's master equation, quantum-jump trajectories and the discrete collision
 * model, each producing one pure-state trajectory at a time for a {@link qtm.engine.TrajectoryObserver}, and the exact
 * collision map that the collision ensemble converges to, with its tilted form for the collision model's counting
 * statistics. An engine owns its workspaces and belongs to one thread, so
 * that the inner loop allocates nothing.
 */
package qtm.engine;
