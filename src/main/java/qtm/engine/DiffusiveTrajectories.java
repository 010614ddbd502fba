package qtm.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.MonitoredChannel;
import qtm.model.TimeGrid;

/**
 * The diffusive unravelling (issue 29): every channel watched by homodyne detection, its conditional state stepped by
 * {@link HomodyneStep} at a fixed step dt that divides every grid interval.
 *
 * <p>Where every channel's efficiency is 1 the conditional state is pure: each trajectory draws its start from ρ0's
 * eigendecomposition as the jump engines do and follows the stochastic Schrödinger equation, reported through
 * {@link TrajectoryObserver#state}. Where any efficiency is below 1 it is mixed: every trajectory starts from ρ0
 * itself and follows the stochastic master equation, reported through {@link TrajectoryObserver#mixed}. After every
 * step the observer hears the measured increments ({@link TrajectoryObserver#homodyne}).
 *
 * <p>Randomness comes only from the {@link UniformRandomProvider} given to {@link #run}: one draw for the initial
 * pure state when ρ0 is mixed and every η = 1, then one standard Gaussian (Commons RNG's ziggurat) per channel per
 * step, in channel order. Not thread-safe: the workspaces are fields, reused for every trajectory.
 */
public final class DiffusiveTrajectories implements Engine {
    private final TimeGrid grid;
    private final HomodyneStep kernel;
    private final int stepsPerPoint;
    private final double dt;
    private final double sqrtDt;
    private final boolean pure;
    private final PureStates initial;
    private final double[] rho0Re;
    private final double[] rho0Im;
    private final double[] re;
    private final double[] im;
    private final double[] dW;
    private final double[] dY;

    /**
     * @param hamiltonian H, d×d Hermitian
     * @param channels the monitored channels (as from {@link MonitoredChannel#ofJumps} or
     *        {@link MonitoredChannel#ofMachine}), each d×d
     * @param rho0 the initial density matrix, d×d
     * @param grid the output grid
     * @param dt the step; a whole number of steps must fill each grid interval ({@link #stepFor})
     * @throws IllegalArgumentException on mismatched dimensions, a dt that does not divide the grid step, or a ρ0
     *         without a positive eigenvalue
     */
    public DiffusiveTrajectories(ZMatrixRMaj hamiltonian, List<MonitoredChannel> channels, ZMatrixRMaj rho0,
            TimeGrid grid, double dt) {
        int d = hamiltonian.numRows;
        if (rho0.numRows != d || rho0.numCols != d) {
            throw new IllegalArgumentException("rho0 is " + rho0.numRows + "x" + rho0.numCols + ", H is " + d + "x"
                    + d);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("diffusive dt must be finite and > 0, got " + dt);
        }
        long steps = Math.round(grid.step() / dt);
        if (steps < 1 || steps > Integer.MAX_VALUE || Math.abs(steps * dt - grid.step()) > 1e-9 * grid.step()) {
            throw new IllegalArgumentException("diffusive dt " + dt + " does not divide the grid step "
                    + grid.step() + "; use stepFor");
        }
        this.grid = grid;
        this.kernel = new HomodyneStep(hamiltonian, channels);
        this.stepsPerPoint = (int) steps;
        this.dt = grid.step() / steps;
        this.sqrtDt = Math.sqrt(this.dt);
        boolean allSeen = true;
        for (MonitoredChannel c : channels) {
            allSeen &= c.efficiency() == 1.0;
        }
        this.pure = allSeen;
        double[][] parts = ComplexMatrices.split(rho0);
        this.rho0Re = parts[0];
        this.rho0Im = parts[1];
        this.initial = pure ? PureStates.of(rho0) : null;
        this.re = new double[pure ? d : d * d];
        this.im = new double[pure ? d : d * d];
        this.dW = new double[channels.size()];
        this.dY = new double[channels.size()];
    }

