/**
 * Runs the trajectories [first, end) of an engine on several threads into an exact, mergeable
 * {@link qtm.ensemble.EnsembleResult}: fixed-point integer sums of every observed quantity, jackknife batches by
 * trajectory index, blocks committed in index order so that any stop keeps a prefix, and saved files that round-trip
 * the sums exactly. It owns the cap on an ensemble's size ({@link qtm.ensemble.Ranges#MAX_TRAJECTORIES}),
 * which the scenario reader, saved files and shard records are all checked against. The only place where a seed
 * becomes random streams ({@link qtm.ensemble.Streams}); a result depends on the seed and the index range alone, never
 * on threads, shards, extensions or timing.
 */
package qtm.ensemble;
