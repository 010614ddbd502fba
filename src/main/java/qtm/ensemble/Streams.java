package qtm.ensemble;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.L64X128Mix;

/**
 * The only place where a seed becomes random streams. Trajectory i of a run with seed s gets an L64X128Mix generator
 * whose 256-bit state is four SplitMix64 outputs started from a mix of (s, i), so its stream depends on (s, i) alone,
 * never on which thread runs it or when.
 */
public final class Streams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /**
     * @param seed the run's seed
     * @param index trajectory index ≥ 0
     * @return a new generator for that trajectory
     */
    public static UniformRandomProvider forTrajectory(long seed, long index) {
        return stream(seed, index, 0x632BE59BD9B4E019L);
    }

    /**
     * The second stream of a trajectory: the one its imperfect detectors draw their misses and dark clicks from (issue
     * 28). Derived as {@link #forTrajectory} with another constant, so that it is independent of the engine's stream
     * and, like it, depends on (seed, index) alone; a run without detectors never makes it. The two derivations give
     * the same state only for indices 0x22CF28979003CE3E (about 2.5·10¹⁸) apart, far beyond any run.
     *
     * @param seed the run's seed
     * @param index trajectory index ≥ 0
     * @return a new generator for that trajectory's detectors
     */
    public static UniformRandomProvider forDetectors(long seed, long index) {
        return stream(seed, index, 0xD1B54A32D192ED03L);
    }

    private static UniformRandomProvider stream(long seed, long index, long salt) {
        long state = mix(mix(seed) ^ (index * GOLDEN + salt));
        long[] s = new long[4];
        for (int k = 0; k < 4; k++) {
            state += GOLDEN;
            s[k] = mix(state);
        }
        // The constructor itself, not RandomSource.L64_X128_MIX.create(s): the same generator from the same four longs,
        // without the factory's reflective construction, which showed in the profile at every trajectory.
        return new L64X128Mix(s);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplitMix64. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
