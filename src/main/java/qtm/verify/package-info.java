/**
 * Judges the engines against exact results: the reference each must converge to ({@link qtm.verify.References},
 * {@link qtm.verify.CountingReference}) and the verdicts (z-scores and χ² of the state, the counts, the waiting
 * times and the collision model's bookkeeping). It judges one ensemble at a time and runs nothing: running a
 * scenario is {@code qtm.run}'s job.
 */
package qtm.verify;
