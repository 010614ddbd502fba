package qtm.observe;

import org.ejml.data.ZMatrixRMaj;
import qtm.linalg.Ops;
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
        double qc = 0;
        double qh = 0;
        for (Jump j : model.jumps()) {
            if (j.rate() == 0 || j.energy() == 0) {
                continue;
            }
            ZMatrixRMaj a = j.operator();
            double flux = j.rate() * j.energy() * Ops.traceProductRe(Ops.mult(Ops.dagger(a), a), rho);
            if (j.side() == Side.COLD) {
                qc += flux;
            } else {
                qh += flux;
            }
        }
        return new Heat(qc, qh);
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
