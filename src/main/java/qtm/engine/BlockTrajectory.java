package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import qtm.model.TimeGrid;

/**
 * One trajectory of {@link MachineCollisionEngine} on its fast path ({@link CollisionBlocks}): the state is kept
 * unnormalised between flips, so that its squared norm is the probability that no ancilla flipped since the last
 * one, against one uniform threshold; runs of steps without a reset are one sparse product each, and are replayed
 * step by step where the norm fell below the threshold, collision by collision only in the step where it fell. A lone
 * basis state ({@link LoneStates}) skips to its first flip at once. The state is normalised (and the threshold
 * with it, which leaves it uniform given the survival) at every grid point and before a reset, which reads and
 * writes a normalised state. Not thread-safe: the workspaces are fields, reused for every trajectory.
 */
final class BlockTrajectory {
    private final CollisionBlocks blocks;
    private final Object[] events;
    private final TimeGrid grid;
    private final int stepsPerPoint;
    private final double dt;
    private final double[] heats;
    private final int[] baths;
    private final long[] next;
    /** The events that are resets. */
    private final int[] resets;
    private final int d;
    private final int mask;
    private double[] re;
    private double[] im;
    private double[] aRe;
    private double[] aIm;
    private final double[] levelWeights = new double[qtm.model.Site.MAX_LEVELS];
    private double threshold;
    /** The components of H's graph where ψ may be non-zero ({@link PatternProducts#applyNorm}), one bit each. */
    private long support;
    /** Whether the observer hears every collision: then every step is replayed collision by collision. */
    private boolean hears;
    /** The basis state ψ is (up to its phase) where it is alone in its component ({@link LoneStates}), else −1. */
    private int lone;
    /** For a lone state, the steps up to the one of its first flip, 0 where not drawn yet. */
    private long flipIn;

    /**
     * @param blocks the fast path's operators
     * @param events per event of a step: a {@link MachineCollisionEngine.Reset}, or anything else for a swap
     * @param grid the output grid
     * @param stepsPerPoint collision steps per grid interval
     * @param dt the step
     * @param heats the heat of each channel's jump
     * @param baths the bath of each channel
     * @param d the dimension
     */
    BlockTrajectory(CollisionBlocks blocks, Object[] events, TimeGrid grid, int stepsPerPoint, double dt,
            double[] heats, int[] baths, int d) {
        this.blocks = blocks;
        this.events = events;
        this.grid = grid;
        this.stepsPerPoint = stepsPerPoint;
        this.dt = dt;
        this.heats = heats;
        this.baths = baths;
        this.next = new long[events.length];
        this.resets = java.util.stream.IntStream.range(0, events.length)
                .filter(i -> events[i] instanceof MachineCollisionEngine.Reset).toArray();
        this.d = d;
        this.mask = (1 << blocks.bits) - 1;
        this.re = new double[d];
        this.im = new double[d];
        this.aRe = new double[d];
        this.aIm = new double[d];
    }

