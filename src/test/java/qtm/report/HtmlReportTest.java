package qtm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    static HtmlReport.Content sample() {
        double[] t = {0, 1, 2, 3};
        String svg = ChartFiles.svg(new ChartBuilder("Concurrence", "t (1/E)", "C")
                .add(new Series("trajectories", t, new double[] {0, 0.01, 0.02, 0.03}, new double[] {0, 1e-3, 1e-3, 1e-3}))
                .add(Series.line("exact", t, new double[] {0, 0.011, 0.021, 0.029})).build(), 600, 400, "c-");
        return new HtmlReport.Content("demo <run>", "a & b", "name: demo\nmodel: {type: reset}\n", 42L,
                List.of(new HtmlReport.Verdict("trajectories", 1000, "trajectories", 2.1, 0.4, true),
                        new HtmlReport.Verdict("collision", 500, "time_budget", 7.5, 1e-6, false)),
                List.of(new HtmlReport.Final("trajectories", "concurrence", 0.03, 0.001, 0.029)),
                List.of(new HtmlReport.Figure("Concurrence", "mean ± SE", svg)),
                List.of(new HtmlReport.Row("cold bath", new double[] {1.5e-4, 1.2e-4, 7e-5, 0.77, 1.5e-4, 1.2e-4}),
                        new HtmlReport.Row("machine: σ, TUR ratio", new double[] {Double.POSITIVE_INFINITY,
                            Double.NaN})));
    }

    @Test
    void pageIsSelfContainedAndEscaped() {
        String html = HtmlReport.render(sample());
        assertTrue(html.contains("demo &lt;run&gt;"));
        assertTrue(html.contains("a &amp; b"));
        assertFalse(html.contains(" src="), "no external resources");
        assertFalse(html.contains("<link"), "no external resources");
        assertFalse(html.contains("<script"), "no script");
        assertEquals(1, html.split("<svg", -1).length - 1);
        assertTrue(html.contains("seed 42"));
        assertTrue(html.contains("id=\"fluctuations\"") && html.contains("<td>0.770000</td>"), "fluctuation table");
    }

    /** The provenance: settings flattened to dotted keys, this run's part between its markers, skipped ensembles. */
    @Test
    void provenanceShowsSettingsThisRunAndSkippedEnsembles() {
        com.fasterxml.jackson.databind.node.ObjectNode settings = Json.object().put("seed", 42);
        settings.putObject("grid").put("points", 11);
        settings.putArray("engines").add("trajectories").add("collision");
        com.fasterxml.jackson.databind.node.ObjectNode thisRun = Json.object().put("threads", 3);
        thisRun.putArray("command_line").add("qtm").add("run").add("a<b>.yaml");
        String html = HtmlReport.render(sample(), new HtmlReport.Provenance("qtm-summary/2", settings, thisRun,
                List.of(new HtmlReport.Skipped("collision", "interrupted", "Ctrl-C came first"))));
        assertTrue(html.contains("<td class=\"l\">grid.points</td><td class=\"l\">11</td>"), html);
        assertTrue(html.contains("<td class=\"l\">engines</td><td class=\"l\">trajectories collision</td>"), html);
        int from = html.indexOf(HtmlReport.THIS_RUN_START);
        int to = html.indexOf(HtmlReport.THIS_RUN_END);
        assertTrue(html.indexOf("grid.points") < from && from < html.indexOf("qtm run a&lt;b&gt;.yaml")
                && html.indexOf("<td class=\"l\">threads</td><td class=\"l\">3</td>") < to, html);
        assertTrue(html.contains("id=\"skipped\"") && html.contains("collision (interrupted: Ctrl-C came first)"));
        assertTrue(html.indexOf("id=\"skipped\"") < html.indexOf("id=\"finals\""), "named under the verdicts");
        String without = HtmlReport.render(sample());
        assertFalse(without.contains(HtmlReport.THIS_RUN_START) || without.contains("id=\"skipped\""));
    }

    @Test
    void headlessChromiumLoadsItAndShowsTheVerdictTable(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.render(sample()));
        ChromiumPage.Page p = ChromiumPage.load(page, dir, "--dump-dom");
        assertEquals(0, p.status());
        assertTrue(p.consoleLines().isEmpty(), "console messages: " + p.consoleLines());
        String dom = p.dom();
        assertTrue(dom.contains("id=\"verdicts\""), "verdict table present");
        assertTrue(dom.contains(">converged<") && dom.contains(">not converged<"), "both verdicts shown");
        assertTrue(dom.contains("<svg"), "chart inline");
        Path shot = dir.resolve("shot.png");
        ChromiumPage.Page s = ChromiumPage.load(page, dir, "--screenshot=" + shot, "--window-size=1280,900");
        assertEquals(0, s.status());
        assertTrue(Files.size(shot) > 10_000, "the page renders to a non-trivial picture");
    }
}
