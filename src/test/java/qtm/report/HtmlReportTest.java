package qtm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.run.RunCurves;
import qtm.output.Json;

class HtmlReportTest {
    static HtmlReport.Content sample() {
        double[] t = {0, 1, 2, 3};
        String svg = ChartFiles.svg(new ChartBuilder("Concurrence", "t (1/E)", "C")
                .add(new Series("trajectories", t, new double[] {0, 0.01, 0.02, 0.03}, new double[] {0, 1e-3, 1e-3, 1e-3}))
                .add(Series.line("exact", t, new double[] {0, 0.011, 0.021, 0.029})).build(), 600, 400, "c-");
        return new HtmlReport.Content("demo <run>", "a & b", "name: demo\nmodel: {type: reset}\n", 42L,
                List.of(new HtmlReport.VerdictRow("trajectories", 1000, "trajectories", 2.1,
                                new qtm.stats.ZTests.Worst("p00", 3.0, -2.1, 1.0), 1.0, 0.4, Double.NaN, true,
                                "master equation"),
                        new HtmlReport.VerdictRow("collision", 500, "time_budget", 7.5,
                                new qtm.stats.ZTests.Worst("p11", 2050.0, -7.5, 6.4e-12), 6.4e-12, 1e-6,
                                Double.NaN, false, "exact collision map (Δt = 2)"),
                        new HtmlReport.VerdictRow("collision: counts", 500, "time_budget", 3.0, null, 0.2, Double.NaN,
                                0.03, true, "tilted collision map")),
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

    /**
     * Issue 22: each verdict row names its worst test, and each kind of p-value sits in a column of its own (the
     * Bonferroni p of the z-tests, the χ² p, the histogram χ² p), empty where that kind was not judged.
     */
    @Test
    void theVerdictTableNamesTheWorstTestAndKeepsEachPValueInItsColumn() {
        String html = HtmlReport.render(sample());
        String table = html.substring(html.indexOf("id=\"verdicts\""), html.indexOf("</table>", html.indexOf(
                "id=\"verdicts\"")));
        assertTrue(table.contains("<th>Bonferroni p of the z-tests</th><th>χ² p</th><th>histogram χ² p</th>"), table);
        assertTrue(table.contains("<td class=\"l\">p11 at t = 2050, z = -7.5</td><td>6.40000e-12</td>"
                + "<td>1.00000e-06</td><td></td>"), table);
        assertTrue(table.contains("<td class=\"l\"></td><td>0.200000</td><td></td><td>0.0300000</td>"), table);
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
                List.of(new HtmlReport.Skipped("collision", "interrupted", "Ctrl-C came first"))), List.of());
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
    void anInteractiveChartEmbedsUPlotAndItsNumbersAsJsonAndTheFilesAreLinked() throws Exception {
        HtmlReport.Content c = sample();
        HtmlReport.Figure f = c.figures().get(0);
        InteractivePlot plot = new InteractivePlot("t", "C", false, new double[] {0, 1, 2},
                List.of(new InteractivePlot.Line("C </script> trajectories", new double[] {0.5, Double.NaN, 0.25},
                        new double[] {0.125, Double.POSITIVE_INFINITY, 0.0625}, java.awt.Color.RED, false)));
        HtmlReport.Content live = new HtmlReport.Content(c.name(), c.description(), c.scenarioYaml(), c.seed(),
                c.verdicts(), c.finals(), List.of(new HtmlReport.Figure(f.title(), f.caption(), f.svg(), plot)),
                c.fluctuations());
        String html = HtmlReport.render(live, null, List.of(new HtmlReport.OutputFile("summary.json", "numbers"),
                new HtmlReport.OutputFile("a b#1.csv", "numbers"), new HtmlReport.OutputFile("report.html", "page")));
        assertFalse(html.contains(" src="), "no external resources");
        assertFalse(html.contains("<link"), "no external resources");
        assertTrue(html.contains("uPlot 1.6.30, MIT licence"), "uPlot inline, with its version");
        String open = "<script type=\"application/json\" id=\"qtm-plots\">";
        String json = html.substring(html.indexOf(open) + open.length(), html.indexOf("</script>"));
        assertFalse(json.contains("</script"), "a label cannot close the script");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        var line = tree.get(0).get("lines").get(0);
        assertEquals("C </script> trajectories", line.get("label").asText());
        assertEquals("[0.5,null,0.25]", line.get("y").toString(), "NaN as null");
        assertEquals("[0.125,null,0.0625]", line.get("se").toString(), "inf as null");
        assertEquals("#ff0000", line.get("color").asText());
        assertEquals(1, html.split("<svg", -1).length - 1, "the SVG stays, for printing");
        assertTrue(html.contains("@media print"), "print shows the SVG");
        assertTrue(html.contains("<a href=\"./summary.json\">summary.json</a> · <a href=\"./a%20b%231.csv\">"),
                "relative links, grouped by kind, encoded");
        assertTrue(html.contains("<td class=\"l\">page</td><td class=\"l\"><a href=\"./report.html\">"));
        assertTrue(html.contains("<td class=\"l\">exact collision map (Δt = 2)</td>"), "reference named");
    }

    /** A report whose one figure has the given interactive charts. */
    static HtmlReport.Content withPlots(List<InteractivePlot> plots) {
        HtmlReport.Content c = sample();
        HtmlReport.Figure f = c.figures().get(0);
        return new HtmlReport.Content(c.name(), c.description(), c.scenarioYaml(), c.seed(), c.verdicts(), c.finals(),
                List.of(new HtmlReport.Figure(f.title(), f.caption(), f.svg(), plots)), c.fluctuations());
    }

    /** What the page's #selftest hook wrote after real mouse events in headless chromium. */
    static JsonNode selftest(HtmlReport.Content c, Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.render(c));
        ChromiumPage.Page p = ChromiumPage.load(page.toUri().resolve("#selftest-hover"), dir,
                "--virtual-time-budget=5000", "--window-size=1280,900", "--dump-dom");
        assertEquals(0, p.status());
        assertTrue(p.consoleLines().isEmpty(), "console messages: " + p.consoleLines());
        Matcher m = Pattern.compile("<pre id=\"qtm-selftest\">([^<]*)</pre>").matcher(p.dom());
        assertTrue(m.find(), "the page wrote what uPlot shows");
        return new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&"));
    }

