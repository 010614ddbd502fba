package qtm.report;

import static qtm.report.HtmlText.compact;
import static qtm.report.HtmlText.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One self-contained HTML page for a run: the scenario as run, a convergence table per engine, final values against
 * each engine's exact reference, the charts as inline SVG (with uPlot's interactive twins of the time series, inlined
 * too), and links to every file of the run. It loads nothing from the network.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * One engine's convergence verdict.
     *
     * @param engine engine name, with what is judged after a colon where it is not ρ̄ ("collision: counts")
     * @param trajectories trajectories averaged
     * @param stopReason why the ensemble stopped
     * @param maxAbsZ largest |z| over elements and times (NaN: no z-tests)
     * @param worst the z-test with the smallest p-value (null: none)
     * @param zPValue the Bonferroni p-value of the z-tests (NaN: none)
     * @param chiSquarePValue the χ² (Hotelling) p-value of the final state or of the waiting-time bins (NaN: none)
     * @param histogramPValue the smallest χ² p-value of the final-count histograms (NaN: none)
     * @param converged the verdict
     * @param reference the exact solution it is judged against, e.g. "master equation"
     */
    public record VerdictRow(String engine, long trajectories, String stopReason, double maxAbsZ,
            qtm.stats.ZTests.Worst worst, double zPValue, double chiSquarePValue, double histogramPValue,
            boolean converged, String reference) {
        /** @return the worst test in words: "p11 at t = 2050, z = −5.42", or "" */
        public String worstWords() {
            if (worst == null) {
                return "";
            }
            return worst.element() + " at t = " + compact(worst.t(), 6) + ", z = " + compact(worst.z(), 3);
        }
    }

    /**
     * A final value against the exact one.
     *
     * @param engine engine name
     * @param quantity observable
     * @param mean ensemble estimate
     * @param se its standard error
     * @param exact the exact value
     * @param reliable false when the SE rests on a handful of rare events and cannot be trusted
     */
    public record Final(String engine, String quantity, double mean, double se, double exact, boolean reliable) {
        /**
         * A final value whose SE rests on no rare event.
         *
         * @param engine engine name
         * @param quantity observable
         * @param mean ensemble estimate
         * @param se its standard error
         * @param exact the exact value
         */
        public Final(String engine, String quantity, double mean, double se, double exact) {
            this(engine, quantity, mean, se, exact, true);
        }
    }

    /**
     * A chart.
     *
     * @param title heading
     * @param caption how to read it
     * @param svg the SVG document
     * @param plot its interactive twin (shown on screen, the SVG when printed), or null for the SVG alone
     */
    public record Figure(String title, String caption, String svg, List<InteractivePlot> plots) {
        /**
         * A chart with no interactive twin.
         *
         * @param title heading
         * @param caption how to read it
         * @param svg the SVG document
         */
        public Figure(String title, String caption, String svg) {
            this(title, caption, svg, List.of());
        }

        /**
         * A chart with one interactive twin.
         *
         * @param title heading
         * @param caption how to read it
         * @param svg the SVG document
         * @param plot its interactive twin (null: none)
         */
        public Figure(String title, String caption, String svg, InteractivePlot plot) {
            this(title, caption, svg, plot == null ? List.of() : List.of(plot));
        }
    }

    /**
     * One file of the run's output directory, for the list of links.
     *
     * @param name its name in the directory
     * @param kind what this kind of file holds
     */
    public record OutputFile(String name, String kind) {
    }

    /**
     * The report's contents.
     *
     * @param name scenario name
     * @param description scenario description
     * @param scenarioYaml the scenario as run (after overrides), as YAML
     * @param seed the seed
     * @param verdicts one per engine
     * @param finals final values
     * @param figures charts
     * @param fluctuations the exact stationary counting statistics, a row per bath and one for the machine (empty
     *     without a unique steady state)
     */
    public record Content(String name, String description, String scenarioYaml, long seed, List<VerdictRow> verdicts,
            List<Final> finals, List<Figure> figures, List<Row> fluctuations) {
    }

    /**
     * One labelled row of numbers.
     *
     * @param label first cell
     * @param values the rest
     */
    public record Row(String label, double[] values) {
    }

    /**
     * An ensemble that ran no trajectory of its own because the run stopped before it started.
     *
     * @param ensemble its label
     * @param reason the stop reason's key (interrupted, time_budget)
     * @param why the reason in words
     */
    public record Skipped(String ensemble, String reason, String why) {
    }

    /**
     * What ran, as summary.json states it.
     *
     * @param format summary.json's format
     * @param settings its {@code settings} object: every effective setting
     * @param thisRun its {@code this_run} object: what differs between runs of the same result
     * @param skipped the ensembles skipped
     */
    public record Provenance(String format, JsonNode settings, JsonNode thisRun, List<Skipped> skipped) {
    }

    /** Marks the one part of the page that differs between runs of the same result (tests cut it out to compare). */
    public static final String THIS_RUN_START = "<!-- this_run -->";
    /** Ends {@link #THIS_RUN_START}'s part. */
    public static final String THIS_RUN_END = "<!-- /this_run -->";

    /**
     * @param c the contents
     * @return the HTML page, without provenance
     */
    public static String render(Content c) {
        return render(c, null, List.of());
    }

    /**
     * @param c the contents
     * @param p the provenance (null: none)
     * @param files the files of the output directory, linked from the page (none: no list)
     * @return the HTML page
     */
    public static String render(Content c, Provenance p, List<OutputFile> files) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>qtm: ").append(esc(c.name())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1250px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 10px;")
                .append("text-align:right}th{background:#eee}td.l{text-align:left}")
                .append(".ok{color:#1a7f37;font-weight:bold}.bad{color:#c62828;font-weight:bold}")
                .append("pre{background:#f6f6f6;padding:1em;overflow:auto}figure{margin:2em 0}")
                .append("figure svg{width:100%;height:auto}</style>\n");
        interactiveStyle(h, c.figures());
        h.append("</head><body>\n");
        h.append("<h1>qtm run: ").append(esc(c.name())).append("</h1>\n<p>").append(esc(c.description()))
                .append("</p>\n");
        ReportTables.verdicts(h, c.verdicts());
        h.append(ReportTables.skipped(p));
        ReportTables.finals(h, c);
        ReportTables.fluctuations(h, c.fluctuations());
        int plots = 0;
        for (Figure f : c.figures()) {
            h.append("<figure><h2>").append(esc(f.title())).append("</h2>\n");
            for (int i = 0; i < f.plots().size(); i++) {
                h.append("<div class=\"live\" data-plot=\"").append(plots++).append("\"></div>\n");
            }
            h.append("<div class=\"static\">").append(stripProlog(f.svg())).append("</div>\n<figcaption>")
                    .append(esc(f.caption())).append("</figcaption></figure>\n");
        }
        ReportTables.fileLinks(h, files);
        h.append("<h2>Scenario as run (seed ").append(c.seed()).append(")</h2>\n<pre>").append(esc(c.scenarioYaml()))
                .append("</pre>\n");
        h.append(ReportTables.provenance(p));
        interactiveCharts(h, c.figures());
        h.append("</body></html>\n");
        return h.toString();
    }

    /** uPlot's style sheet and the rules that show a chart's SVG until its interactive twin is up, and in print. */
    private static void interactiveStyle(StringBuilder h, List<Figure> figures) {
        if (figures.stream().allMatch(f -> f.plots().isEmpty())) {
            return;
        }
        h.append("<style>").append(UPlot.CSS).append("</style>\n<style>")
                .append(".live{display:none}figure.interactive .live{display:block}")
                .append("figure.interactive .static{display:none}.u-legend .qtm-band,.u-cursor-pt.qtm-band,")
                .append(".u-legend .qtm-member{display:none}")
                .append(".u-legend{font-size:13px;text-align:left}.u-legend .u-value{font-family:monospace}")
                .append("@media print{figure.interactive .live{display:none}figure.interactive .static{display:block}}")
                .append("</style>\n");
    }

    /**
     * The interactive charts: the figures' numbers as JSON (non-finite values null), uPlot and the glue that hands
     * them to it, all inline.
     */
    private static void interactiveCharts(StringBuilder h, List<Figure> figures) {
        com.fasterxml.jackson.databind.node.ArrayNode data =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (Figure f : figures) {
            for (InteractivePlot p : f.plots()) {
                data.add(p.json());
            }
        }
        if (data.isEmpty()) {
            return;
        }
        // "<" escaped as JSON allows, so that no label can close the script element.
        h.append("<script type=\"application/json\" id=\"qtm-plots\">").append(data.toString().replace("<", "\\u003c"))
                .append("</script>\n<!-- uPlot ").append(UPlot.VERSION).append(", MIT licence, https://github.com/leeoniya/uPlot -->\n")
                .append("<script>").append(UPlot.SCRIPT).append("</script>\n<script>").append(UPlot.GLUE)
                .append("</script>\n");
    }

    private static String stripProlog(String svg) {
        int i = svg.indexOf("<svg");
        return i < 0 ? svg : svg.substring(i);
    }

}
