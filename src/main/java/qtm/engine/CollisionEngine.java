package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * Trajectories of the discrete collision model. Each step rotates the state by e^{−iVΔt} (in the frame of diag H,
 * see {@link NoJumpPropagator}) and then applies every collision of {@link Collision} with its outcome drawn by the
 * Born rule. One uniform number per partial swap picks both the ancilla's initial state and the measurement outcome,
 * by splitting [0, 1) into the four joint probabilities.
 *
 * <p>Not thread-safe: the workspaces are fields, reused for every trajectory, so the loop allocates nothing.
 */
public final class CollisionEngine implements Engine {
    private final TimeGrid grid;
    private final Collision collision;
    private final Channels channels;
    private final Collision.Swap[] swaps;
    private final Collision.Reset[] resets;
    private final PureStates initial;
    private final Frame frame;
    private final double[] rotation = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] weights = new double[4];
    private double[] re = new double[4];
    private double[] im = new double[4];
    private double[] nextRe = new double[4];
    private double[] nextIm = new double[4];
    private final double[] labRe = new double[4];
    private final double[] labIm = new double[4];

    /**
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt requested step (see {@link Collision#of(Model, TimeGrid, double)})
     * @throws IllegalArgumentException if the model or the step is unsuitable
     */
    public CollisionEngine(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        this.grid = grid;
        this.collision = Collision.of(model, grid, dt);
        this.channels = collision.channels();
        this.swaps = collision.swaps().toArray(new Collision.Swap[0]);
        this.resets = collision.resets().toArray(new Collision.Reset[0]);
        ZMatrixRMaj h = model.hamiltonian();
        this.frame = new Frame(h, grid);
        channels.requireUniformEnergies(frame.levels());
        this.initial = PureStates.of(rho0);
        new NoJumpPropagator(h, new double[4]).coefficients(collision.dt(), rotation);
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
        initial.sample(rng, re, im);
        observer.begin();
        emit(0, observer);
        double dt = collision.dt();
        int steps = collision.stepsPerPoint();
        for (int k = 1; k < grid.points(); k++) {
            double t0 = grid.time(k - 1);
            for (int s = 1; s <= steps; s++) {
                if ((s & 1023) == 0 && observer.cancelled()) {
                    return;
                }
                double t = t0 + s * dt;
                accept(NoJumpPropagator.apply(rotation, re, im, nextRe, nextIm));
                for (Collision.Reset r : resets) {
                    reset(r, rng, observer, t);
                }
                for (Collision.Swap w : swaps) {
                    swap(w, rng, observer, t);
                }
            }
            emit(k, observer);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    private void emit(int k, TrajectoryObserver observer) {
        frame.toLab(k, re, im, labRe, labIm);
        observer.state(k, labRe, labIm);
    }

    private void accept(double norm2) {
        double[] r = re;
        double[] i = im;
        re = nextRe;
        im = nextIm;
        nextRe = r;
        nextIm = i;
        double f = 1.0 / Math.sqrt(norm2);
        for (int m = 0; m < 4; m++) {
            re[m] *= f;
            im[m] *= f;
        }
    }

    private void jumpBy(int j, TrajectoryObserver observer, double t) {
        double w = channels.weight(j, re, im);
        channels.apply(j, re, im, nextRe, nextIm);
        accept(w);
        observer.jump(j, channels.side(j), channels.energy(j), t);
    }

    private void reset(Collision.Reset r, UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        if (!(rng.nextDouble() < r.probability())) {
            return;
        }
        // Measuring qubit k and re-preparing it from τ_k is the reset channel |i><j| drawn by its Born weight.
        int[] own = r.channels();
        double total = 0;
        for (int m = 0; m < own.length; m++) {
            weights[m] = channels.rate(own[m]) * channels.weight(own[m], re, im);
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
    }

    private void swap(Collision.Swap w, UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        double q = w.excited();
        double down = channels.weight(w.down(), re, im);
        double up = w.up() < 0 ? 0 : channels.weight(w.up(), re, im);
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
    }

    /** The no-click Kraus operator 1 − (1 − cos θ)A†A, then renormalisation. */
    private void quiet(int j, double cos) {
        double w = channels.weight(j, re, im);
        channels.scaleDomain(j, cos, re, im);
        double f = 1.0 / Math.sqrt(1 - (1 - cos * cos) * w);
        for (int m = 0; m < 4; m++) {
            re[m] *= f;
            im[m] *= f;
        }
    }
}
