package qtm.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.MachineCollision;
import qtm.model.MachineReset;
import qtm.model.MachineSwap;
import qtm.model.TimeGrid;

/**
 * Trajectories of the discrete collision model on any machine (issue 25): each step applies e^{−iHΔt} and then every
 * collision of {@link MachineCollision} in its order, with its outcome drawn by the Born rule.
 *
 * <ul>
 * <li>A partial swap draws one uniform number that picks both the ancilla's initial state (excited with probability
 * q) and the outcome, by splitting [0, 1) into the four joint probabilities (1 − q)‖K_gg ψ‖², (1 − q)‖K_ge ψ‖²,
 * q‖K_ee ψ‖², q‖K_eg ψ‖². An ancilla found excited from ground is a jump of A_ω (count +1, heat ε into the bath), one
 * found in ground from excited a jump of A_ω† (count −1, heat −ε).</li>
 * <li>Whether a reset bath collides does not depend on the state (probability p = rate·Δt), so the steps to its next
 * reset are drawn at once, geometric: the same process in law as a draw per step. A reset then picks the site's
 * level m by ‖P_m ψ‖² and the new level n by τ_n, and reports the jump of its channel |n⟩⟨m| (heat E_m − E_n).</li>
 * </ul>
 * Jumps are reported at the end of their step. Where every swap's channel is a partial permutation (every local
 * channel) the same law is drawn faster, by {@link CollisionBlocks} and {@link BlockTrajectory}: the ancilla's start
 * first, then whether it flipped by the waiting-time method, over runs of steps at once; a basis state alone in its
 * component of H's graph draws the steps to its first flip at once ({@link LoneStates}); an observer that hears every
 * collision ({@link TrajectoryObserver#hearsCollisions()}) has each step replayed collision by collision instead.
 * Not thread-safe: the workspaces are fields, reused for every trajectory.
 */
public final class MachineCollisionEngine implements Engine {
    private final TimeGrid grid;
    private final MachineCollision collision;
    private final int d;
    private final double[] uRe;
    private final double[] uIm;
    private final Object[] events;
    private final double[] heats;
    private final int[] baths;
    private final PureStates initial;
    private final long[] next;
    private final double[] re;
    private final double[] im;
    private final double[] aRe;
    private final double[] aIm;
    private final double[] bRe;
    private final double[] bIm;
    private final double[] levelWeights = new double[qtm.model.Site.MAX_LEVELS];
    /** The fast path ({@link CollisionBlocks}) where every swap's channel is a partial permutation, else null. */
    private final BlockTrajectory fastPath;

    /** A swap's four blocks as flat d×d arrays (row-major), their weights, and its channels. */
    private record Swap(double[][] re, double[][] im, double q, int down, int up) {
    }

    /** A reset's site stride, levels, Gibbs populations and first channel. */
    record Reset(int stride, int levels, double[] tau, double logStay, double p, int first) {
    }

    /**
     * @param machine the machine
     * @param rho0 the initial d×d density matrix
     * @param grid the output grid
     * @param dt the step asked for (see {@link MachineCollision#of})
     * @throws IllegalArgumentException if the machine or the step is unsuitable
     */
    public MachineCollisionEngine(Machine machine, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        this(machine, rho0, grid, dt, true);
    }

    /**
     * The engine without its fast path, each collision drawn from its four joint weights: the same law, for tests.
     *
     * @param machine the machine
     * @param rho0 the initial d×d density matrix
     * @param grid the output grid
     * @param dt the step asked for
     * @return the engine
     */
    static MachineCollisionEngine collisionByCollision(Machine machine, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        return new MachineCollisionEngine(machine, rho0, grid, dt, false);
    }

