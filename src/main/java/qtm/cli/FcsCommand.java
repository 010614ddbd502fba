package qtm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.DetectedFluctuations;
import qtm.exact.Fluctuations;
import qtm.exact.MachineFluctuations;
import qtm.input.InputException;
import qtm.output.Csv;
import qtm.output.Json;
import qtm.report.DetectedJson;
import qtm.report.SummaryJson;
import qtm.run.FcsOutcome;
import qtm.run.FcsPlan;
import qtm.scenario.Scenario;

/** {@code qtm fcs}: the exact stationary counting statistics of the heat currents (tilted Liouvillian). */
@Command(name = "fcs", mixinStandardHelpOptions = true,
        description = "Print the exact stationary full counting statistics: per bath the current, noise and third "
                + "cumulant of the net quanta into it (per unit time), the Fano factor, the heat current and noise; "
                + "the entropy production rate and the TUR ratio of the cold bath (of the first bath on a machine, "
                + "model.type = machine, whose baths are keyed by name). On a machine the exponentials of the tilted "
                + "generator behind --counts-at and --series are bounded to about 1.2e11 floating-point operations "
                + "(about 40 s on one core; it grows as d^6 for d states); beyond that qtm fcs exits 2 naming the "
                + "bound. A scenario's detection section (imperfect detectors, issue 28) adds per bath the statistics "
                + "of the detected count: in --json a \"detected\" object inside the bath's, in text a line per "
                + "bath beside the true ones; with --counts-at, P(N_det = n, t) of every bath beside the true "
                + "distribution (in --json a \"detected\" {first, p} inside each time's object, in text a line "
                + "'detected P(N_bath ...)'); with --series, detected_count_<bath> and detected_count_<bath>_var "
                + "columns after the true ones.")
