/**
 * The exact solutions against which the stochastic engines are judged: for the master equation, the steady state, the
 * transient ρ(t) on a time grid, the Liouvillian's spectral gap, its counting statistics and waiting times, all from
 * the real 16×16 Liouvillian built here; for the collision model at its finite step, the deterministic collision map,
 * its tilted form (the counting statistics) and its thermodynamic bookkeeping.
 */
package qtm.exact;