    /**
     * @param rng the trajectory's stream
     * @param observer hears the grid states and jumps
     * @param initial the initial state's sampler
     */
    void run(UniformRandomProvider rng, TrajectoryObserver observer, PureStates initial) {
        initial.sample(rng, re, im);
        for (int i = 0; i < events.length; i++) {
            if (events[i] instanceof MachineCollisionEngine.Reset r) {
                next[i] = MachineCollisionEngine.geometric(rng, r);
            }
        }
        threshold = 1 - rng.nextDouble();
        support = support();
        hears = observer.hearsCollisions();
        observer.begin();
        observer.state(0, re, im);
        for (int k = 1; k < grid.points(); k++) {
            double start = grid.time(k - 1);
            for (int n = 0; n < stepsPerPoint;) {
                long quiet = quiet();
                int left = stepsPerPoint - n;
                if (lone >= 0 && !hears) {
                    int done = alone(rng, observer, quiet, left, start + n * dt);
                    if (done < 0) {
                        return;
                    }
                    n += done;
                    continue;
                }
                PatternProducts b = hears ? blocks.steps
                        : left >= blocks.runs.length && quiet > blocks.runs.length ? blocks.runs
                        : blocks.rest != null && left == blocks.rest.length && quiet > left ? blocks.rest
                        : blocks.steps;
                int taken = b.length;
                int p = b.draw(rng);
                if (quiet > taken && !hears) {
                    double norm2 = b.applyNorm(p, support, re, im, aRe, aIm);
                    if (norm2 >= threshold) {
                        swap();
                        count(taken);
                        n += taken;
                        continue;
                    }
                }
                // A flip in the run, or a reset in it: the run again step by step, and collision by collision only
                // the steps where the norm falls below the threshold or a reset fires.
                for (int j = 0; j < taken; j++) {
                    int pattern = p >> j * blocks.bits & mask;
                    if (quiet() > 1 && !hears) {
                        double norm2 = blocks.steps.applyNorm(pattern, support, re, im, aRe, aIm);
                        if (norm2 >= threshold) {
                            swap();
                            count(1);
                            continue;
                        }
                    }
                    if (!step(rng, observer, pattern, start + (n + j + 1) * dt)) {
                        return;
                    }
                }
                n += taken;
            }
            normalise();
            observer.state(k, re, im);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    /** The resets' countdowns after that many steps without one firing. */
    private void count(long steps) {
        for (int i : resets) {
            next[i] -= steps;
        }
    }

    /**
     * Steps of a lone basis state ({@link LoneStates}): those before its first flip or the next reset at once, or else
     * the step of the flip, drawn as its first flip and then the rest of the step collision by collision, or the step
     * of a reset, collision by collision. The threshold is not read before the state leaves, so it stays uniform.
     *
     * @return the steps done, or −1 if the observer cancelled at a jump
     */
    private int alone(UniformRandomProvider rng, TrajectoryObserver observer, long quiet, int left, double start) {
        LoneStates lones = blocks.lone;
        if (flipIn == 0) {
            flipIn = lones.stepsToFlip(lone, rng);
        }
        long free = Math.min(Math.min(flipIn, quiet) - 1, left);
        if (free > 0) {
            lones.turn(lone, free, re, im);
            flipIn -= free;
            count(free);
            return (int) free;
        }
        // The draw of the flip does not outlive the state it was drawn for.
        flipIn = 0;
        double t = start + dt;
        if (quiet == 1) {
            return step(rng, observer, blocks.steps.draw(rng), t) ? 1 : -1;
        }
        lones.turn(lone, 1, re, im);
        count(1);
        int first = lones.firstFlip(lone, rng);
        CollisionBlocks.Swap w = blocks.swaps[first >> 1];
        boolean excited = (first & 1) == 1;
        flip(excited ? w.absorb() : w.emit(), rng);
        int jumped = excited ? w.up() : w.down();
        observer.jump(jumped, baths[jumped], heats[jumped], t);
        if (observer.cancelled()) {
            return -1;
        }
        // The starts of the later swaps are independent of the flip's: a fresh pattern gives them.
        int pattern = blocks.steps.draw(rng);
        for (int i = (first >> 1) + 1; i < events.length; i++) {
            if (blocks.swaps[i] != null) {
                int later = collide(blocks.swaps[i], pattern, rng);
                if (later >= 0) {
                    observer.jump(later, baths[later], heats[later], t);
                    if (observer.cancelled()) {
                        return -1;
                    }
                }
            }
        }
        return 1;
    }

    /** Steps until the next reset fires (it fires in that step, counted from 1), Long.MAX_VALUE without one. */
    private long quiet() {
        long q = Long.MAX_VALUE;
        for (int i : resets) {
            q = Math.min(q, next[i]);
        }
        return q;
    }

    /** One step collision by collision; false if the observer cancelled at a jump. */
    private boolean step(UniformRandomProvider rng, TrajectoryObserver observer, int pattern, double t) {
        blocks.unitary.apply(re, im, aRe, aIm);
        swap();
        if (hears) {
            observer.collided(TrajectoryObserver.FREE, re, im);
        }
        for (int i = 0; i < events.length; i++) {
            int jumped;
            if (events[i] instanceof MachineCollisionEngine.Reset r) {
                if (--next[i] > 0) {
                    continue;
                }
                next[i] = MachineCollisionEngine.geometric(rng, r);
                normalise();
                jumped = MachineCollisionEngine.reset(r, rng, re, im, aRe, aIm, levelWeights);
                support = support();
            } else {
                jumped = collide(blocks.swaps[i], pattern, rng);
                if (jumped < 0) {
                    if (hears) {
                        observer.collided(baths[blocks.swaps[i].down()], re, im);
                    }
                    continue;
                }
            }
            observer.jump(jumped, baths[jumped], heats[jumped], t);
            if (observer.cancelled()) {
                return false;
            }
            if (hears) {
                observer.collided(baths[jumped], re, im);
            }
        }
        return true;
    }

    /** A swap: the kept branch, or a flip where the norm falls below the threshold; returns the flip's channel. */
    private int collide(CollisionBlocks.Swap w, int pattern, UniformRandomProvider rng) {
        boolean excited = w.excitedIn(pattern);
        double[] c = excited ? w.keepExcited() : w.keepGround();
        double norm2 = 0;
        for (int s = 0; s < d; s++) {
            norm2 += c[s] * c[s] * (re[s] * re[s] + im[s] * im[s]);
        }
        if (norm2 >= threshold) {
            for (int s = 0; s < d; s++) {
                re[s] *= c[s];
                im[s] *= c[s];
            }
            return -1;
        }
        flip(excited ? w.absorb() : w.emit(), rng);
        return excited ? w.up() : w.down();
    }

    /** ψ ← f·ψ normalised, with its support and a fresh threshold. */
    private void flip(CollisionBlocks.Flip f, UniformRandomProvider rng) {
        java.util.Arrays.fill(aRe, 0);
        java.util.Arrays.fill(aIm, 0);
        for (int s = 0; s < d; s++) {
            int to = f.to()[s];
            if (to >= 0) {
                aRe[to] = f.re()[s] * re[s] - f.im()[s] * im[s];
                aIm[to] = f.re()[s] * im[s] + f.im()[s] * re[s];
            }
        }
        swap();
        threshold = 1;
        normalise();
        support = support();
        threshold = 1 - rng.nextDouble();
    }

    /** ψ ← ψ/‖ψ‖ and the threshold with it: given the survival ‖ψ‖², it stays uniform on (0, 1]. */
    private void normalise() {
        double norm2 = 0;
        for (int s = 0; s < d; s++) {
            norm2 += re[s] * re[s] + im[s] * im[s];
        }
        double f = 1 / Math.sqrt(norm2);
        for (int s = 0; s < d; s++) {
            re[s] *= f;
            im[s] *= f;
        }
        threshold /= norm2;
    }

    /**
     * The components where ψ is non-zero: U and the kept diagonals never leave them, only flips and resets do. The
     * workspace is cleared, so that both vectors are 0 outside them for the products that skip those rows.
     */
    private long support() {
        int[] component = blocks.component;
        java.util.Arrays.fill(aRe, 0);
        java.util.Arrays.fill(aIm, 0);
        long mask = 0;
        int nonZero = 0;
        lone = -1;
        flipIn = 0;
        for (int s = 0; s < d; s++) {
            if (re[s] != 0 || im[s] != 0) {
                mask |= 1L << component[s];
                nonZero++;
                lone = s;
            }
        }
        if (nonZero != 1 || !blocks.lone.alone(lone)) {
            lone = -1;
        }
        return mask;
    }

    private void swap() {
        double[] t = re;
        re = aRe;
        aRe = t;
        t = im;
        im = aIm;
        aIm = t;
    }
}
