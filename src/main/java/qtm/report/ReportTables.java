package qtm.report;

import static qtm.report.HtmlText.cell;
import static qtm.report.HtmlText.esc;
import static qtm.report.HtmlText.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import qtm.output.Json;
import qtm.report.HtmlReport.Content;
import qtm.report.HtmlReport.Final;
import qtm.report.HtmlReport.OutputFile;
import qtm.report.HtmlReport.Provenance;
import qtm.report.HtmlReport.Row;
import qtm.report.HtmlReport.Skipped;
import qtm.report.HtmlReport.VerdictRow;

/**
 * The tables of the report, each with the note that says how to read it: the verdicts, the final values, the
 * stationary fluctuations, the skipped ensembles, the settings and this run's facts, and the links to the run's files.
 * Apart from {@link HtmlReport}, which lays out the page around them, so that a table's columns and its rows' cells
 * are written side by side.
 */
final class ReportTables {
    private ReportTables() {
    }

    /** The convergence table: a row per verdict, then how its tests are made. */
    static void verdicts(StringBuilder h, List<VerdictRow> verdicts) {
        h.append("<h2>Convergence to the exact solution</h2>\n<table id=\"verdicts\"><tr><th>engine</th>")
                .append("<th>trajectories</th><th>stop reason</th><th>max |z|</th><th>worst test</th>")
                .append("<th>Bonferroni p of the z-tests</th><th>χ² p</th><th>histogram χ² p</th>")
                .append("<th>verdict</th><th>reference</th></tr>\n");
        for (VerdictRow v : verdicts) {
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
    }

    /** The final values against each engine's exact reference, named as in its verdict's row. */
    static void finals(StringBuilder h, Content c) {
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
    }

    /** The exact stationary fluctuations, if there are any. */
    static void fluctuations(StringBuilder h, List<Row> fluctuations) {
        if (!fluctuations.isEmpty()) {
            h.append("<h2>Stationary fluctuations (exact, per unit time)</h2>\n<table id=\"fluctuations\"><tr><th></th>")
                    .append("<th>⟨N⟩/t</th><th>Var N/t</th><th>⟨⟨N³⟩⟩/t</th><th>Fano</th><th>⟨Q⟩/t</th>")
                    .append("<th>Var Q/t</th></tr>\n");
            for (Row r : fluctuations) {
                h.append("<tr><td class=\"l\">").append(esc(r.label())).append("</td>");
                for (double v : r.values()) {
                    h.append("<td>").append(num(v)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n<p>N and Q count the quanta and the heat into each bath (qtm fcs). σ = Q_c/T_c + ")
                    .append("Q_h/T_h; the TUR ratio Var(Q_c)·σ/⟨Q_c⟩² is at least 2 for classical machines.</p>\n");
        }
    }

    /** The ensembles a stop came before, named under the convergence table. */
    static String skipped(Provenance p) {
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
     * Every effective setting, then this run's own facts between {@link HtmlReport#THIS_RUN_START} and {@link HtmlReport#THIS_RUN_END}:
     * the same entries as summary.json's {@code settings} and {@code this_run}, flattened to dotted keys.
     */
    static String provenance(Provenance p) {
        if (p == null) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2 id=\"provenance\">Settings, defaults included (summary.json ")
                .append(esc(p.format())).append(")</h2>\n<table id=\"settings\"><tr><th>setting</th><th>value</th></tr>\n");
        rows(h, "", p.settings());
        h.append("</table>\n").append(HtmlReport.THIS_RUN_START).append("\n<h2>This run</h2>\n<p>What differs between two runs ")
                .append("of the same scenario and seed (summary.json's this_run); everything else on this page has ")
                .append("the same bytes on any thread count, for merged shards and for an extension.</p>\n")
                .append("<table id=\"this-run\"><tr><th>entry</th><th>value</th></tr>\n");
        rows(h, "", p.thisRun());
        return h.append("</table>\n").append(HtmlReport.THIS_RUN_END).append("\n").toString();
    }

    static void rows(StringBuilder h, String prefix, JsonNode v) {
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
                    .map(ReportTables::text).toList()) : text(v);
            h.append("<tr><td class=\"l\">").append(esc(prefix)).append("</td><td class=\"l\">").append(esc(text))
                    .append("</td></tr>\n");
        }
    }

    /** A value as summary.json writes it (Json's convention), without quotes. */
    static String text(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.write(v);
    }

    /** Links to every file of the output directory, grouped by kind, in the order given. */
    static void fileLinks(StringBuilder h, List<OutputFile> files) {
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
    static String link(String name) {
        return "./" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
