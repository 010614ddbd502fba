/**
 * The stochastic engines only: the unravellings of a model's master equation, quantum-jump trajectories and the
 * discrete collision model, each producing one pure-state trajectory at a time for a
 * {@link qtm.engine.TrajectoryObserver}. An engine owns its workspaces and belongs to one thread, so that the inner
 * loop allocates nothing; the state vector both step, renormalise and hand out is one {@code StateVector}. It reads the machine, its channel table and the collision step from {@code qtm.model} and
 * knows nothing of the exact solutions it is judged against. Beside them, {@link qtm.engine.MachineTrajectories} is the
 * jump engine's general core for any machine of issue 24 (Schur-form no-jump propagator, waiting times by
 * root-finding on its closed-form norm); it speaks to the same observer, a bath being an index.
 */
package qtm.engine;
