package qtm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import qtm.observe.SiteObservables;
import qtm.run.RunCurves;

/**
 * Issue 24's two figures: negativity and pair concurrence over time with the exact lines, and the populations per
 * site, drawn from the curves named by the sites, for any number of sites.
 */
class SiteFiguresTest {
    private static final double[] T = {0, 1, 2};

    private static Map<String, RunCurves.Curve> curves(SiteObservables sites, boolean exact) {
        Map<String, RunCurves.Curve> out = new LinkedHashMap<>();
        for (String c : sites.columns()) {
            out.put(c, new RunCurves.Curve(new double[] {0, 0.1, 0.2}, exact ? null : new double[] {0, 0.01, 0.01}));
        }
        return out;
    }

    private static RunCurves.Curves of(String name, SiteObservables sites, boolean exact) {
        return new RunCurves.Curves(name, null, null, null, null, null, null, null, null, null, null,
                curves(sites, exact));
    }

    private static RunCurves run(SiteObservables sites) {
        return new RunCurves(T, List.of(new RunCurves.EngineCurves("trajectories", of("trajectories", sites, false)),
                new RunCurves.EngineCurves("collision", of("collision", sites, false))), of("exact", sites, true),
                Double.NaN, Double.NaN, null, Map.of("collision", curves(sites, true)), sites);
    }

    @Test
    void onThePresetsTheEntanglementFigureHasEachEnginesBandsTheMapsAndTheExactLines() {
        RunCurves in = run(SiteObservables.of(new qtm.model.ResetModel(1, 1.6e-3, new qtm.model.Bath(0, 1e-2),
                new qtm.model.Bath(Double.POSITIVE_INFINITY, 1.1e-3))));
        EntanglementFigure f = new EntanglementFigure();
        assertTrue(f.applies(in));
        assertNotNull(f.chart(in));
        List<InteractivePlot.Line> lines = f.plots(in, List.of()).get(0).lines();
        List<String> labels = lines.stream().map(InteractivePlot.Line::label).toList();
        assertEquals(List.of("N(c|h) trajectories", "N(c|h) collision", "C(c,h) trajectories", "C(c,h) collision",
                "N(c|h) collision's exact reference", "C(c,h) collision's exact reference",
                "N(c|h) master equation", "C(c,h) master equation"), labels);
        for (InteractivePlot.Line l : lines.subList(0, 4)) {
            assertNotNull(l.se(), "an estimate has its band");
        }
        for (InteractivePlot.Line l : lines.subList(4, 8)) {
            assertNull(l.se(), "an exact line has none");
        }
    }

    @Test
    void threeSitesGetThreeBipartitionsOnePairAndOnePopulationPanelPerSite() {
        SiteObservables sites = new SiteObservables(List.of("c", "m", "h"), new int[] {2, 3, 2});
        RunCurves in = run(sites);
        List<InteractivePlot.Line> lines = new EntanglementFigure().plots(in, List.of()).get(0).lines();
        assertEquals(4 * (2 + 1 + 1), lines.size(), "four entries, each two engines, the map and the exact line");
        SitePopulationsFigure p = new SitePopulationsFigure();
        assertNotNull(p.chart(in));
        List<InteractivePlot> plots = p.plots(in, List.of());
        assertEquals(3, plots.size(), "one chart per site");
        assertEquals(3 * 4, plots.get(1).lines().size(), "the qutrit's three levels, each two engines, map, exact");
        assertTrue(plots.get(1).lines().get(0).label().startsWith("p_m(0)"));
    }

    @Test
    void curvesWithoutSitesDrawNeitherFigure() {
        RunCurves in = new RunCurves(T, List.of(), new RunCurves.Curves("exact", null, null, null, null, null, null,
                null, null, null, null), Double.NaN, Double.NaN, null);
        assertFalse(new EntanglementFigure().applies(in));
        assertFalse(new SitePopulationsFigure().applies(in));
    }
}
