package qtm.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.MachineChannel;
import qtm.model.ProductSpace;
import qtm.model.TimeGrid;

/**
 * Quantum-jump (Monte Carlo wave-function) trajectories of any machine of up to {@value ProductSpace#MAX_DIMENSION}
 * states (issue 24), without an ODE: the general core beside {@link JumpTrajectories}, whose closed forms hold for two
 * qubits only.
 *
 * <p>H_eff = H − (i/2)Σ_j γ_j A_j†A_j does not depend on time, so the no-jump evolution e^{−iH_eff t} and the survival
 * probability ‖e^{−iH_eff t}ψ‖² are closed forms, taken through the complex Schur form of H_eff
 * ({@link SchurPropagator}), which stays exact where H_eff is defective (exceptional points). A jump happens when the
 * survival probability falls to a uniform draw u ∈ (0, 1]; its time is found by root-finding on that analytic norm
 * ({@link WaitingTime}), the channel is drawn with weight γ_j‖A_jψ‖² ({@link JumpTrajectories#choose}) and applied,
 * and the state is renormalised. At grid points the state is renormalised and u rescaled by the same factor, which
 * changes nothing mathematically and keeps the norm away from underflow; e^{−iH_eff Δt} for the grid step is
 * precomputed, so a grid step without a jump costs one triangular product.
 *
 * <p>Memory: the engine keeps 8 bytes per grid point (the grid times) and, independent of the points, the Schur form
 * and the propagator ladder, 16(K + 4)d² bytes with K ≈ log₂(16‖H_eff‖₁Δt) (about 330 KiB at d = 32 and K = 16); an
 * ensemble's sums of ρ(t) take far more, about (304 + 48T)·d² bytes per grid point on T threads
 * ({@code qtm.run.RunPlan#bytesPerPoint}).
 *
 * <p>Randomness comes only from the {@link UniformRandomProvider} given to {@link #run}: one draw for the initial pure
 * state when ρ0 is mixed, one threshold per jump plus the first, one draw per jump for the channel. Not thread-safe:
 * the workspaces are fields, reused for every trajectory, so the loop allocates nothing.
 */
public final class MachineTrajectories implements Engine {
    private final TimeGrid grid;
    private final double step;
    private final double[] times;
    private final SchurPropagator propagator;
    private final NoJumpPath path;
    private final ChannelOperators channels;
    private final PureStates initial;
    private final double[] weights;
    private final double[] vRe;
    private final double[] vIm;
    private final double[] psiRe;
    private final double[] psiIm;
    private final double[] spareRe;
    private final double[] spareIm;

    /**
     * @param hamiltonian H, d×d Hermitian, d ≤ {@value ProductSpace#MAX_DIMENSION}
     * @param channels the Lindblad channels (as from {@code qtm.model.MachineChannels.of}), each d×d
     * @param rho0 the initial density matrix, d×d
     * @param grid the output grid
     * @throws IllegalArgumentException on mismatched dimensions, d above the cap, or a ρ0 without a positive
     *         eigenvalue
     */
    public MachineTrajectories(ZMatrixRMaj hamiltonian, List<MachineChannel> channels, ZMatrixRMaj rho0,
            TimeGrid grid) {
        int d = hamiltonian.numRows;
        if (d > ProductSpace.MAX_DIMENSION) {
            throw new IllegalArgumentException("at most " + ProductSpace.MAX_DIMENSION + " states, got " + d);
        }
        if (rho0.numRows != d || rho0.numCols != d) {
            throw new IllegalArgumentException("rho0 is " + rho0.numRows + "x" + rho0.numCols + ", H is " + d + "x"
                    + d);
        }
        this.grid = grid;
        this.step = grid.step();
        this.times = new double[grid.points()];
        for (int k = 0; k < times.length; k++) {
            times[k] = grid.time(k);
        }
        this.propagator = new SchurPropagator(hamiltonian, channels, step);
        ModalPropagator modal = ModalPropagator.of(propagator.schur(), step, propagator.fastestDecay(),
                propagator.uniformDecay());
        this.path = modal != null ? modal : new WaitingTime(propagator);
        this.channels = new ChannelOperators(d, channels);
        this.initial = PureStates.of(rho0);
        this.weights = new double[channels.size()];
        this.vRe = new double[d];
        this.vIm = new double[d];
        this.psiRe = new double[d];
        this.psiIm = new double[d];
        this.spareRe = new double[d];
        this.spareIm = new double[d];
    }

