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
 * changes nothing mathematically and keeps the norm away from underflow. e^{−iH_eff Δt} for the grid step is
 * precomputed in the basis without its exact zeros, so a grid step without a jump costs one sparse product (6 complex
 * products for two qubits, whose H conserves the number of quanta): the survival only falls, so a norm still above u
 * at the step's end means no jump in it, and only a step with a jump goes to the closed form's coordinates.
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
    /**
     * e^{−iH_eff Δt} in the basis without its exact zeros: the step of every grid interval without a jump; where every
     * state decays alike (Σγ A†A = ΓI, the reset machines), its unitary part e^{−iHΔt}, which keeps ψ normalised.
     */
    private final BlockComplex stepOperator;
    /** e^{−ΓΔt} where Σγ A†A = ΓI: the survival over a step whatever ψ; NaN otherwise. */
    private final double uniformDecay;
    private final ChannelOperators channels;
    /** Per channel, the path's coordinates of A_jψ as one sparse product with ψ (P⁻¹A_j on the modal paths). */
    private final SparseComplex[] jumpsToInternal;
    private final PureStates initial;
    private final double[] weights;
    private final double[] vRe;
    private final double[] vIm;
    /** ψ and a spare of its size, swapped rather than copied after a step that keeps the norm. */
    private double[] psiRe;
    private double[] psiIm;
    private double[] spareRe;
    private double[] spareIm;

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
        // The modal form keeps the exact zeros of P (H's conserved blocks); the Schur one has them only where Q does.
        this.uniformDecay = modal != null ? modal.uniformStepDecay() : Double.NaN;
        if (modal != null) {
            double[][] whole = modal.propagator(step, !Double.isNaN(uniformDecay));
            this.stepOperator = new BlockComplex(d, whole[0], whole[1]);
        } else {
            this.stepOperator = BlockComplex.of(propagator.propagator(step));
        }
        this.channels = new ChannelOperators(d, channels);
        this.jumpsToInternal = new SparseComplex[channels.size()];
        for (int j = 0; j < jumpsToInternal.length; j++) {
            jumpsToInternal[j] = toInternal(channels.get(j).operator());
        }
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
        observer.begin();
        observer.state(0, psiRe, psiIm);
        double u = uniformOpen(rng);
        double t = 0;
        for (int k = 1; k < times.length; k++) {
            if (uniformDecay > u) {
                // No jump in this step, whatever ψ: e^{−iHΔt} keeps the norm, and u follows the survival.
                stepOperator.apply(psiRe, psiIm, spareRe, spareIm);
                swap();
                u /= uniformDecay;
                t = times[k];
                observer.state(k, psiRe, psiIm);
                if (observer.cancelled()) {
                    return;
                }
                continue;
            }
            // The survival only falls, so if it is still above u after the whole step no jump happened in it: one
            // sparse product in the basis, and ψ and u rescaled by the same factor.
            double norm2 = Double.isNaN(uniformDecay) ? stepOperator.applyNorm(psiRe, psiIm, spareRe, spareIm) : 0;
            if (norm2 <= u) {
                // A jump in this step: find its time on the path's closed form, from the grid point.
                path.toInternal(psiRe, psiIm, vRe, vIm);
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
                    // tau ≤ span, so the rest is ≥ 0; the path knows its factors by exactly this value.
                    span -= tau;
                }
                path.toBasis(vRe, vIm, spareRe, spareIm);
                norm2 = ComplexMatrices.norm2(spareRe, spareIm);
            }
            t = times[k];
            double f = 1.0 / Math.sqrt(norm2);
            for (int i = 0; i < psiRe.length; i++) {
                psiRe[i] = spareRe[i] * f;
                psiIm[i] = spareIm[i] * f;
            }
            u /= norm2;
            observer.state(k, psiRe, psiIm);
            if (observer.cancelled()) {
                return;
            }
        }
        observer.end();
    }

    private void swap() {
        double[] re = psiRe;
        double[] im = psiIm;
        psiRe = spareRe;
        psiIm = spareIm;
        spareRe = re;
        spareIm = im;
    }

    /** A uniform draw in (0, 1], so that its logarithm is finite. */
    private static double uniformOpen(UniformRandomProvider rng) {
        return 1.0 - rng.nextDouble();
    }

    private void jump(UniformRandomProvider rng, TrajectoryObserver observer, double t) {
        path.toBasis(vRe, vIm, psiRe, psiIm);
        double total = channels.weights(psiRe, psiIm, weights);
        int chosen = JumpTrajectories.choose(weights, rng.nextDouble() * total);
        if (chosen < 0) {
            throw new IllegalStateException("a jump was due but no channel has weight");
        }
        // ‖A_jψ‖² is the channel's weight over its rate; the jumped state goes straight to the path's coordinates.
        double f = 1.0 / Math.sqrt(weights[chosen] / channels.rate(chosen));
        jumpsToInternal[chosen].apply(psiRe, psiIm, vRe, vIm);
        for (int i = 0; i < vRe.length; i++) {
            vRe[i] *= f;
            vIm[i] *= f;
        }
        observer.jump(chosen, channels.bath(chosen), channels.heat(chosen), t);
    }

    /** The path's coordinates of A's columns: the matrix taking ψ to the coordinates of Aψ. */
    private SparseComplex toInternal(ZMatrixRMaj a) {
        int d = a.numRows;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        double[] colRe = new double[d];
        double[] colIm = new double[d];
        double[] outRe = new double[d];
        double[] outIm = new double[d];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < d; r++) {
                colRe[r] = a.getReal(r, c);
                colIm[r] = a.getImag(r, c);
            }
            path.toInternal(colRe, colIm, outRe, outIm);
            for (int r = 0; r < d; r++) {
                re[r * d + c] = outRe[r];
                im[r * d + c] = outIm[r];
            }
        }
        return new SparseComplex(d, re, im);
    }
}
