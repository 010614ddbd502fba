package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * Trajectories of the discrete collision model. Each step rotates the state by e^{−iVΔt} (in the frame of diag H,
 * see {@link NoJumpPropagator}) and then applies every collision of {@link Collision} with its outcome drawn by the
 * Born rule. One uniform number per partial swap picks both the ancilla's initial state and the measurement outcome,
 * by splitting [0, 1) into the four joint probabilities.
 *
 * <p>In the reset model whether a bath collides in a step does not depend on the state (probability p_kΔt), so with
 * {@link Sampling#EVENTS} the steps to each bath's next collision are drawn at once, geometric, and the free evolution
 * up to it is applied in closed form as one rotation by e^{−iV mΔt}. The process is the same discrete collision model
 * in law, step for step: within a step the cold bath still collides before the hot one, both may collide in the same
 * step, and only the outcome of a collision (which channel) depends on the state. {@link Sampling#STEPS} draws every
 * step, as the partial swaps of the other models must.
 *
 * <p>Not thread-safe: the workspaces are fields, reused for every trajectory, so the loop allocates nothing.
 */
public final class CollisionEngine implements Engine {
    /** How the steps at which collisions happen are drawn. */
    public enum Sampling {
        /** Every step and every collision drawn in turn (any model). */
        STEPS("steps"),
        /** The steps to each bath's next reset drawn at once (the reset model only). */
        EVENTS("events");

        private final String key;

        Sampling(String key) {
            this.key = key;
        }

        /** @return its name in scenario files */
        public String key() {
            return key;
        }

        /**
         * @param key "events" or "steps"
         * @return the sampling
         * @throws IllegalArgumentException for any other name
         */
        public static Sampling of(String key) {
            for (Sampling s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown collision sampling '" + qtm.input.Quote.of(key) + "'; expected events or steps");
        }

        /**
         * @param model the machine
         * @return the default: events where the model allows them, steps otherwise
         */
        public static Sampling defaultFor(Model model) {
            return model instanceof qtm.model.ResetModel ? EVENTS : STEPS;
        }
    }

    /** Steps to a collision are capped here: far beyond any grid (at most 10^6 steps per point). */
    private static final double NEVER = 1e18;
    private final boolean events;
    private final double[] span = new double[NoJumpPropagator.COEFFICIENTS];
    private final NoJumpPropagator free;
    private final long[] next = new long[2];
    private final TimeGrid grid;
    private final Collision collision;
    private final Channels channels;
    private final Collision.Swap[] swaps;
    private final Collision.Reset[] resets;
    private final PureStates initial;
    private final double[] rotation = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] weights = new double[4];
    private final StateVector psi;

    /**
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt requested step (see {@link Collision#of(Model, TimeGrid, double)})
     * @throws IllegalArgumentException if the model or the step is unsuitable
     */
    public CollisionEngine(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        this(model, rho0, grid, dt, Sampling.defaultFor(model));
    }

    /**
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt requested step (see {@link Collision#of(Model, TimeGrid, double)})
     * @param sampling how collisions are drawn ({@link Sampling#EVENTS} needs the reset model)
     * @throws IllegalArgumentException if the model, the step or the sampling is unsuitable
     */
    public CollisionEngine(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, Sampling sampling) {
        this.grid = grid;
        this.collision = Collision.of(model, grid, dt);
        this.channels = collision.channels();
        this.swaps = collision.swaps().toArray(new Collision.Swap[0]);
        this.resets = collision.resets().toArray(new Collision.Reset[0]);
        ZMatrixRMaj h = model.hamiltonian();
        Frame frame = new Frame(h, grid);
        this.psi = new StateVector(frame);
        channels.requireUniformEnergies(frame.levels());
        this.initial = PureStates.of(rho0);
        this.free = new NoJumpPropagator(h, new double[4]);
        free.coefficients(collision.dt(), rotation);
        this.events = sampling == Sampling.EVENTS;
        if (events && swaps.length > 0) {
            throw new IllegalArgumentException("collision sampling 'events' needs the reset model, whose collisions "
                    + "do not depend on the state; use 'steps'");
        }
    }

    /** @return the collision step in use */
    public Collision collision() {
        return collision;
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    @Override
    public void run(UniformRandomProvider rng, TrajectoryObserver observer) {
        if (events) {
            runEvents(rng, observer);
            return;
        }
        psi.begin(initial, rng, observer);
        double dt = collision.dt();
        int steps = collision.stepsPerPoint();
        for (int k = 1; k < grid.points(); k++) {
            double t0 = grid.time(k - 1);
            for (int s = 1; s <= steps; s++) {
                if ((s & 1023) == 0 && observer.cancelled()) {
                    return;
                }
                double t = t0 + s * dt;
                psi.accept(NoJumpPropagator.apply(rotation, psi.re, psi.im, psi.nextRe, psi.nextIm));
                for (Collision.Reset r : resets) {
                    reset(r, rng, observer, t);
                }
                for (Collision.Swap w : swaps) {
                    swap(w, rng, observer, t);
                }
            }
            psi.emit(k, observer);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    /** The reset model by events: geometric waits between each bath's collisions, closed-form rotation between. */
    private void runEvents(UniformRandomProvider rng, TrajectoryObserver observer) {
        psi.begin(initial, rng, observer);
        double dt = collision.dt();
        long steps = collision.stepsPerPoint();
        for (int b = 0; b < resets.length; b++) {
            next[b] = wait(resets[b].probability(), rng);
        }
        long done = 0;
        for (int k = 1; k < grid.points(); k++) {
            long end = k * steps;
            double t0 = grid.time(k - 1);
            long first = (k - 1) * steps;
            while (true) {
                long e = Long.MAX_VALUE;
                for (int b = 0; b < resets.length; b++) {
                    e = Math.min(e, next[b]);
                }
                if (e > end) {
                    break;
                }
                rotate(e - done);
                done = e;
                double t = t0 + (e - first) * dt;
                // In the order of the schedule, as a step applies them: cold, then hot.
                for (int b = 0; b < resets.length; b++) {
                    if (next[b] == e) {
                        collide(resets[b], rng, observer, t);
                        next[b] = e + wait(resets[b].probability(), rng);
                    }
                }
                if (observer.cancelled()) {
                    return;
                }
            }
            rotate(end - done);
            done = end;
            psi.emit(k, observer);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    /**
     * Steps from now to the next collision of probability p per step, the first of them included: geometric,
     * P(wait &gt; n) = (1 − p)^n, by inversion of one uniform number.
     */
    private static long wait(double p, UniformRandomProvider rng) {
        if (p >= 1) {
            return 1;
        }
        if (!(p > 0)) {
            return (long) NEVER;
        }
        double n = Math.floor(Math.log1p(-rng.nextDouble()) / Math.log1p(-p));
        return 1 + (long) Math.min(n, NEVER);
    }

    /** Free evolution over m whole steps, e^{−iV mΔt}: one grid interval's rotation is kept, others computed. */
    private void rotate(long m) {
        if (m == 0) {
            return;
        }
        if (m == 1) {
            psi.accept(NoJumpPropagator.apply(rotation, psi.re, psi.im, psi.nextRe, psi.nextIm));
            return;
        }
        free.coefficients(m * collision.dt(), span);
        psi.accept(NoJumpPropagator.apply(span, psi.re, psi.im, psi.nextRe, psi.nextIm));
    }

    private void jumpBy(int j, TrajectoryObserver observer, double t) {
        double w = channels.weight(j, psi.re, psi.im);
        channels.apply(j, psi.re, psi.im, psi.nextRe, psi.nextIm);
        psi.accept(w);
        observer.jump(j, channels.side(j).bath(), channels.energy(j), t);
    }

    private void reset(Collision.Reset r, UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        if (rng.nextDouble() < r.probability()) {
            collide(r, rng, observer, t);
        }
    }

    /** A reset collision that happens: its outcome drawn from the state. */
    private void collide(Collision.Reset r, UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        // Measuring qubit k and re-preparing it from τ_k is the reset channel |i><j| drawn by its Born weight.
        int[] own = r.channels();
        double total = 0;
        for (int m = 0; m < own.length; m++) {
            weights[m] = channels.rate(own[m]) * channels.weight(own[m], psi.re, psi.im);
            total += weights[m];
        }
        double u = rng.nextDouble() * total;
        int chosen = -1;
        for (int m = 0; m < own.length; m++) {
            if (weights[m] > 0) {
                chosen = own[m];
                u -= weights[m];
                if (u < 0) {
                    break;
                }
            }
        }
        jumpBy(chosen, observer, t);
        observer.collided(r.side(), psi.re, psi.im);
    }

    private void swap(Collision.Swap w, UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        double q = w.excited();
        double down = channels.weight(w.down(), psi.re, psi.im);
        double up = w.up() < 0 ? 0 : channels.weight(w.up(), psi.re, psi.im);
        double clickDown = (1 - q) * w.sin2() * down;
        double clickUp = q * w.sin2() * up;
        double quietGround = (1 - q) * (1 - w.sin2() * down);
        double u = rng.nextDouble();
        if (u < clickDown) {
            jumpBy(w.down(), observer, t);
        } else if (u < clickDown + clickUp) {
            jumpBy(w.up(), observer, t);
        } else if (u < clickDown + clickUp + quietGround) {
            quiet(w.down(), w.cos());
        } else if (w.up() >= 0) {
            quiet(w.up(), w.cos());
        }
        observer.collided(channels.side(w.down()), psi.re, psi.im);
    }

    /** The no-click Kraus operator 1 − (1 − cos θ)A†A, then renormalisation. */
    private void quiet(int j, double cos) {
        double w = channels.weight(j, psi.re, psi.im);
        channels.scaleDomain(j, cos, psi.re, psi.im);
        psi.scale(1.0 / Math.sqrt(1 - (1 - cos * cos) * w));
    }
}
