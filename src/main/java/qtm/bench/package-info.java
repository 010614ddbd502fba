/**
 * The speed benchmark of {@code qtm bench}: trajectories per second per core of an engine on the shipped machines
 * ({@link qtm.bench.Bench}), and the hand-written loop it is measured against, which keeps the same statistics to the
 * bit (the package-private {@code Baseline}, whose list of numbers is derived from the quantities it mirrors). It
 * drives the ensemble runner with a worker of its own; only the CLI and the API read it.
 */
package qtm.bench;