    private MachineCollisionEngine(Machine machine, ZMatrixRMaj rho0, TimeGrid grid, double dt, boolean fast) {
        this.grid = grid;
        this.collision = MachineCollision.of(machine, grid, dt);
        this.d = machine.dimension();
        ZMatrixRMaj u = collision.unitary();
        this.uRe = new double[d * d];
        this.uIm = new double[d * d];
        flatten(u, uRe, uIm);
        List<MachineChannel> channels = machine.channels();
        this.heats = new double[channels.size()];
        this.baths = new int[channels.size()];
        for (int j = 0; j < heats.length; j++) {
            heats[j] = channels.get(j).heat();
            baths[j] = channels.get(j).bath();
        }
        List<MachineCollision.Event> list = collision.events();
        this.events = new Object[list.size()];
        for (int i = 0; i < events.length; i++) {
            if (list.get(i) instanceof MachineSwap w) {
                double[][] r = new double[4][d * d];
                double[][] m = new double[4][d * d];
                ZMatrixRMaj[] blocks = {w.stayGround(), w.emit(), w.stayExcited(), w.absorb()};
                for (int b = 0; b < 4; b++) {
                    flatten(blocks[b], r[b], m[b]);
                }
                events[i] = new Swap(r, m, w.excited(), w.down(), w.up());
            } else {
                MachineReset rs = (MachineReset) list.get(i);
                int[] dims = rs.space().dims();
                int stride = 1;
                for (int j = dims.length - 1; j > rs.site(); j--) {
                    stride *= dims[j];
                }
                events[i] = new Reset(stride, rs.levels(), rs.tau(), Math.log1p(-rs.probability()),
                        rs.probability(), rs.first());
            }
        }
        this.next = new long[events.length];
        this.initial = PureStates.of(rho0);
        this.re = new double[d];
        this.im = new double[d];
        this.aRe = new double[d];
        this.aIm = new double[d];
        this.bRe = new double[d];
        this.bIm = new double[d];
        CollisionBlocks blocks = fast ? CollisionBlocks.of(machine, collision) : null;
        this.fastPath = blocks == null ? null : new BlockTrajectory(blocks, events, grid, collision.stepsPerPoint(),
                collision.dt(), heats, baths, d);
    }

