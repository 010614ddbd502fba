package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.run.EngineOutcome;
import qtm.run.RunOutcome;
import qtm.verify.WaitingVerdict;

/**
 * The waiting-time part of a run's output: the {@code "waiting_times"} object of each engine in summary.json, and
 * the chart of the trajectory engine's histograms against the exact densities. Computes nothing; draws and writes
 * what {@link WaitingVerdict} found.
 */
public final class WaitingReport {
    private WaitingReport() {
    }

    /**
     * @param o where to write
     * @param w the comparison, or null
     * @param absence why there is none (used when w is null)
     */
    static void write(ObjectNode o, WaitingVerdict.Result w, String absence) {
        if (w == null) {
            o.put("judged", false);
            o.put("reason", absence);
            return;
        }
        o.put("judged", true);
        o.put("passed", w.passed());
        o.put("significance_per_pair", qtm.stats.Convergence.ALPHA / w.pairs().size());
        for (WaitingVerdict.PairResult p : w.pairs()) {
            ObjectNode x = o.putObject(p.pair().key());
            double[] e = p.edges();
            x.put("burn_in", p.windowStart());
            x.put("tau_max", e[e.length - 1]);
            x.put("window_end", p.windowEnd());
            x.put("intervals", p.starts());
            ArrayNode edges = x.putArray("edges");
            edges.add(0.0);
            for (double v : e) {
                edges.add(v);
            }
            array(x.putArray("estimate"), p.estimate());
            array(x.putArray("se"), p.se());
            array(x.putArray("exact"), p.exact());
            array(x.putArray("exact_stationary"), p.stationary());
            double residual = 0;
            for (int i = 0; i < p.exact().length; i++) {
                residual = Math.max(residual, Math.abs(p.exact()[i] - p.stationary()[i]));
            }
            x.put("burn_in_residual", residual);
            x.put("judged", p.judged());
            x.put("chi_square", p.chiSquare());
            x.put("dof", p.dof());
            x.put("p_value", p.pValue());
            x.put("max_abs_z", p.maxAbsZ());
            x.set("worst_z", SummaryJson.worst(p.worst()));
        }
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    /**
     * @param o the run
     * @param dir the output directory
     * @return the waiting-time figure of the trajectory engine, if it has a comparison
     * @throws IOException if a chart cannot be written
     */
    static List<HtmlReport.Figure> figures(RunOutcome o, Path dir) throws IOException {
        List<HtmlReport.Figure> out = new ArrayList<>();
        for (EngineOutcome e : o.engines()) {
            // Only an engine with an exact waiting-time law has a comparison (the trajectories'; see EngineReference).
            if (e.waiting() != null) {
                out.add(new HtmlReport.Figure("Waiting times", "Steady-state waiting time from a jump into one bath "
                        + "(its channels that move energy) to the next jump into the same or the other bath. Points: "
                        + "the trajectories' bin probability per unit time with ±SE (delta method over trajectories), "
                        + "drawn where the exact density equals the bin's exact mean, "
                        + "for intervals starting after the burn-in t = " + fmt(e.waiting().pairs().get(0)
                        .windowStart()) + "; lines: the exact density w(τ) = Tr[J e^{(L−J)τ} J′ρ∞]/Tr[J′ρ∞]. "
                        + "Bins have equal exact probability below τ_max (where the survival falls to 1e-3, or the "
                        + "grid's limit).", ChartFiles.write(chart(e.waiting()), dir, "waiting-times")));
            }
        }
        return out;
    }

    /** Most pairs drawn in one chart: more would bury the curves under their legend. */
    static final int MAX_DRAWN = 9;

    /**
     * @param w the comparison
     * @return the histograms as densities with SE bands, and the exact densities, on a log y axis: every pair up to
     *     {@link #MAX_DRAWN}, else (channel pairs, or many baths) only each one's return a → a, the title saying so
     */
    public static JFreeChart chart(WaitingVerdict.Result w) {
        boolean all = w.pairs().size() <= MAX_DRAWN;
        ChartBuilder b = new ChartBuilder(all ? "Waiting-time distributions" : "Waiting-time distributions: each "
                + "return a → a of " + w.pairs().size() + " pairs (all in summary.json)",
                "waiting time τ (units of 1/E)", "density w(τ) (units of E)").logY();
        int i = 0;
        for (WaitingVerdict.PairResult p : w.pairs()) {
            if (!all && p.pair().from() != p.pair().to()) {
                continue;
            }
            double[] e = p.edges();
            int n = e.length;
            double[] mid = new double[n];
            double[] y = new double[n];
            double[] se = new double[n];
            for (int k = 0; k < n; k++) {
                double lo = k == 0 ? 0 : e[k - 1];
                double width = e[k] - lo;
                mid[k] = p.plotTau()[k];
                y[k] = p.estimate()[k] / width;
                se[k] = p.se()[k] / width;
            }
            String name = p.pair().key().replace('_', '→');
            b.add(new Series(name + " trajectories ± SE" + (p.judged() ? " (p = " + fmt(p.pValue()) + ")" : ""),
                    mid, y, se), ChartBuilder.color(i), false);
            b.add(Series.line(name + " exact w(τ)", p.curveTau(), p.curveDensity()), ChartBuilder.color(i).darker(), true);
            i++;
        }
        return b.build();
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.4g", x);
    }
}
