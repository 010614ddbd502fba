/**
 * The exact solutions against which the stochastic engines are judged: for the master equation, the steady state, the
 * transient ρ(t) on a time grid, the Liouvillian's spectral gap, its counting statistics and waiting times, all from
 * the real 16×16 Liouvillian built here; for the collision model at its finite step, the deterministic collision map,
 * its tilted form (the counting statistics) and its thermodynamic bookkeeping. {@link qtm.exact.MachineExact} is the
 * same layer for any machine of issue 24 (up to 32 states, a 1024 × 1024 Liouvillian): steady state, transient,
 * spectral gap and heat per bath.
 */
package qtm.exact;