    /** @return the closed form the waiting time is found on: UNIFORM, DIAGONAL, MODAL or SCHUR */
    String path() {
        return path instanceof ModalPropagator m ? m.kind().name() : "SCHUR";
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    /**
     * The dense no-jump propagator, for checks against other ways of computing it.
     *
     * @param t time, finite and ≥ 0
     * @return a new d×d matrix e^{−iH_eff t}
     */
    public ZMatrixRMaj noJumpPropagator(double t) {
        // Always the Schur form's: the check must not depend on which path the engine drives.
        return propagator.propagator(t);
    }

    /**
     * Runs one trajectory from a pure state drawn from ρ0's eigendecomposition. A jump reports the heat its channel
     * moves into its bath as the energy; its count N_k is the channel's ({@code qtm.model.MachineChannel#count}).
     *
     * @param rng the only source of randomness
     * @param observer receives the states on the grid and the jumps; polled for a stop at every grid point and jump
     */
    @Override
    public void run(UniformRandomProvider rng, TrajectoryObserver observer) {
        initial.sample(rng, psiRe, psiIm);
        path.toInternal(psiRe, psiIm, vRe, vIm);
        observer.begin();
        observer.state(0, psiRe, psiIm);
        double u = uniformOpen(rng);
        double t = 0;
        for (int k = 1; k < times.length; k++) {
            // A whole step from a grid point uses the precomputed e^{−iH_eff Δt}; after a jump, the time left.
            double span = step;
            while (true) {
                double tau = path.advance(vRe, vIm, span, u);
                if (tau < 0) {
                    break;
                }
                t += tau;
                jump(rng, observer, t);
                if (observer.cancelled()) {
                    return;
                }
                u = uniformOpen(rng);
                span = Math.max(0.0, times[k] - t);
            }
            t = times[k];
            // ψ = Pv and ‖ψ‖² in one product (‖ψ‖² is the survival whatever the coordinates), then both rescaled.
            path.toBasis(vRe, vIm, psiRe, psiIm);
            double norm2 = 0;
            for (int i = 0; i < psiRe.length; i++) {
                norm2 += psiRe[i] * psiRe[i] + psiIm[i] * psiIm[i];
            }
            double f = 1.0 / Math.sqrt(norm2);
            scale(f);
            for (int i = 0; i < psiRe.length; i++) {
                psiRe[i] *= f;
                psiIm[i] *= f;
            }
            u /= norm2;
            observer.state(k, psiRe, psiIm);
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

    private void jump(UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        path.toBasis(vRe, vIm, psiRe, psiIm);
        double total = channels.weights(psiRe, psiIm, spareRe, spareIm, weights);
        int chosen = JumpTrajectories.choose(weights, rng.nextDouble() * total);
        if (chosen < 0) {
            throw new IllegalStateException("a jump was due but no channel has weight");
        }
        double norm2 = channels.apply(chosen, psiRe, psiIm, spareRe, spareIm);
        double f = 1.0 / Math.sqrt(norm2);
        for (int i = 0; i < psiRe.length; i++) {
            psiRe[i] = spareRe[i] * f;
            psiIm[i] = spareIm[i] * f;
        }
        path.toInternal(psiRe, psiIm, vRe, vIm);
        observer.jump(chosen, channels.bath(chosen), channels.heat(chosen), t);
    }

    private void scale(double f) {
        for (int i = 0; i < vRe.length; i++) {
            vRe[i] *= f;
            vIm[i] *= f;
        }
    }
}