    /**
     * Issue 23: the y axis's title lies beyond its widest tick label, for heat currents of order 1e-4 (ticks such as
     * -0.00015) as for values of order 1.
     */
    @Test
    void theYAxisTitleClearsItsTickLabels(@TempDir Path dir) throws Exception {
        double[] t = {0, 1000, 2000, 3000, 4000, 5000};
        InteractivePlot heat = new InteractivePlot("t (units of 1/E)", "Q_c into the cold bath (units of E²)", false, t,
                List.of(new InteractivePlot.Line("Q_c trajectories", new double[] {-1.0e-4, -1.2e-4, -1.45e-4,
                    -1.5e-4, -1.38e-4, -1.52e-4}, new double[] {0, 1e-5, 1e-5, 1e-5, 1e-5, 1e-5}, java.awt.Color.BLUE,
                    false), new InteractivePlot.Line("Q_c master equation", new double[] {-1.05e-4, -1.25e-4,
                        -1.5e-4, -1.5e-4, -1.5e-4, -1.5e-4}, null, java.awt.Color.BLACK, false)));
        InteractivePlot unit = new InteractivePlot("t", "C", false, t, List.of(new InteractivePlot.Line("C",
                new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, null, java.awt.Color.RED, false)));
        JsonNode axes = selftest(withPlots(List.of(heat, unit)), dir).get("yAxes");
        assertEquals(2, axes.size());
        for (JsonNode a : axes) {
            assertTrue(a.get("labels").size() >= 3, a.toString());
            assertTrue(a.get("labelsEnd").asDouble() + 4 <= a.get("titleStart").asDouble(),
                    "the title starts at least 4 px past the widest tick label: " + a);
        }
        // Labels of eight characters, as a heat current's chart has: they reached the title of the 70 px axis.
        assertTrue(axes.get(0).get("labels").toString().contains("-0.00015"), axes.get(0).toString());
    }

    private static RunCurves.Curves populations(String name, double shift, boolean exact) {
        RunCurves.Curve[] pops = new RunCurves.Curve[4];
        double[] se = exact ? null : new double[] {0, 0.01, 0.01};
        for (int j = 0; j < 4; j++) {
            pops[j] = new RunCurves.Curve(new double[] {j == 0 ? 1 : 0, 0.5 - 0.1 * j + shift, 0.4 - 0.1 * j + shift},
                    se);
        }
        return new RunCurves.Curves(name, null, null, null, null, pops,
                new RunCurves.Curve(new double[] {0, 0.05 + shift, 0.04 + shift}, se), null, null, null, null);
    }

    /**
     * Issue 23: the populations chart of two engines had 15 legend entries (20 with the collision map) and reused
     * colours. Now each quantity is one entry in one colour that lists both engines' values, the engines told apart by
     * their dash, and the master equation's five lines are one entry.
     */
    @Test
    void thePopulationsLegendHasOneEntryPerQuantityInColoursOfItsOwn(@TempDir Path dir) throws Exception {
        RunCurves in = new RunCurves(new double[] {0, 1, 2},
                List.of(new RunCurves.EngineCurves("trajectories", populations("trajectories", 0, false)),
                        new RunCurves.EngineCurves("collision", populations("collision", 0.01, false))),
                populations("exact", 0.005, true), Double.NaN, Double.NaN, null);
        InteractivePlot plot = PopulationsFigure.plot(in, List.of(), false);
        java.util.Map<String, java.util.Set<java.awt.Color>> colours = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.Set<String>> dashes = new java.util.HashMap<>();
        for (InteractivePlot.Line l : plot.lines()) {
            String entry = l.group() == null ? l.label() : l.group();
            colours.computeIfAbsent(entry, k -> new java.util.HashSet<>()).add(l.color());
            dashes.computeIfAbsent(entry, k -> new java.util.HashSet<>()).add(java.util.Arrays.toString(l.dash()));
        }
        assertEquals(List.of("p00", "p01", "p10", "p11", "|ρ01,10|", "master equation"),
                List.copyOf(colours.keySet()));
        java.util.Set<java.awt.Color> seen = new java.util.HashSet<>();
        colours.forEach((entry, c) -> {
            assertEquals(1, c.size(), entry + " is drawn in one colour");
            assertTrue(seen.add(c.iterator().next()), entry + " has a colour of its own");
        });
        assertEquals(2, dashes.get("p00").size(), "the two engines' p00 are dashed differently");
        JsonNode t = selftest(withPlots(List.of(plot)), dir);
        List<String> legend = new java.util.ArrayList<>();
        t.get("legend").forEach(row -> legend.add(row.asText()));
        assertEquals(7, legend.size(), "x and six entries: " + legend);
        String p00 = legend.stream().filter(r -> r.startsWith("p00 = ")).findFirst().orElseThrow();
        assertTrue(p00.contains("trajectories ") && p00.contains(" ± ") && p00.contains(" · collision "), p00);
    }

    @Test
    @Tag("slow")
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
