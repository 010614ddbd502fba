package qtm.observe;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Model;

/**
 * The observables of one density matrix at one time: one row of a time series.
 *
 * @param t time
 * @param p00 population of |00⟩
 * @param p01 population of |01⟩
 * @param p10 population of |10⟩
 * @param p11 population of |11⟩
 * @param coherenceRe Re ρ_{01,10}
 * @param coherenceIm Im ρ_{01,10}
 * @param concurrence Wootters concurrence
 * @param purity Tr ρ²
 * @param heatCold Q_c
 * @param heatHot Q_h
 */
public record Snapshot(double t, double p00, double p01, double p10, double p11, double coherenceRe,
        double coherenceIm, double concurrence, double purity, double heatCold, double heatHot) {

    /** Column names, in the order of {@link #values()}. */
    public static final String[] COLUMNS = {"t", "p00", "p01", "p10", "p11", "rho_01_10_re", "rho_01_10_im",
        "concurrence", "purity", "heat_cold", "heat_hot"};

    /**
     * @param model the machine (for the heat currents)
     * @param t time; +∞ marks ρ as the steady state, whose heat is then taken from {@link Heat#steady}
     * @param rho density matrix at t
     * @return the observables
     */
    public static Snapshot of(Model model, double t, ZMatrixRMaj rho) {
        double[] p = Observables.populations(rho);
        Complex_F64 c = Observables.coherence(rho);
        Heat q = t == Double.POSITIVE_INFINITY ? Heat.steady(model, rho) : Heat.of(model, rho);
        return new Snapshot(t, p[0], p[1], p[2], p[3], c.real, c.imaginary, Observables.concurrence(rho),
                Observables.purity(rho), q.cold(), q.hot());
    }

    /** @return the values in the order of {@link #COLUMNS} */
    public double[] values() {
        return new double[] {t, p00, p01, p10, p11, coherenceRe, coherenceIm, concurrence, purity, heatCold, heatHot};
    }
}
