package qtm.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.BlochRedfield;
import qtm.exact.SteadyState;
import qtm.model.Approach;
import qtm.model.BathSpectra;
import qtm.model.Model;
import qtm.model.Side;
import qtm.observe.Heat;
import qtm.observe.Observables;

/**
 * Local against global master equation, with the non-secular Bloch–Redfield equation of the same baths as the
 * reference: the steady-state concurrence and heat currents of all three along g at the scenario's baths, g/Γ on a
 * log grid, Γ the larger of the two transition rates at E ({@link #rate}). A point of an approach is flagged where
 * its C or its Q_c is off the reference by more than {@link #RELATIVE} of the reference, or, where the reference C
 * is below {@link #NEAR_ZERO}, where C is off by more than {@link #ABSOLUTE} (a relative test means nothing at C ≈ 0,
 * where both are often exactly 0).
 *
 * <p>Heat currents into each bath: for Redfield and global −Tr[H D_k(ρ)] of the bath's own dissipator (for global
 * this equals the Bohr energies times the jump rates), for local the project's own Q_k ({@link Heat#steady}: jump
 * energies E and E + U, from the coupling current).
 *
 * @param from smallest g/Γ
 * @param to largest g/Γ
 * @param points grid points, ≥ 2
 */
public record LocalGlobalSweep(double from, double to, int points) implements SweepPlan {
    /** Relative difference from the reference beyond which an approach is flagged. */
    public static final double RELATIVE = 0.01;
    /** Reference concurrences below this count as near 0, where the absolute test applies. */
    public static final double NEAR_ZERO = 1e-2;
    /** Absolute difference in C beyond which an approach is flagged where the reference C is near 0. */
    public static final double ABSOLUTE = 1e-4;

    /** The CSV columns. */
    public static final List<String> COLUMNS = List.of("g", "g_over_rate",
            "redfield_concurrence", "redfield_heat_cold", "redfield_heat_hot",
            "local_concurrence", "local_heat_cold", "local_heat_hot",
            "global_concurrence", "global_heat_cold", "global_heat_hot",
            "local_concurrence_off", "local_heat_off", "global_concurrence_off", "global_heat_off");

    /** @throws IllegalArgumentException unless 0 &lt; from &lt; to are finite and points ≥ 2 */
    public LocalGlobalSweep {
        if (!(from > 0 && to > from && Double.isFinite(to)) || points < 2) {
            throw new IllegalArgumentException("a local-global sweep needs 0 < from < to and at least 2 points");
        }
    }

    /**
     * Γ, the unit of the g axis: the larger total transition rate at E, Γ_k(2n_B + 1) for flux qubits and Γ_k for
     * the dot's leads.
     *
     * @param model the machine
     * @return max(γ_c, γ_h)
     */
    public static double rate(Model model) {
        return Math.max(model.cold().rate() * model.rateFactor(Side.COLD),
                model.hot().rate() * model.rateFactor(Side.HOT));
    }

    /** @return the g/Γ grid, log-spaced, ends exact */
    public double[] ratios() {
        return new Axis(Knob.TC, from, to, points, true).values();
    }

    @Override
    public SweepTable run(Model model, CouplingOptimizer optimizer) {
        if (!(model instanceof BathSpectra spectral)) {
            throw new IllegalArgumentException("the " + model.type() + " model is a collision model with no bath "
                    + "spectrum: Bloch-Redfield applies to flux and dqd");
        }
        double gamma = rate(model);
        double[] r = ratios();
        List<double[]> rows = IntStream.range(0, r.length).parallel()
                .mapToObj(i -> row(spectral.with(r[i] * gamma, model.cold(), model.hot()), r[i])).toList();
        List<SweepTable.Panel> panels = List.of(
                panel("concurrence", false),
                panel("heat_cold", true));
        SweepTable.Comparison figure = new SweepTable.Comparison("", "local and global master equation against "
                + "Bloch-Redfield", "g_over_rate", panels);
        return new SweepTable(COLUMNS, new ArrayList<>(rows), List.of(), List.of(figure));
    }

    private static SweepTable.Panel panel(String quantity, boolean logY) {
        String flag = quantity.equals("concurrence") ? "concurrence_off" : "heat_off";
        return new SweepTable.Panel(quantity, logY, List.of(
                new SweepTable.Curve("local", "local_" + quantity, "local_" + flag),
                new SweepTable.Curve("global", "global_" + quantity, "global_" + flag),
                new SweepTable.Curve("Bloch-Redfield", "redfield_" + quantity, null)));
    }

    /**
     * One row: the three steady states at one g.
     *
     * @param m the machine at this g (its approach does not matter)
     * @param ratio g/Γ
     * @return the row, laid out as {@link #COLUMNS}
     */
    static double[] row(BathSpectra m, double ratio) {
        double s = m.spectralExponent();
        BlochRedfield redfield = new BlochRedfield(m);
        ZMatrixRMaj rr = redfield.steadyState();
        Model local = m.withApproach(Approach.LOCAL, s);
        ZMatrixRMaj rl = SteadyState.of(local);
        Heat ql = Heat.steady(local, rl);
        Model global = m.withApproach(Approach.GLOBAL, s);
        ZMatrixRMaj rg = SteadyState.of(global);
        BlochRedfield secular = BlochRedfield.secular(m);
        double cr = Observables.concurrence(rr);
        double qr = redfield.heat(Side.COLD, rr);
        double cl = Observables.concurrence(rl);
        double cg = Observables.concurrence(rg);
        double qg = secular.heat(Side.COLD, rg);
        return new double[] {m.g(), ratio, cr, qr, redfield.heat(Side.HOT, rr), cl, ql.cold(), ql.hot(), cg, qg,
            secular.heat(Side.HOT, rg), flag(concurrenceOff(cl, cr)), flag(heatOff(ql.cold(), qr)),
            flag(concurrenceOff(cg, cr)), flag(heatOff(qg, qr))};
    }

    /**
     * @param c an approach's concurrence
     * @param reference Redfield's
     * @return whether c is off by more than the threshold
     */
    public static boolean concurrenceOff(double c, double reference) {
        double d = Math.abs(c - reference);
        return Math.abs(reference) < NEAR_ZERO ? d > ABSOLUTE : d > RELATIVE * Math.abs(reference);
    }

    /**
     * @param q an approach's heat current
     * @param reference Redfield's
     * @return whether q is off by more than {@link #RELATIVE} of the reference
     */
    public static boolean heatOff(double q, double reference) {
        return Math.abs(q - reference) > RELATIVE * Math.abs(reference);
    }

    private static double flag(boolean off) {
        return off ? 1 : 0;
    }
}
