/**
 * What is measured on a two-qubit density matrix: concurrence, purity, populations, the |01⟩–|10⟩ coherence, the
 * trace distance and the heat currents. One set of formulas, so that the exact solution, the ensembles and the sweeps
 * give the same quantities the same meaning.
 */
package qtm.observe;
