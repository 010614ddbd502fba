package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Channels;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * Quantum-jump (Monte Carlo wave-function) trajectories in continuous time.
 *
 * <p>Between jumps the unnormalised state follows e^{−iH_eff t}, evaluated in closed form by
 * {@link NoJumpPropagator}. A jump happens when ‖ψ̃(t)‖² falls to a uniform draw u: when all basis states decay at the
 * same rate d the time is −ln(u)/d exactly; otherwise it is found by Newton's method on ln‖ψ̃(t)‖² − ln u, safeguarded
 * by bisection inside the bracket, to 1e-12 in time. In the uniform case (the reset model) the decay is a scalar that
 * normalisation removes, so only the unitary e^{−iVt} is applied and the next jump time is drawn up front. The channel is drawn by its Born weight γ_j‖A_jψ‖². At grid points
 * the state is renormalised and u rescaled by the same factor, which changes nothing mathematically and keeps the norm
 * away from underflow over long runs.
 *
 * <p>Global channels (between eigenstates of H) are not partial permutations in the computational basis, and their
 * Σγ_j A_j†A_j is not diagonal there; the engine then works in the eigenbasis of H ({@link EigenBasis}), where both
 * hold again and the frame removes all of H, and hands its observers the state in the computational basis.
 *
 * <p>Not thread-safe: the workspaces are fields, reused for every trajectory, so the loop allocates nothing.
 */
