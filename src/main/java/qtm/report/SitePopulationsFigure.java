package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import qtm.observe.SiteObservables;
import qtm.run.RunCurves;

/**
 * The populations of every site's levels over time (issue 24), one panel per site: each engine's with its ±SE band
 * and the master equation's black dashed. Where {@link PopulationsFigure} shows the d joint populations of two
 * qubits, this one stays readable for any machine, d_1 + … + d_k lines instead of d_1 ⋯ d_k.
 */
final class SitePopulationsFigure implements RunFigure {
    @Override
    public String file() {
        return "site-populations";
    }

    @Override
    public String title() {
        return "Populations per site";
    }

    @Override
    public String caption() {
        return "The population of each level n of each site (the diagonal of the site's reduced ρ̄), one panel per "
                + "site, for each engine with its ±SE band; the master equation's values black dashed; an engine's own "
                + "exact reference grey dotted in the interactive charts, one per site.";
    }

    @Override
    public boolean applies(RunCurves in) {
        return in.sites() != null && !in.exact().sites().isEmpty();
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        SiteObservables sites = in.sites();
        ChartBuilder[] panels = new ChartBuilder[sites.names().size()];
        for (int s = 0; s < panels.length; s++) {
            String site = sites.names().get(s);
            ChartBuilder b = new ChartBuilder("", TIME, "populations of site " + site);
            int i = 0;
            List<String> columns = columns(sites, s);
            // Labelled by level alone, so that the panels share one legend: level n has one colour per engine.
            for (int n = 0; n < columns.size(); n++) {
                for (RunCurves.EngineCurves e : in.engines()) {
                    b.add(RunFigure.series("level " + n + " " + e.name() + " ± SE", in.t(),
                            e.curves().sites().get(columns.get(n))), ChartBuilder.color(i++), false);
                }
            }
            for (int n = 0; n < columns.size(); n++) {
                RunCurves.Curve exact = in.exact().sites().get(columns.get(n));
                if (in.engines().isEmpty()) {
                    // The exact transient alone (qtm evolve): one colour per level, shared by the panels' legend.
                    b.add(RunFigure.series("level " + n + " exact", in.t(), exact), ChartBuilder.color(n), false);
                } else {
                    b.addReference(RunFigure.series(n == 0 ? "exact (master equation)" : "exact level " + n, in.t(),
                            exact), true, n == 0);
                }
            }
            panels[s] = b;
        }
        return ChartBuilder.stacked("Populations per site", panels);
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        SiteObservables sites = in.sites();
        List<InteractivePlot> out = new ArrayList<>();
        for (int s = 0; s < sites.names().size(); s++) {
            String site = sites.names().get(s);
            List<String> columns = columns(sites, s);
            List<InteractivePlot.Line> lines = new ArrayList<>();
            int i = 0;
            for (int n = 0; n < columns.size(); n++) {
                String column = columns.get(n);
                i = RunFigure.bands(lines, in, label(site, n) + " ", c -> c.sites().get(column), i);
            }
            for (Map.Entry<String, Map<String, RunCurves.Curve>> r : in.references().entrySet()) {
                for (int n = 0; n < columns.size(); n++) {
                    lines.add(new InteractivePlot.Line(label(site, n) + " " + r.getKey() + "'s exact reference",
                            r.getValue().get(columns.get(n)).y(), null, Color.DARK_GRAY, new float[] {2, 4}, null));
                }
            }
            for (int n = 0; n < columns.size(); n++) {
                lines.add(RunFigure.exact(label(site, n) + " " + ME, in.exact().sites().get(columns.get(n)).y(), EXACT,
                        true));
            }
            out.add(new InteractivePlot(TIME, "populations of site " + site, false, in.t(), lines));
        }
        return out;
    }

    /** The population columns of one site, by level. */
    private static List<String> columns(SiteObservables sites, int site) {
        int first = 0;
        int[] dims = sites.dims();
        for (int s = 0; s < site; s++) {
            first += dims[s];
        }
        return sites.populationColumns().subList(first, first + dims[site]);
    }

    private static String label(String site, int level) {
        return "p_" + site + "(" + level + ")";
    }
}
