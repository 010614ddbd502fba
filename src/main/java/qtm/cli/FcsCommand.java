package qtm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.exact.CollisionCounting;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.Fluctuations;
import qtm.model.Collision;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.output.Json;
import qtm.scenario.Scenario;
import qtm.input.InputException;

/** {@code qtm fcs}: the exact stationary counting statistics of the heat currents (tilted Liouvillian). */
@Command(name = "fcs", mixinStandardHelpOptions = true,
        description = "Print the exact stationary full counting statistics: per bath the current, noise and third "
                + "cumulant of the net quanta into it (per unit time), the Fano factor, the heat current and noise; "
                + "the entropy production rate and the TUR ratio of the cold bath.")
final class FcsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

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
            + "the mean and variance of N_k(t) and Q_k(t) for both baths.")
    boolean series;

    @Spec
    CommandSpec spec;

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

    /**
     * The collision step of the scenario, refused as {@code qtm run} refuses it; a step shortened to fit the grid is
     * said on stderr, since the collision model's O(Δt) bias depends on it.
     */
    private Collision collisionStep(Scenario s, TimeGrid grid) {
        if (s.model().approach() == qtm.model.Approach.GLOBAL) {
            throw new InputException(s.file(), "model.approach", "global", "--collision needs local: "
                    + qtm.model.Approach.COLLISION_REFUSAL.replace("use engines: [trajectories]", "drop --collision"));
        }
        double dt = s.simulation().dt();
        if (s.time() != null && !(s.time().end() / dt <= RunCommand.MAX_COLLISION_STEPS)) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), "expected a step >= "
                    + s.time().end() / RunCommand.MAX_COLLISION_STEPS + ": at most " + RunCommand.MAX_COLLISION_STEPS
                    + " collision steps (time.end " + s.time().end() + " / dt = " + s.time().end() / dt + ")");
        }
        Collision c;
        try {
            c = Collision.of(s.model(), grid, dt);
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), e.getMessage());
        }
        if (c.shortened()) {
            spec.commandLine().getErr().println("qtm: " + InputException.escape(s.file()) + ": collision.dt = " + dt + " shortened to "
                    + c.dt() + " so that " + c.stepsPerPoint() + " whole steps fill each grid interval of "
                    + s.time().step());
        }
        return c;
    }

    /** @return the whole number of steps of length dt that make t, or −1 if t is not such a multiple */
    private static long stepsAt(double t, double dt) {
        long n = Math.round(t / dt);
        return Math.abs(n * dt - t) <= 1e-9 * Math.max(t, dt) ? n : -1;
    }

    @Override
    public Integer call() throws java.io.IOException {
        Scenario s = scenario.readSteady();
        SteadyCommand.steady(s);
        PrintWriter out = spec.commandLine().getOut();
        if (countsAt != null && countsAt.size() > MAX_COUNTS_AT) {
            throw new InputException("command line (scenario " + s.file() + ")", "--counts-at", countsAt.size()
                    + " times", "expected at most "
                    + MAX_COUNTS_AT + " times (each is a separate exact computation)");
        }
        if (series && (json || countsAt != null)) {
            throw new InputException("command line", "--series", "true", "prints CSV on its own; give it without "
                    + "--json and --counts-at");
        }
        // Without a time section the step is used as given: the grid only shortens it.
        TimeGrid grid = s.time() != null ? s.time() : new TimeGrid(s.simulation().dt(), 2);
        Collision step = collision ? collisionStep(s, grid) : null;
        if (series) {
            if (s.time() == null) {
                throw new InputException(s.file(), "time", "(absent)", "--series needs the scenario's time grid");
            }
            List<double[]> rows = new ArrayList<>();
            double[][][] x = new double[4][][];
            if (collision) {
                x = CollisionCounting.onGrid(s.model(), s.initial(), s.time(), s.simulation().dt());
            } else {
                int c = 0;
                for (Side side : Side.values()) {
                    for (Weight w : Weight.values()) {
                        x[c++] = new CountingStatistics(s.model(), side, w).onGrid(s.initial(), s.time());
                    }
                }
            }
            for (int k = 0; k < s.time().points(); k++) {
                double[] row = new double[9];
                row[0] = s.time().time(k);
                for (int q = 0; q < 4; q++) {
                    row[1 + 2 * q] = x[q][k][0];
                    row[2 + 2 * q] = x[q][k][1];
                }
                rows.add(row);
            }
            qtm.output.Csv.write(out, new String[] {"t", "count_cold", "count_cold_var", "heat_cold", "heat_cold_var",
                "count_hot", "count_hot_var", "heat_hot", "heat_hot_var"}, rows);
            out.flush();
            return 0;
        }
        List<Double> times = countsAt;
        if (times == null) {
            times = s.time() == null ? List.of() : List.of(s.time().end());
        }
        if (s.time() == null && !times.isEmpty()) {
            throw new InputException("command line", "--counts-at", times.get(0).toString(), "needs the scenario's "
                    + "time grid (its initial state and time.end); " + s.file() + " has no time section");
        }
        double end = s.time() == null ? 0 : s.time().end();
        for (double t : times) {
            if (!(t >= 0) || t > end) {
                throw new InputException("command line", "--counts-at", Double.toString(t), "expected times in "
                        + "[0, time.end = " + end + "] of the scenario");
            }
            if (collision && stepsAt(t, step.dt()) < 0) {
                throw new InputException("command line", "--counts-at", Double.toString(t), "expected a multiple "
                        + "of the collision step dt = " + step.dt() + " (collision.dt of " + s.file() + ")");
            }
        }
        Map<Side, List<CountingStatistics.Distribution>> counts = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            CountingStatistics cs = collision ? null : new CountingStatistics(s.model(), side, Weight.QUANTA);
            CollisionCounting cc = collision
                    ? new CollisionCounting(s.model(), grid, s.simulation().dt(), side, Weight.QUANTA) : null;
            List<CountingStatistics.Distribution> ds = new ArrayList<>();
            for (double t : times) {
                try {
                    ds.add(collision ? cc.distribution(s.initial(), stepsAt(t, step.dt()))
                            : cs.distribution(s.initial(), t));
                } catch (IllegalArgumentException e) {
                    throw new InputException("command line", "--counts-at", Double.toString(t), e.getMessage());
                }
            }
            counts.put(side, ds);
        }
        Fluctuations f;
        if (collision) {
            try {
                f = CollisionCounting.fluctuations(s.model(), grid, s.simulation().dt());
            } catch (IllegalArgumentException e) {
                throw new InputException(s.file(), "model", s.model().toString(), e.getMessage());
            }
        } else {
            f = Fluctuations.of(s.model());
        }
        for (Side side : Side.values()) {
            Fluctuations.Bath b = f.bath(side);
            if (Double.isNaN(b.quanta().noise()) || Double.isNaN(b.heat().noise()) || Double.isNaN(b.quanta().third())
                    || Double.isNaN(b.heat().third()) || Double.isNaN(b.quanta().current())
                    || Double.isNaN(b.heat().current())) {
                throw new InputException(s.file(), "model.g", Double.toString(s.model().g()), "too weak against the "
                        + "bath rates for the current noise to be resolved in double precision (it is a difference "
                        + "of terms of the size of the gross jump rate, and would be less than 1e-7 of them); "
                        + "use a larger g");
            }
        }
        if (json) {
            ObjectNode o = Json.object();
            qtm.report.SummaryJson.fluctuations(o, f);
            if (collision) {
                o.set("dt", Json.number(step.dt()));
            }
            ObjectNode cn = o.putObject("counts");
            for (Side side : Side.values()) {
                com.fasterxml.jackson.databind.node.ArrayNode a = cn.putArray(side.key());
                for (int i = 0; i < times.size(); i++) {
                    CountingStatistics.Distribution d = counts.get(side).get(i);
                    ObjectNode e = a.addObject();
                    e.set("t", Json.number(times.get(i)));
                    e.put("first", d.first());
                    com.fasterxml.jackson.databind.node.ArrayNode p = e.putArray("p");
                    for (double v : d.p()) {
                        p.add(Json.number(v));
                    }
                }
            }
            out.println(Json.write(o));
        } else {
            out.printf("scenario     %s (%s), stationary, per unit time (units of E)%n", s.name(),
                    s.model().title());
            if (collision) {
                out.printf(Locale.ROOT, "collision model at dt = %s (its tilted one-step map)%n", g(step.dt()));
            }
            out.printf("%-6s %14s %14s %14s %12s %14s %14s%n", "bath", "current", "noise", "third", "fano",
                    "heat_current", "heat_noise");
            for (Side side : Side.values()) {
                Fluctuations.Bath b = f.bath(side);
                Cumulants n = b.quanta();
                out.printf(Locale.ROOT, "%-6s %14s %14s %14s %12s %14s %14s%n", side.key(), g(n.current()),
                        g(n.noise()), g(n.third()), g(b.fano()), g(b.heat().current()), g(b.heat().noise()));
            }
            out.printf(Locale.ROOT, "entropy production  sigma = Q_c/T_c + Q_h/T_h = %s%n", g(f.entropyProduction()));
            out.printf(Locale.ROOT, "TUR ratio           Var(Q_c) sigma / <Q_c>^2 = %s  (classical bound 2)%n",
                    g(f.tur()));
            for (Side side : Side.values()) {
                for (int i = 0; i < times.size(); i++) {
                    CountingStatistics.Distribution d = counts.get(side).get(i);
                    StringBuilder b = new StringBuilder();
                    for (int j = 0; j < d.p().length; j++) {
                        if (d.p()[j] >= 1e-6) {
                            b.append(String.format(Locale.ROOT, "  %d:%.6g", d.first() + j, d.p()[j]));
                        }
                    }
                    out.printf(Locale.ROOT, "P(N_%s = n, t = %g), n:P >= 1e-6 from %s:%s%n", side.key(),
                            times.get(i), scenario.file, b);
                }
            }
        }
        out.flush();
        return 0;
    }
}