    /**
     * A preset's diffusive engine: every channel of both baths watched.
     *
     * @param model the machine: the flux model (the reset model's jump operators are one arbitrary decomposition of its
     *        channel, and homodyning the double dot's fermionic leads would create the even–odd coherence qtm refuses)
     * @param rho0 the initial density matrix
     * @param grid the output grid
     * @param dt the step, dividing the grid step
     * @param phases φ per bath (cold, hot)
     * @param efficiencies η per bath (cold, hot)
     * @return the engine
     * @throws IllegalArgumentException for the reset and double-dot models, or as the constructor
     */
    public static DiffusiveTrajectories of(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, double[] phases,
            double[] efficiencies) {
        if (!(model instanceof FluxModel)) {
            throw new IllegalArgumentException("the diffusive engine watches bosonic baths only, not the "
                    + model.type() + " model's");
        }
        return new DiffusiveTrajectories(model.hamiltonian(),
                MonitoredChannel.ofJumps(model.jumps(), phases, efficiencies), rho0, grid, dt);
    }

    /**
     * The step the engine takes for a requested one: shortened, if needed, so that a whole number of steps fills
     * each grid interval, as the collision model's Δt is.
     *
     * @param grid the output grid
     * @param requested the requested step, finite and &gt; 0
     * @return grid step ÷ ⌈grid step ÷ requested⌉
     * @throws IllegalArgumentException if the request is not finite and positive
     */
    public static double stepFor(TimeGrid grid, double requested) {
        if (!(requested > 0) || !Double.isFinite(requested)) {
            throw new IllegalArgumentException("diffusive dt must be finite and > 0, got " + requested);
        }
        return grid.step() / Math.max(1, Math.ceil(grid.step() / requested - 1e-9));
    }

    /**
     * The fastest decay the channels can cause, the largest eigenvalue of Σ_j L_j†L_j: the rate a step must resolve
     * (the Kraus step's error grows with it times dt), for the scenario's check of {@code diffusive.dt}.
     *
     * @param channels the monitored channels, each d×d
     * @return λ_max(Σ_j L_j†L_j) ≥ 0
     */
    public static double fastestRate(List<MonitoredChannel> channels) {
        if (channels.isEmpty()) {
            return 0;
        }
        int d = channels.get(0).operator().numRows;
        ZMatrixRMaj sum = new ZMatrixRMaj(d, d);
        ZMatrixRMaj adjoint = new ZMatrixRMaj(d, d);
        ZMatrixRMaj product = new ZMatrixRMaj(d, d);
        for (MonitoredChannel c : channels) {
            org.ejml.dense.row.CommonOps_ZDRM.transposeConjugate(c.operator(), adjoint);
            org.ejml.dense.row.CommonOps_ZDRM.mult(adjoint, c.operator(), product);
            for (int e = 0; e < sum.data.length; e++) {
                sum.data[e] += product.data[e];
            }
        }
        double max = 0;
        for (double l : qtm.math.Hermitian.embedded(sum).values()) {
            max = Math.max(max, l);
        }
        return max;
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    /** @return the step taken */
    public double dt() {
        return dt;
    }

    /** @return whether the conditional state is pure (every η = 1) */
    public boolean pure() {
        return pure;
    }

    /** @return the number of monitored channels, the length of every {@link TrajectoryObserver#homodyne} array */
    public int channels() {
        return dW.length;
    }

    @Override
    public void run(UniformRandomProvider rng, TrajectoryObserver observer) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        if (pure) {
            initial.sample(rng, re, im);
        } else {
            System.arraycopy(rho0Re, 0, re, 0, re.length);
            System.arraycopy(rho0Im, 0, im, 0, im.length);
        }
        observer.begin();
        emit(0, observer);
        if (observer.cancelled()) {
            return;
        }
        int step = 0;
        for (int k = 1; k < grid.points(); k++) {
            double start = grid.time(k - 1);
            for (int s = 0; s < stepsPerPoint; s++) {
                for (int j = 0; j < dW.length; j++) {
                    dW[j] = sqrtDt * gauss.sample();
                }
                double t = start + s * dt;
                if (pure) {
                    kernel.pure(re, im, t, dt, dW, dY);
                } else {
                    kernel.mixed(re, im, t, dt, dW, dY);
                }
                observer.homodyne(++step, dY);
            }
            emit(k, observer);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    private void emit(int k, TrajectoryObserver observer) {
        if (pure) {
            observer.state(k, re, im);
        } else {
            observer.mixed(k, re, im);
        }
    }
}