final class FcsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    Printed print;

    @Option(names = "--counts-at", paramLabel = "T1,T2,...", split = ",", description = "Times at which to give the "
            + "distribution P(N = n, t) of the net quanta into each bath, from the scenario's initial state "
            + "(default: the final time of its grid). At most " + FcsCommand.MAX_COUNTS_AT + " times.")
    List<Double> countsAt;

    /**
     * Most {@code --counts-at} times: each is its own exact propagation of the tilted generator (about 10 ms each;
     * 5,000 times ran past a minute), so the list is bounded rather than left to run unboundedly.
     */
    static final int MAX_COUNTS_AT = 100;

    @Option(names = "--collision", description = "The same statistics for the discrete collision model at the "
            + "scenario's step collision.dt (shortened, as qtm run does, so that whole steps fill each grid interval), "
            + "from its tilted one-step map; --counts-at times must then be multiples of that step.")
    boolean collision;

    @Option(names = "--series", description = "Instead: print as CSV, on the scenario's grid from its initial state, "
            + "the mean and variance of N_k(t) and Q_k(t) for both baths (and of every bath's detected count, with "
            + "the scenario's detection).")
    boolean series;

    @Override
    public Integer call() throws java.io.IOException {
        Scenario s = scenario.readAny();
        if (!s.isMachine()) {
            SteadyCommand.steady(s);
        }
        PrintWriter out = print.out();
        if (countsAt != null && countsAt.size() > MAX_COUNTS_AT) {
            throw new InputException("command line (scenario " + s.file() + ")", "--counts-at", countsAt.size()
                    + " times", "expected at most " + MAX_COUNTS_AT + " times (each is a separate exact computation)");
        }
        if (series && (print.json || countsAt != null)) {
            throw new InputException("command line", "--series", "true", "prints CSV on its own; give it without "
                    + "--json and --counts-at");
        }
        FcsPlan plan = FcsPlan.of(s, collision);
        if (plan.notice() != null) {
            print.err().println(plan.notice());
        }
        if (series) {
            Csv.write(out, plan.seriesColumns().toArray(new String[0]), plan.series());
        } else {
            // First, so that --collision with detection is refused before any distribution is computed.
            DetectedFluctuations detected = plan.detected();
            FcsOutcome o = plan.outcome(plan.times(countsAt));
            if (print.json) {
                ObjectNode root = json(o);
                if (detected != null) {
                    DetectedJson.write(root, detected);
                }
                out.println(Json.write(root));
            } else {
                text(out, s, o, detected);
            }
        }
        out.flush();
        return 0;
    }

    private static ObjectNode json(FcsOutcome o) {
        ObjectNode root = Json.object();
        SummaryJson.fluctuations(root, o.fluctuations());
        if (o.dt() != null) {
            root.set("dt", Json.number(o.dt()));
        }
        ObjectNode counts = root.putObject("counts");
        for (String bath : o.counts().keySet()) {
            ArrayNode a = counts.putArray(bath);
            for (int i = 0; i < o.times().size(); i++) {
                ObjectNode e = a.addObject();
                e.set("t", Json.number(o.times().get(i)));
                distribution(e, o.counts().get(bath).get(i));
                if (o.detected().containsKey(bath)) {
                    distribution(e.putObject("detected"), o.detected().get(bath).get(i));
                }
            }
        }
        return root;
    }

    /** {@code first} and {@code p} of a distribution, into its object. */
    private static void distribution(ObjectNode e, Distribution d) {
        e.put("first", d.first());
        ArrayNode p = e.putArray("p");
        for (double v : d.p()) {
            p.add(Json.number(v));
        }
    }

    private void text(PrintWriter out, Scenario s, FcsOutcome o, DetectedFluctuations detected) {
        MachineFluctuations f = o.fluctuations();
        String title = s.isMachine() ? String.format(Locale.ROOT, "machine, %s approach, %d sites, %d states",
                s.machine().approach().key(), s.machine().sites().size(), s.machine().dimension()) : s.model().title();
        out.printf("scenario     %s (%s), stationary, per unit time (units of E)%n", s.name(), title);
        if (o.dt() != null) {
            out.printf(Locale.ROOT, "collision model at dt = %s (its tilted one-step map)%n", g(o.dt()));
        }
        out.printf("%-6s %14s %14s %14s %12s %14s %14s%n", "bath", "current", "noise", "third", "fano",
                "heat_current", "heat_noise");
        for (int k = 0; k < f.names().size(); k++) {
            Fluctuations.Bath b = f.baths().get(k);
            Cumulants n = b.quanta();
            out.printf(Locale.ROOT, "%-6s %14s %14s %14s %12s %14s %14s%n", f.names().get(k), g(n.current()),
                    g(n.noise()), g(n.third()), g(b.fano()), g(b.heat().current()), g(b.heat().noise()));
        }
        String first = s.isMachine() ? "Q_" + f.names().get(0) : "Q_c";
        out.printf(Locale.ROOT, "entropy production  sigma = %s = %s%n", s.isMachine() ? "sum_k Q_k/T_k"
                : "Q_c/T_c + Q_h/T_h", g(f.entropyProduction()));
        out.printf(Locale.ROOT, "TUR ratio           Var(%s) sigma / <%s>^2 = %s  (classical bound 2)%n", first,
                first, g(f.tur()));
        if (detected != null) {
            detectedText(out, f, detected);
        }
        for (String bath : o.counts().keySet()) {
            for (int i = 0; i < o.times().size(); i++) {
                out.printf(Locale.ROOT, "P(N_%s = n, t = %g), n:P >= 1e-6 from %s:%s%n", bath,
                        o.times().get(i), scenario.file, values(o.counts().get(bath).get(i)));
                if (o.detected().containsKey(bath)) {
                    out.printf(Locale.ROOT, "detected P(N_%s = n, t = %g), n:P >= 1e-6 from %s:%s%n", bath,
                            o.times().get(i), scenario.file, values(o.detected().get(bath).get(i)));
                }
            }
        }
    }

    /** @return "  n:P" for every n of probability at least 1e-6 */
    private static StringBuilder values(Distribution d) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < d.p().length; j++) {
            if (d.p()[j] >= 1e-6) {
                b.append(String.format(Locale.ROOT, "  %d:%.6g", d.first() + j, d.p()[j]));
            }
        }
        return b;
    }

    /** One line per bath: the detected current, noise and Fano factor, each with the true one beside it. */
    private static void detectedText(PrintWriter out, MachineFluctuations f, DetectedFluctuations d) {
        for (int k = 0; k < d.names().size(); k++) {
            Fluctuations.Bath t = f.baths().get(k);
            Fluctuations.Bath b = d.baths().get(k);
            out.printf(Locale.ROOT, "detected %s (efficiency %s, dark_rate %s): current %s (true %s), noise %s "
                    + "(true %s), fano %s (true %s)%n", d.names().get(k), g(d.detectors().get(k).efficiency()),
                    g(d.detectors().get(k).darkRate()), g(b.quanta().current()), g(t.quanta().current()),
                    g(b.quanta().noise()), g(t.quanta().noise()), g(b.fano()), g(t.fano()));
        }
    }

    /** A number as the JSON convention writes it: inf, -inf, null for NaN. */
    private static String g(double x) {
        if (Double.isNaN(x)) {
            return "null";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
