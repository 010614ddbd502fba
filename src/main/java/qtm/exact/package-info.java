/**
 * The exact solutions of a model's master equation, against which the stochastic engines are judged: the steady
 * state, the transient ρ(t) on a time grid and the Liouvillian's spectral gap, all from the real 16×16 Liouvillian built here.
 */
package qtm.exact;
