package qtm.exact;

import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TwoQubits;

/**
 * The steady-state currents into the cold bath from the coupling, to full relative precision: the excitations the
 * cold qubit gains from the hot one, J = 2g Im ρ_{01,10} per unit time, are the net quanta its bath takes, and the
 * heat is Q_c = E·J + X, where X (nonzero only for the double dot with U &gt; 0) is the Coulomb energy U carried by
 * the jumps made while the other dot is occupied, averaged over the two sides, whose parts are equal and opposite in
 * the steady state. The hot bath's are the negatives. Summing the jump rates instead subtracts nearly equal numbers
 * where the current is far below E·γ (g ≪ γ, nearly equal temperatures), and its rounding can swamp the current. At
 * equal temperatures both are 0 exactly (the steady state is then a Gibbs state in detailed balance with every jump).
 *
 * @param quanta J, the net quanta into the cold bath per unit time
 * @param heat Q_c
 */
public record CouplingCurrent(double quanta, double heat) {
    /**
     * @param model the machine
     * @param rho its steady state
     * @return the cold bath's currents
     */
    public static CouplingCurrent of(Model model, ZMatrixRMaj rho) {
        if (model.cold().temperature() == model.hot().temperature()) {
            return new CouplingCurrent(0.0, 0.0);
        }
        if (model.approach() == qtm.model.Approach.GLOBAL) {
            return ofJumps(model, rho);
        }
        double j = 2 * model.g() * rho.getImag(TwoQubits.I01, TwoQubits.I10);
        double excessCold = 0;
        double excessHot = 0;
        for (Jump jump : model.jumps()) {
            double w = jump.energy();
            // The energy a jump moves beyond ±E (±U·n_other for the double dot; 0 for reset and flux qubits).
            double excess = w - Math.signum(w) * model.energy();
            if (jump.rate() == 0 || w == 0 || excess == 0) {
                continue;
            }
            ZMatrixRMaj a = jump.operator();
            double flux = jump.rate() * excess * Ops.traceProductRe(Ops.mult(Ops.dagger(a), a), rho);
            if (jump.side() == Side.COLD) {
                excessCold += flux;
            } else {
                excessHot += flux;
            }
        }
        return new CouplingCurrent(j + 0.0, model.energy() * j + 0.5 * (excessCold - excessHot) + 0.0);
    }

    /**
     * The global channels move excitations between eigenstates of the full H, so a bath's jumps change the other
     * qubit's excitation too and the coupling current J no longer counts what one bath takes; the currents are then
     * the cold bath's jump rates themselves, Σ_j ν_j γ_j Tr(A_j†A_j ρ) (ν = ±1, or ω_j for heat). In the steady state
     * the hot bath's are their negatives: H conserves the number of excitations, and every global jump moves its Bohr
     * frequency of the energy of H. Here the secular approximation needs g ≫ Γ, so the current is not the tiny
     * difference of nearly thermal rates that the local form guards against.
     */
    private static CouplingCurrent ofJumps(Model model, ZMatrixRMaj rho) {
        double quanta = 0;
        double heat = 0;
        for (Jump jump : model.jumps()) {
            if (jump.side() != Side.COLD || jump.rate() == 0 || jump.energy() == 0) {
                continue;
            }
            ZMatrixRMaj a = jump.operator();
            double rate = jump.rate() * Ops.traceProductRe(Ops.mult(Ops.dagger(a), a), rho);
            quanta += Math.signum(jump.energy()) * rate;
            heat += jump.energy() * rate;
        }
        return new CouplingCurrent(quanta + 0.0, heat + 0.0);
    }

    /**
     * @param side a bath
     * @param weight quanta or heat
     * @return that current into that bath
     */
    public double into(Side side, CountingStatistics.Weight weight) {
        double c = weight == CountingStatistics.Weight.QUANTA ? quanta : heat;
        return side == Side.COLD ? c : -c + 0.0;
    }
}
