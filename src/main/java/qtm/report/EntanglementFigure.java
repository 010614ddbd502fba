package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import qtm.math.Bipartition;
import qtm.observe.SiteObservables;
import qtm.run.RunCurves;

/**
 * The entanglement of any machine over time (issue 24): the negativity N(ρ̄) of every bipartition of the sites and the
 * concurrence of every pair of qubit sites, each engine's with its jackknife band, the master equation's in black
 * (negativity solid, pair concurrence dashed). It is the concurrence figure's counterpart for machines that are not
 * two qubits; on two qubits both vanish exactly on separable states and N ≤ C/2, equal on pure states.
 */
final class EntanglementFigure implements RunFigure {
    @Override
    public String file() {
        return "entanglement";
    }

    @Override
    public String title() {
        return "Negativity and pair concurrence";
    }

    @Override
    public String caption() {
        return "The negativity N = (‖ρ̄^{T_A}‖₁ − 1)/2 of every bipartition A|B of the sites (0.5 for a Bell pair) and "
                + "Wootters' concurrence of every pair of qubit sites on their reduced ρ̄, for each engine's mean state "
                + "with its jackknife ±SE band, the negativities above and the pair concurrences below; the master "
                + "equation's values in black, the negativity solid and the pair concurrence dashed; an engine's own exact reference grey dashed in the interactive chart.";
    }

    @Override
    public boolean applies(RunCurves in) {
        // A single site has no bipartition to draw.
        return in.sites() != null && !in.exact().sites().isEmpty() && !in.sites().bipartitions().isEmpty();
    }

    /** The negativities above and the pair concurrences below (where there is a pair of qubit sites). */
    @Override
    public JFreeChart chart(RunCurves in) {
        ChartBuilder negativity = new ChartBuilder("", TIME, "negativity N");
        ChartBuilder concurrence = new ChartBuilder("", TIME, "pair concurrence C");
        int i = 0;
        boolean pairs = false;
        for (Entry x : entries(in.sites())) {
            ChartBuilder b = x.pair() ? concurrence : negativity;
            pairs |= x.pair();
            for (RunCurves.EngineCurves e : in.engines()) {
                b.add(RunFigure.series(x.label() + " " + e.name() + " ± SE", in.t(), e.curves().sites().get(x.column())),
                        ChartBuilder.color(i++), false);
            }
            Series exact = RunFigure.series("exact " + x.label(), in.t(), in.exact().sites().get(x.column()));
            if (in.engines().isEmpty()) {
                // The exact transient alone (qtm evolve): one colour per quantity, or no line could be told apart.
                b.add(exact, ChartBuilder.color(i++), x.pair());
            } else {
                b.addReference(exact, x.pair(), true);
            }
        }
        String title = "Negativity and pair concurrence of the " + (in.engines().isEmpty() ? "exact" : "mean")
                + " state";
        return pairs ? ChartBuilder.stacked(title, negativity, concurrence) : ChartBuilder.stacked(title, negativity);
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        List<Entry> entries = entries(in.sites());
        int i = 0;
        for (Entry x : entries) {
            i = RunFigure.bands(lines, in, x.label() + " ", c -> c.sites().get(x.column()), i);
        }
        for (Map.Entry<String, Map<String, RunCurves.Curve>> r : in.references().entrySet()) {
            for (Entry x : entries) {
                lines.add(RunFigure.exact(x.label() + " " + r.getKey() + "'s exact reference",
                        r.getValue().get(x.column()).y(), Color.DARK_GRAY, true));
            }
        }
        for (Entry x : entries) {
            lines.add(RunFigure.exact(x.label() + " " + ME, in.exact().sites().get(x.column()).y(), EXACT, x.pair()));
        }
        return List.of(new InteractivePlot(TIME, "N, C (dimensionless)", false, in.t(), lines));
    }

    /** One drawn quantity: its legend label, its column and whether it is a pair concurrence. */
    private record Entry(String label, String column, boolean pair) {
    }

    private static List<Entry> entries(SiteObservables sites) {
        List<Entry> out = new ArrayList<>();
        List<Bipartition> parts = sites.bipartitions();
        List<String> negativity = sites.negativityColumns();
        for (int k = 0; k < parts.size(); k++) {
            out.add(new Entry("N(" + parts.get(k).label() + ")", negativity.get(k), false));
        }
        List<String> keys = sites.pairKeys();
        List<String> pairs = sites.pairColumns();
        for (int k = 0; k < keys.size(); k++) {
            out.add(new Entry("C(" + keys.get(k) + ")", pairs.get(k), true));
        }
        return out;
    }
}
