/**
 * What is measured on a two-qubit density matrix: concurrence, purity, populations, the |01⟩–|10⟩ coherence, the
 * trace distance and the heat currents. One set of formulas, so that the exact solution, the ensembles and the sweeps
 * give the same quantities the same meaning; and the observed {@link qtm.observe.Quantity quantities} of an ensemble,
 * each one small class that records its numbers from the engine's events and names the estimates it offers. A
 * quantity is one of three kinds (state-driven, jump-driven, final-only), each with a recorder that receives only the
 * calls of its kind; {@link qtm.observe.Estimates} is the one place that spells the estimates' names.
 */
package qtm.observe;
