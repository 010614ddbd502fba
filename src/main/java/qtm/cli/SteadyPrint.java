package qtm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Machine;
import qtm.output.Json;
import qtm.sweep.SteadyOutcome;
import qtm.scenario.Scenario;

/**
 * How {@code qtm steady} prints what issue 24 adds: the keys every model's JSON gains (negativity, log-negativity, pair
 * concurrence, site populations) and a machine's whole output, text and JSON. Printing only; the numbers are
 * {@link SteadyOutcome}'s.
 */
final class SteadyPrint {
    private SteadyPrint() {
    }

    /**
     * Adds the keys of every model to a steady JSON object.
     *
     * @param root the object
     * @param o the outcome
     */
    static void entanglement(ObjectNode root, SteadyOutcome o) {
        if (o.fidelity() != null) {
            root.set("fidelity", Json.number(o.fidelity()));
        }
        doubles(root.putObject("negativity"), o.negativity());
        doubles(root.putObject("log_negativity"), o.logNegativity());
        doubles(root.putObject("pair_concurrence"), o.pairConcurrence());
        ObjectNode pops = root.putObject("site_populations");
        for (Map.Entry<String, double[]> e : o.sitePopulations().entrySet()) {
            ArrayNode a = pops.putArray(e.getKey());
            for (double p : e.getValue()) {
                a.add(Json.number(p));
            }
        }
    }

    private static void doubles(ObjectNode node, Map<String, Double> values) {
        values.forEach((k, v) -> node.set(k, Json.number(v)));
    }

    /**
     * @param s a machine's scenario
     * @param o its outcome
     * @return the JSON of {@code steady --json}
     */
    static ObjectNode machineJson(Scenario s, SteadyOutcome o) {
        Machine m = s.machine();
        ObjectNode root = Json.object();
        root.put("scenario", s.name());
        root.put("model", "machine");
        root.put("approach", m.approach().key());
        root.put("dimension", m.dimension());
        rho(root.putObject("rho"), o.rho());
        if (o.concurrence() != null) {
            root.set("concurrence", Json.number(o.concurrence()));
        }
        root.set("purity", Json.number(o.purity()));
        ArrayNode pops = root.putArray("populations");
        for (int i = 0; i < o.rho().numRows; i++) {
            pops.add(Json.number(o.rho().getReal(i, i)));
        }
        doubles(root.putObject("heat"), o.heat());
        root.set("heat_total", Json.number(o.heatTotal()));
        entanglement(root, o);
        root.putObject("accuracy").put("residual", o.residual()).put("trace_error", o.traceError());
        return root;
    }

    private static void rho(ObjectNode r, ZMatrixRMaj rho) {
        ArrayNode re = r.putArray("re");
        ArrayNode im = r.putArray("im");
        for (int i = 0; i < rho.numRows; i++) {
            ArrayNode a = re.addArray();
            ArrayNode b = im.addArray();
            for (int j = 0; j < rho.numCols; j++) {
                a.add(rho.getReal(i, j) + 0.0);
                b.add(rho.getImag(i, j) + 0.0);
            }
        }
    }

    /**
     * @param out where to print
     * @param s a machine's scenario
     * @param o its outcome
     */
    static void machineText(PrintWriter out, Scenario s, SteadyOutcome o) {
        Machine m = s.machine();
        out.printf("scenario     %s (machine, %s approach, %d sites, %d states)%n", s.name(), m.approach().key(),
                m.sites().size(), m.dimension());
        out.printf("purity       %.6g%n", o.purity());
        for (Map.Entry<String, double[]> e : o.sitePopulations().entrySet()) {
            StringBuilder b = new StringBuilder();
            for (int n = 0; n < e.getValue().length; n++) {
                b.append(String.format(java.util.Locale.ROOT, "  p%d %.6g", n, e.getValue()[n]));
            }
            out.printf("site %-7s populations%s%n", e.getKey(), b);
        }
        o.negativity().forEach((k, v) -> out.printf("negativity   %-12s %.6g  (log-negativity %.6g)%n", k, v,
                o.logNegativity().get(k)));
        o.pairConcurrence().forEach((k, v) -> out.printf("concurrence  %-12s %.6g%n", k, v));
        o.heat().forEach((k, v) -> out.printf("heat         Q_%-10s %.6g  (into the bath)%n", k, v));
        out.printf("heat total   sum_k Q_k %.6g%n", o.heatTotal());
        fidelity(out, o);
        if (o.heatImbalance()) {
            out.println("             sum_k Q_k != 0: the local approach does not conserve energy where the "
                    + "couplings do not commute with H0 (detuning, unequal gaps, a density coupling beside an "
                    + "exchange); see the guide, machines.md");
        }
        out.printf("accuracy     |L rho| %.2g  |Tr rho - 1| %.2g%n", o.residual(), o.traceError());
    }

    /**
     * Prints the fidelity line where the scenario gives a target.
     *
     * @param out where to print
     * @param o the outcome
     */
    static void fidelity(PrintWriter out, SteadyOutcome o) {
        if (o.fidelity() != null) {
            out.printf("fidelity     <t|rho|t> %.6g  (with observe.target)%n", o.fidelity());
        }
    }
}