public final class JumpTrajectories implements Engine {
    private static final double TIME_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    /** The bracket of the jump-time search, reused so that no search allocates. */
    private final Bracket bracket = new Bracket();
    private final TimeGrid grid;
    private final Channels channels;
    private final NoJumpPropagator propagator;
    private final NoJumpPropagator rotation;
    private final double[] rotationStep = new double[NoJumpPropagator.COEFFICIENTS];
    private final PureStates initial;
    private final double[] stepCoefficients = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] coefficients = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] weights;
    /** grid.time(k) for every k, computed once: the record divides at every call, and the loops ask at every point. */
    private final double[] times;
    private final double step;
    private final double[] populations = new double[4];
    private final StateVector psi;
    private double threshold;

    /**
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @throws IllegalArgumentException if the model's H or channels do not have the block form the engine needs
     */
    public JumpTrajectories(Model model, ZMatrixRMaj rho0, TimeGrid grid) {
        this.grid = grid;
        boolean eigen = EigenBasis.needed(model);
        this.channels = Channels.of(eigen ? EigenBasis.jumps(model.jumps()) : model.jumps());
        ZMatrixRMaj h = eigen ? EigenBasis.operator(model.hamiltonian()) : model.hamiltonian();
        this.propagator = eigen ? NoJumpPropagator.framed(channels.decay())
                : new NoJumpPropagator(h, channels.decay());
        Frame frame = new Frame(h, grid, eigen);
        this.psi = new StateVector(frame);
        channels.requireUniformEnergies(frame.levels());
        this.initial = PureStates.of(eigen ? EigenBasis.operator(rho0) : rho0);
        this.weights = new double[channels.size()];
        this.step = grid.step();
        this.times = new double[grid.points()];
        for (int k = 0; k < times.length; k++) {
            times[k] = grid.time(k);
        }
        propagator.coefficients(grid.step(), stepCoefficients);
        this.rotation = eigen ? NoJumpPropagator.framed(new double[4]) : NoJumpPropagator.unitary(h);
        rotation.coefficients(grid.step(), rotationStep);
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    @Override
    public void run(UniformRandomProvider rng, TrajectoryObserver observer) {
        if (propagator.uniform()) {
            runUniform(rng, observer);
            return;
        }
        psi.begin(initial, rng, observer);
        threshold = uniformOpen(rng);
        double t = 0;
        for (int k = 1; k < grid.points(); k++) {
            double end = times[k];
            boolean fromGrid = true;
            while (true) {
                double tau = nextJump(fromGrid ? -1 : end - t);
                if (tau < 0) {
                    t = end;
                    psi.emit(k, observer);
                    break;
                }
                t += tau;
                jump(rng, observer, t);
                if (observer.cancelled()) {
                    return;
                }
                threshold = uniformOpen(rng);
                fromGrid = false;
            }
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    /**
     * Every state decays at the same rate d, so ‖ψ̃(t)‖² = e^{−dt} whatever ψ: waiting times are exponential with
     * rate d, drawn up front, and between jumps the state only rotates.
     */
    private void runUniform(UniformRandomProvider rng, TrajectoryObserver observer) {
        psi.begin(initial, rng, observer);
        double d = propagator.uniformRate();
        double next = d > 0 ? -Math.log(uniformOpen(rng)) / d : Double.POSITIVE_INFINITY;
        double t = 0;
        for (int k = 1; k < grid.points(); k++) {
            double end = times[k];
            boolean fromGrid = true;
            while (next <= end) {
                rotation.coefficients(next - t, coefficients);
                NoJumpPropagator.apply(coefficients, psi.re, psi.im, psi.nextRe, psi.nextIm);
                psi.swap();
                t = next;
                jump(rng, observer, t);
                if (observer.cancelled()) {
                    return;
                }
                next = t - Math.log(uniformOpen(rng)) / d;
                fromGrid = false;
            }
            if (fromGrid) {
                // A rotation keeps the norm; renormalising after every jump is enough.
                NoJumpPropagator.apply(rotationStep, psi.re, psi.im, psi.nextRe, psi.nextIm);
                psi.swap();
            } else {
                rotation.coefficients(end - t, coefficients);
                NoJumpPropagator.apply(coefficients, psi.re, psi.im, psi.nextRe, psi.nextIm);
                psi.swap();
            }
            t = end;
            psi.emit(k, observer);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    /** A uniform draw in (0, 1], so that its logarithm is finite. */
    private static double uniformOpen(UniformRandomProvider rng) {
        return 1.0 - rng.nextDouble();
    }

    /**
     * Advances the state to the next jump or by {@code limit}, whichever comes first.
     *
     * @param limit time left to the next grid point, or −1 for a whole grid step (cached coefficients)
     * @return the time to the jump, with the state advanced to just before it; or −1 if there is none, with the state
     *     advanced by the limit, renormalised, and the threshold rescaled
     */
    private double nextJump(double limit) {
        double span = limit < 0 ? step : limit;
        double n = advanceTo(limit < 0 ? stepCoefficients : coefficientsFor(span));
        if (n > threshold) {
            psi.accept(n);
            threshold /= n;
            return -1;
        }
        return findJump(span);
    }

    private double[] coefficientsFor(double t) {
        propagator.coefficients(t, coefficients);
        return coefficients;
    }

    /** Propagates into the spare buffers and returns the squared norm, without accepting. */
    private double advanceTo(double[] c) {
        return NoJumpPropagator.apply(c, psi.re, psi.im, psi.nextRe, psi.nextIm);
    }

    /**
     * Solves ln‖ψ̃(τ)‖² = ln u on (0, hi], knowing the left end is above and hi at or below. Newton steps on the
     * logarithm are nearly exact because the norm is close to a single exponential; a step leaving the bracket is
     * replaced by bisection.
     */
    private double findJump(double hi) {
        bracket.reset(0, hi);
        double target = Math.log(threshold);
        double rate = propagator.decayRate(psi.re, psi.im);
        double tau = bracket.inside(rate > 0 ? -target / rate : 0.5 * hi);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            propagator.coefficients(tau, coefficients);
            double n = advanceTo(coefficients);
            double f = Math.log(n) - target;
            bracket.narrow(tau, f);
            double slope = -propagator.decayRate(psi.nextRe, psi.nextIm) / n;
            double step = slope < 0 ? -f / slope : Double.NaN;
            if (Math.abs(step) <= TIME_TOLERANCE || bracket.width() <= TIME_TOLERANCE) {
                psi.accept(n);
                return tau;
            }
            tau = bracket.next(tau, step);
        }
        throw new IllegalStateException("jump-time search did not converge");
    }

    private void jump(UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        double total = channels.weights(psi.re, psi.im, populations, weights);
        int chosen = choose(weights, rng.nextDouble() * total);
        if (chosen < 0) {
            throw new IllegalStateException("a jump was due but no channel has weight");
        }
        channels.apply(chosen, psi.re, psi.im, psi.nextRe, psi.nextIm);
        psi.accept(channels.weight(chosen, psi.re, psi.im));
        observer.jump(chosen, channels.side(chosen).bath(), channels.energy(chosen), t);
    }

    /**
     * The channel a jump takes: the first whose cumulative weight exceeds r, skipping channels of weight 0 (so that
     * rounding at the top end never picks an impossible jump). Shared with the benchmark's hand-written loop so that
     * both draw the same channel from the same number.
     *
     * @param weights each channel's weight, ≥ 0
     * @param r a uniform draw times the total weight
     * @return the channel, or −1 if every weight is 0
     */
    public static int choose(double[] weights, double r) {
        int chosen = -1;
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] > 0) {
                chosen = j;
                r -= weights[j];
                if (r < 0) {
                    break;
                }
            }
        }
        return chosen;
    }
}
