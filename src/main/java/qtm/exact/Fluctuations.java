package qtm.exact;

import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Weight;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The stationary fluctuations of the machine's currents (what {@code qtm fcs} reports): per bath the cumulants of the
 * net quanta and of the heat into it, the Fano factor, and for the whole machine the entropy production rate
 * σ = Q_c/T_c + Q_h/T_h and the thermodynamic-uncertainty ratio Var(Q_c)·σ / ⟨Q_c⟩² of the cold bath (2 is the
 * classical bound; a coherent machine may fall below it, so the number is reported, not the bound assumed).
 * Divisions follow IEEE arithmetic, which is the JSON convention's: Q/0 is ±∞ (a bath at T = 0 that takes heat),
 * 0/0 is NaN (null), Q/∞ = 0.
 *
 * @param cold the cold bath
 * @param hot the hot bath
 * @param entropyProduction σ
 * @param tur Var(Q_c)·σ / ⟨Q_c⟩² per unit time
 */
public record Fluctuations(Bath cold, Bath hot, double entropyProduction, double tur) {
    /**
     * One bath.
     *
     * @param quanta cumulants of N_k per unit time
     * @param heat cumulants of Q_k per unit time
     */
    public record Bath(Cumulants quanta, Cumulants heat) {
        /** @return Var(N_k)/|⟨N_k⟩|: NaN at 0/0, ∞ for noise without a current */
        public double fano() {
            return quanta.noise() / Math.abs(quanta.current());
        }
    }

    /**
     * @param model the machine (with a unique steady state)
     * @return its stationary fluctuations
     */
    public static Fluctuations of(Model model) {
        return of(model, (side, w) -> new CountingStatistics(model, side, w).stationary());
    }

    /**
     * The same quantities from cumulants of another source (the collision model at its Δt).
     *
     * @param model the machine (its temperatures weigh the heat in σ)
     * @param cumulants the stationary cumulants per unit time of each bath and weight
     * @return the fluctuations
     */
    public static Fluctuations of(Model model, java.util.function.BiFunction<Side, Weight, Cumulants> cumulants) {
        Bath[] b = new Bath[2];
        for (Side side : Side.values()) {
            b[side.ordinal()] = new Bath(cumulants.apply(side, Weight.QUANTA), cumulants.apply(side, Weight.HEAT));
        }
        double qc = b[0].heat().current();
        double qh = b[1].heat().current();
        double sigma = qc / model.cold().temperature() + qh / model.hot().temperature();
        double tur = b[0].heat().noise() * sigma / (qc * qc);
        return new Fluctuations(b[0], b[1], sigma, tur);
    }

    /**
     * @param side a bath
     * @return its statistics
     */
    public Bath bath(Side side) {
        return side == Side.COLD ? cold : hot;
    }
}
