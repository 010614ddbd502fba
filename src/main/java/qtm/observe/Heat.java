package qtm.observe;

import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TwoQubits;

/**
 * Heat currents Q_k: energy per unit time flowing from qubit k into bath k (positive when the bath is heated).
 *
 * @param cold Q_c
 * @param hot Q_h
 */
public record Heat(double cold, double hot) {

    /**
     * Q_k = Σ over bath k's channels of (energy moved into the bath) × (jump rate γ_j Tr(A_j†A_j ρ)). For the reset
     * model this is eq. (5).
     *
     * @param model the machine
     * @param rho 4×4 density matrix
     * @return the two currents
     */
    public static Heat of(Model model, ZMatrixRMaj rho) {
        double[][] w = weights(model);
        double qc = 0;
        double qh = 0;
        for (int i = 0; i < 4; i++) {
            qc += w[0][i] * rho.getReal(i, i);
            qh += w[1][i] * rho.getReal(i, i);
        }
        double[] x = coherenceWeights(model);
        if (x[0] != 0 || x[1] != 0) {
            double re = rho.getReal(TwoQubits.I01, TwoQubits.I10);
            qc += 2 * x[0] * re;
            qh += 2 * x[1] * re;
        }
        return new Heat(qc, qh);
    }

    /**
     * The rest of the functional for global channels: their A†A is diagonal in the eigenbasis of H, not in the
     * computational one, and couples |01⟩ and |10⟩ (real, symmetric), so Q_k gains 2 x_k Re ρ_{01,10} with x_k the
     * |01⟩–|10⟩ entry of Σ_j γ_j ω_j A_j†A_j. All 0 for the local channels.
     *
     * @param model the machine
     * @return x_k by side ordinal
     * @throws IllegalStateException if a channel's A†A has any other off-diagonal entry (no model has one)
     */
    public static double[] coherenceWeights(Model model) {
        double[] x = new double[2];
        for (Jump j : model.jumps()) {
            if (j.rate() == 0 || j.energy() == 0) {
                continue;
            }
            ZMatrixRMaj a = j.operator();
            ZMatrixRMaj n = Ops.mult(Ops.dagger(a), a);
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    boolean pair = r == TwoQubits.I01 && c == TwoQubits.I10;
                    boolean other = r != c && !pair && !(r == TwoQubits.I10 && c == TwoQubits.I01);
                    if (other && (n.getReal(r, c) != 0 || n.getImag(r, c) != 0) || r != c && n.getImag(r, c) != 0) {
                        throw new IllegalStateException("channel " + j.label() + ": A^dagger A couples other states "
                                + "than |01> and |10>, which the heat formula does not take");
                    }
                }
            }
            x[j.side().ordinal()] += j.rate() * j.energy() * n.getReal(TwoQubits.I01, TwoQubits.I10);
        }
        return x;
    }

    /**
     * The formula's diagonal part, the one definition that {@link #of} and the ensembles' heat ({@link HeatFormula})
     * share: every local channel's A†A is diagonal (its operator is a partial permutation), so Q_k = Σ_i w_k,i ρ_ii
     * with w_k,i = Σ over bath k's channels of γ_j ω_j |A_j e_i|²; global channels add
     * {@link #coherenceWeights}.
     *
     * @param model the machine
     * @return the weights, [side ordinal][basis index]
     */
    public static double[][] weights(Model model) {
        double[][] w = new double[2][4];
        for (Jump j : model.jumps()) {
            if (j.rate() == 0 || j.energy() == 0) {
                continue;
            }
            double[] side = w[j.side().ordinal()];
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 4; r++) {
                    double a = j.operator().getReal(r, c);
                    double b = j.operator().getImag(r, c);
                    side[c] += j.rate() * j.energy() * (a * a + b * b);
                }
            }
        }
        return w;
    }

    /**
     * The heat currents of a steady state, from the excitation current through the coupling. In the steady state the
     * number of excitations each qubit gains from the coupling, J = 2g Im ρ_{01,10} per unit time for the cold one,
     * is what its bath takes away, so Q_c = E·J + X and Q_h = −Q_c, where X (nonzero only for the double dot with
     * U &gt; 0) is the Coulomb energy U carried by the jumps that happen while the other dot is occupied, averaged over
     * the two sides, whose parts are equal and opposite in the steady state. {@link #of} sums γω⟨A†A⟩ over
     * populations that are nearly thermal, so where the current is far below E·γ (g ≪ γ, nearly equal temperatures)
     * its rounding, of order 1e-16·E·γ, swamps the current and can give it the wrong sign; J is a coherence that the
     * solve returns to full relative precision, and Q_c + Q_h = 0 holds exactly. At equal temperatures both are 0.
     *
     * @param model the machine
     * @param rho its steady state
     * @return the two currents
     */
    public static Heat steady(Model model, ZMatrixRMaj rho) {
        double qc = qtm.exact.CouplingCurrent.of(model, rho).heat();
        return new Heat(qc + 0.0, -qc + 0.0);
    }

    /**
     * Eq. (5) as printed: Q_k = p_k E ⟨1|(ρ_k − τ_k)|1⟩.
     *
     * @param model a reset model
     * @param rho 4×4 density matrix
     * @return the two currents
     */
    public static Heat resetFormula(ResetModel model, ZMatrixRMaj rho) {
        double[] p = Observables.populations(rho);
        double excitedCold = p[TwoQubits.I10] + p[TwoQubits.I11];
        double excitedHot = p[TwoQubits.I01] + p[TwoQubits.I11];
        double e = model.energy();
        return new Heat(
                model.cold().rate() * e * (excitedCold - (1 - model.groundProbability(Side.COLD))),
                model.hot().rate() * e * (excitedHot - (1 - model.groundProbability(Side.HOT))));
    }

    /**
     * @param side cold or hot
     * @return Q on that side
     */
    public double get(Side side) {
        return side == Side.COLD ? cold : hot;
    }
}