    private static void flatten(ZMatrixRMaj a, double[] re, double[] im) {
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i * n + j] = a.getReal(i, j);
                im[i * n + j] = a.getImag(i, j);
            }
        }
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    /** @return the collision step in use */
    public MachineCollision collision() {
        return collision;
    }

    @Override
    public void run(UniformRandomProvider rng, TrajectoryObserver observer) {
        if (fastPath != null) {
            fastPath.run(rng, observer, initial);
            return;
        }
        initial.sample(rng, re, im);
        for (int i = 0; i < events.length; i++) {
            if (events[i] instanceof Reset r) {
                next[i] = geometric(rng, r);
            }
        }
        boolean hears = observer.hearsCollisions();
        observer.begin();
        observer.state(0, re, im);
        int steps = collision.stepsPerPoint();
        double dt = collision.dt();
        for (int k = 1; k < grid.points(); k++) {
            double start = grid.time(k - 1);
            for (int n = 0; n < steps; n++) {
                multiply(uRe, uIm, re, im, aRe, aIm);
                System.arraycopy(aRe, 0, re, 0, d);
                System.arraycopy(aIm, 0, im, 0, d);
                if (hears) {
                    observer.collided(TrajectoryObserver.FREE, re, im);
                }
                double t = start + (n + 1) * dt;
                for (int i = 0; i < events.length; i++) {
                    int jumped = events[i] instanceof Swap w ? swap(w, rng.nextDouble())
                            : reset(i, (Reset) events[i], rng);
                    if (jumped >= 0) {
                        observer.jump(jumped, baths[jumped], heats[jumped], t);
                        if (observer.cancelled()) {
                            return;
                        }
                    }
                    if (hears && (jumped >= 0 || events[i] instanceof Swap)) {
                        observer.collided(jumped >= 0 ? baths[jumped] : baths[((Swap) events[i]).down()], re, im);
                    }
                }
            }
            observer.state(k, re, im);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    /** Steps until a reset of probability p fires, ≥ 1 (geometric); never for p = 0. */
    static long geometric(UniformRandomProvider rng, Reset r) {
        if (r.p() == 0) {
            return Long.MAX_VALUE;
        }
        // u in (0, 1], so ln u is finite; p = 1 gives ln u / −∞ = 0, one step.
        double m = Math.floor(Math.log(1.0 - rng.nextDouble()) / r.logStay()) + 1;
        return m >= 9e18 ? Long.MAX_VALUE : (long) m;
    }

    /** Draws the swap's branch, applies it, and returns the channel of a jump or −1. */
    private int swap(Swap w, double u) {
        double below = 0;
        int last = -1;
        for (int b = 0; b < 4; b++) {
            double p = b < 2 ? 1 - w.q() : w.q();
            if (p == 0) {
                continue;
            }
            multiply(w.re()[b], w.im()[b], re, im, bRe, bIm);
            double norm2 = norm2(bRe, bIm);
            if (norm2 == 0) {
                continue;
            }
            last = b;
            below += p * norm2;
            if (u < below) {
                return take(w, b, norm2);
            }
        }
        // The branches' weights add up to 1 but for rounding: what is left of [0, 1) goes to the last of them.
        multiply(w.re()[last], w.im()[last], re, im, bRe, bIm);
        return take(w, last, norm2(bRe, bIm));
    }

    private int take(Swap w, int branch, double norm2) {
        double f = 1.0 / Math.sqrt(norm2);
        for (int i = 0; i < d; i++) {
            re[i] = bRe[i] * f;
            im[i] = bIm[i] * f;
        }
        return branch == 1 ? w.down() : branch == 3 ? w.up() : -1;
    }

    /** Counts down to the next reset; when it fires, draws m by ‖P_mψ‖² and n by τ_n. */
    private int reset(int i, Reset r, UniformRandomProvider rng) {
        if (--next[i] > 0) {
            return -1;
        }
        next[i] = geometric(rng, r);
        return reset(r, rng, re, im, aRe, aIm, levelWeights);
    }

    /**
     * A reset that fires: draws the site's level m by ‖P_mψ‖² and the new level n by τ_n, and leaves the normalised
     * state in (re, im) whatever the norm of ψ was.
     *
     * @return the channel |n⟩⟨m| of the jump
     */
    static int reset(Reset r, UniformRandomProvider rng, double[] re, double[] im, double[] tRe, double[] tIm,
            double[] w) {
        int d = re.length;
        int ds = r.levels();
        java.util.Arrays.fill(w, 0, ds, 0.0);
        for (int s = 0; s < d; s++) {
            w[s / r.stride() % ds] += re[s] * re[s] + im[s] * im[s];
        }
        int m = pick(w, ds, rng.nextDouble() * sum(w, ds));
        int n = pick(r.tau(), ds, rng.nextDouble() * sum(r.tau(), ds));
        double f = 1.0 / Math.sqrt(w[m]);
        for (int s = 0; s < d; s++) {
            int level = s / r.stride() % ds;
            int from = s + (m - level) * r.stride();
            tRe[s] = level == n ? re[from] * f : 0;
            tIm[s] = level == n ? im[from] * f : 0;
        }
        System.arraycopy(tRe, 0, re, 0, d);
        System.arraycopy(tIm, 0, im, 0, d);
        return r.first() + n * ds + m;
    }

    private static int pick(double[] w, int n, double u) {
        double c = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                c += w[i];
                last = i;
                if (u < c) {
                    return i;
                }
            }
        }
        return last;
    }

    private static double sum(double[] w, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i];
        }
        return s;
    }

    private static double norm2(double[] re, double[] im) {
        double s = 0;
        for (int i = 0; i < re.length; i++) {
            s += re[i] * re[i] + im[i] * im[i];
        }
        return s;
    }

    /** out = M v for a flat complex d×d matrix. */
    private void multiply(double[] mRe, double[] mIm, double[] vRe, double[] vIm, double[] outRe, double[] outIm) {
        for (int i = 0; i < d; i++) {
            double sr = 0;
            double si = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double ar = mRe[row + j];
                double ai = mIm[row + j];
                sr += ar * vRe[j] - ai * vIm[j];
                si += ar * vIm[j] + ai * vRe[j];
            }
            outRe[i] = sr;
            outIm[i] = si;
        }
    }
}
