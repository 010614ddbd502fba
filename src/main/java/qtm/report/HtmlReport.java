package qtm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import qtm.output.Json;

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
    public record Verdict(String engine, long trajectories, String stopReason, double maxAbsZ,
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

    /** @return x to the significant digits given, without trailing zeros ("2050", "-5.42", "inf") */
    static String compact(double x, int digits) {
        if (!Double.isFinite(x)) {
            return num(x);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%." + digits + "g", x)).stripTrailingZeros()
                .toPlainString();
    }

    /** A table cell: empty for NaN (nothing of that kind was judged). */
    private static String cell(double x) {
        return Double.isNaN(x) ? "" : num(x);
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
    public record Content(String name, String description, String scenarioYaml, long seed, List<Verdict> verdicts,
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
        h.append("<h2>Convergence to the exact solution</h2>\n<table id=\"verdicts\"><tr><th>engine</th>")
                .append("<th>trajectories</th><th>stop reason</th><th>max |z|</th><th>worst test</th>")
                .append("<th>Bonferroni p of the z-tests</th><th>χ² p</th><th>histogram χ² p</th>")
                .append("<th>verdict</th><th>reference</th></tr>\n");
        for (Verdict v : c.verdicts()) {
            h.append("<tr><td class=\"l\">").append(esc(v.engine())).append("</td><td>").append(v.trajectories())
                    .append("</td><td class=\"l\">").append(esc(v.stopReason())).append("</td><td>")
                    .append(cell(v.maxAbsZ())).append("</td><td class=\"l\">").append(esc(v.worstWords()))
                    .append("</td><td>").append(cell(v.zPValue())).append("</td><td>")
                    .append(cell(v.chiSquarePValue())).append("</td><td>").append(cell(v.histogramPValue()))
                    .append("</td><td class=\"").append(v.converged() ? "ok\">converged" : "bad\">not converged")
                    .append("</td><td class=\"l\">").append(esc(v.reference())).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Every element of ρ̄ at every time, and every count's mean and variance, is a z-test ")
                .append("against the exact value with its variance under the null hypothesis (an exact binomial ")
                .append("tail where the events are rare); the worst test is named, with its Bonferroni p-value over ")
                .append("all the tests of its row. A row converges when each of its p-values is at least 0.001 (the ")
                .append("histograms' split between the two baths, the waiting times' among the three pairs).</p>\n");
        h.append(skipped(p));
        java.util.Map<String, String> references = new java.util.HashMap<>();
        c.verdicts().forEach(v -> references.put(v.engine(), v.reference()));
        h.append("<h2>Final values against exact</h2>\n<table id=\"finals\"><tr><th>engine</th><th>quantity</th>")
                .append("<th>mean</th><th>SE</th><th>exact reference</th><th>exact</th><th>(mean − exact)/SE</th>")
                .append("<th>SE reliable</th></tr>\n");
        for (Final f : c.finals()) {
            double z = f.se() > 0 ? (f.mean() - f.exact()) / f.se() : Double.NaN;
            h.append("<tr><td class=\"l\">").append(esc(f.engine())).append("</td><td class=\"l\">")
                    .append(esc(f.quantity())).append("</td><td>").append(num(f.mean())).append("</td><td>")
                    .append(num(f.se())).append("</td><td class=\"l\">")
                    .append(esc(references.getOrDefault(f.engine(), "exact"))).append("</td><td>")
                    .append(num(f.exact())).append("</td><td>").append(num(z))
                    .append("</td><td class=\"").append(f.reliable() ? "ok\">yes" : "bad\">no").append("</td></tr>\n");
        }
        h.append("</table>\n<p>SE reliable: “no” means the error bar rests on events seen in a handful of ")
                .append("trajectories (a rarely visited population, or few jumps in the last bin); it is then widened ")
                .append("for the unseen events but should not be trusted, and a target-SE stop does not fire on it.</p>\n");
        if (!c.fluctuations().isEmpty()) {
            h.append("<h2>Stationary fluctuations (exact, per unit time)</h2>\n<table id=\"fluctuations\"><tr><th></th>")
                    .append("<th>⟨N⟩/t</th><th>Var N/t</th><th>⟨⟨N³⟩⟩/t</th><th>Fano</th><th>⟨Q⟩/t</th>")
                    .append("<th>Var Q/t</th></tr>\n");
            for (Row r : c.fluctuations()) {
                h.append("<tr><td class=\"l\">").append(esc(r.label())).append("</td>");
                for (double v : r.values()) {
                    h.append("<td>").append(num(v)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n<p>N and Q count the quanta and the heat into each bath (qtm fcs). σ = Q_c/T_c + ")
                    .append("Q_h/T_h; the TUR ratio Var(Q_c)·σ/⟨Q_c⟩² is at least 2 for classical machines.</p>\n");
        }
        int plots = 0;
        for (Figure f : c.figures()) {
            h.append("<figure><h2>").append(esc(f.title())).append("</h2>\n");
            for (int i = 0; i < f.plots().size(); i++) {
                h.append("<div class=\"live\" data-plot=\"").append(plots++).append("\"></div>\n");
            }
            h.append("<div class=\"static\">").append(stripProlog(f.svg())).append("</div>\n<figcaption>")
                    .append(esc(f.caption())).append("</figcaption></figure>\n");
        }
        fileLinks(h, files);
        h.append("<h2>Scenario as run (seed ").append(c.seed()).append(")</h2>\n<pre>").append(esc(c.scenarioYaml()))
                .append("</pre>\n");
        h.append(provenance(p));
        interactiveCharts(h, c.figures());
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The ensembles a stop came before, named under the convergence table. */
    private static String skipped(Provenance p) {
        if (p == null || p.skipped().isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<p id=\"skipped\" class=\"bad\">Skipped, no trajectory of their own:");
        String sep = " ";
        for (Skipped x : p.skipped()) {
            h.append(sep).append(esc(x.ensemble())).append(" (").append(esc(x.reason())).append(": ")
                    .append(esc(x.why())).append(")");
            sep = "; ";
        }
        return h.append(".</p>\n").toString();
    }

    /**
     * Every effective setting, then this run's own facts between {@link #THIS_RUN_START} and {@link #THIS_RUN_END}:
     * the same entries as summary.json's {@code settings} and {@code this_run}, flattened to dotted keys.
     */
    private static String provenance(Provenance p) {
        if (p == null) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2 id=\"provenance\">Settings, defaults included (summary.json ")
                .append(esc(p.format())).append(")</h2>\n<table id=\"settings\"><tr><th>setting</th><th>value</th></tr>\n");
        rows(h, "", p.settings());
        h.append("</table>\n").append(THIS_RUN_START).append("\n<h2>This run</h2>\n<p>What differs between two runs ")
                .append("of the same scenario and seed (summary.json's this_run); everything else on this page has ")
                .append("the same bytes on any thread count, for merged shards and for an extension.</p>\n")
                .append("<table id=\"this-run\"><tr><th>entry</th><th>value</th></tr>\n");
        rows(h, "", p.thisRun());
        return h.append("</table>\n").append(THIS_RUN_END).append("\n").toString();
    }

    private static void rows(StringBuilder h, String prefix, JsonNode v) {
        boolean flat = v.isArray() && java.util.stream.StreamSupport.stream(v.spliterator(), false)
                .allMatch(JsonNode::isValueNode);
        if (v.isObject()) {
            v.fields().forEachRemaining(e -> rows(h, prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue()));
        } else if (v.isArray() && !flat) {
            for (int i = 0; i < v.size(); i++) {
                rows(h, prefix + "[" + i + "]", v.get(i));
            }
        } else {
            String text = flat ? String.join(" ", java.util.stream.StreamSupport.stream(v.spliterator(), false)
                    .map(HtmlReport::text).toList()) : text(v);
            h.append("<tr><td class=\"l\">").append(esc(prefix)).append("</td><td class=\"l\">").append(esc(text))
                    .append("</td></tr>\n");
        }
    }

    /** A value as summary.json writes it (Json's convention), without quotes. */
    private static String text(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.write(v);
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

    /** Links to every file of the output directory, grouped by kind, in the order given. */
    private static void fileLinks(StringBuilder h, List<OutputFile> files) {
        if (files.isEmpty()) {
            return;
        }
        java.util.Map<String, List<String>> byKind = new java.util.LinkedHashMap<>();
        for (OutputFile f : files) {
            byKind.computeIfAbsent(f.kind(), k -> new java.util.ArrayList<>()).add(f.name());
        }
        h.append("<h2>Files of this run</h2>\n<table id=\"files\"><tr><th>what</th><th>files</th></tr>\n");
        for (java.util.Map.Entry<String, List<String>> e : byKind.entrySet()) {
            h.append("<tr><td class=\"l\">").append(esc(e.getKey())).append("</td><td class=\"l\">");
            String sep = "";
            for (String name : e.getValue()) {
                h.append(sep).append("<a href=\"").append(esc(link(name))).append("\">").append(esc(name))
                        .append("</a>");
                sep = " · ";
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** A file name as a relative URL: percent-encoded where a URL needs it, and never read as a scheme. */
    private static String link(String name) {
        return "./" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripProlog(String svg) {
        int i = svg.indexOf("<svg");
        return i < 0 ? svg : svg.substring(i);
    }

    private static String num(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        if (Double.isInfinite(x)) {
            // As summary.json and every --json output write it.
            return x > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /**
     * @param s text
     * @return s with HTML's special characters escaped
     */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
