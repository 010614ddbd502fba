package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import qtm.ensemble.Ranges;
import qtm.input.Quote;

/**
 * The keys of {@code qtm run}: {@code engines}, {@code ensemble: {trajectories, seed, target_se, time_budget_s}} and
 * {@code collision: {dt, sampling}} (a step or a list of steps; events or steps), each optional. Read in that order,
 * so that the first bad key of a file is the one reported.
 */
final class SimulationReader {
    /** Most collision steps in a list: each is a full engine run with its own time budget. */
    static final int MAX_COLLISION_STEPS = 16;
    private static final double MAX = Double.MAX_VALUE;

    private SimulationReader() {
    }

    /**
     * @param root the document
     * @return the settings, defaults filled in
     * @throws qtm.input.InputException on the first bad key
     */
    static Simulation read(Node root) {
        Simulation s = Simulation.defaults();
        if (root.has("engines")) {
            s = new Simulation(engines(root), s.trajectories(), s.seed(), s.targetSe(), s.timeBudgetSeconds(),
                    s.dts(), s.sampling());
        }
        if (root.has("ensemble")) {
            s = ensemble(root.child("ensemble"), s);
        }
        if (root.has("collision")) {
            s = collision(root, root.child("collision"), s);
        }
        return s;
    }

    private static List<String> engines(Node root) {
        JsonNode v = root.raw("engines");
        if (!v.isArray() || v.size() == 0) {
            throw root.error("engines", "expected a non-empty list drawn from " + Simulation.ENGINES);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode e : v) {
            String name = e.asText();
            if (!e.isTextual() || !Simulation.ENGINES.contains(name)) {
                throw root.error("engines", "unknown engine '" + Quote.of(name) + "'; expected one of "
                        + Simulation.ENGINES);
            }
            if (names.contains(name)) {
                throw root.error("engines", "engine '" + Quote.of(name) + "' is listed twice");
            }
            names.add(name);
        }
        return names;
    }

    private static Simulation ensemble(Node e, Simulation s) {
        e.allowOnly(Set.of("trajectories", "seed", "target_se", "time_budget_s"));
        Map<String, Long> trajectories = s.trajectories();
        if (e.has("trajectories")) {
            trajectories = new TreeMap<>();
            if (e.raw("trajectories").isObject()) {
                // One count per engine: {trajectories: 200000, collision: 50000}.
                Node per = e.child("trajectories");
                per.allowOnly(Set.copyOf(Simulation.ENGINES));
                for (String engine : Simulation.ENGINES) {
                    if (per.has(engine)) {
                        trajectories.put(engine, per.integer(engine, 1, Ranges.MAX_TRAJECTORIES));
                    }
                }
            } else {
                long n = e.integer("trajectories", 1, Ranges.MAX_TRAJECTORIES);
                for (String engine : Simulation.ENGINES) {
                    trajectories.put(engine, n);
                }
            }
        }
        long seed = e.has("seed") ? e.integer("seed", Long.MIN_VALUE / 2, Long.MAX_VALUE / 2) : s.seed();
        double targetSe = e.number("target_se", 0, 1, s.targetSe());
        double budget = e.has("time_budget_s") ? e.number("time_budget_s", Double.MIN_VALUE, MAX)
                : s.timeBudgetSeconds();
        return new Simulation(s.engines(), trajectories, seed, targetSe, budget, s.dts(), s.sampling());
    }

    private static Simulation collision(Node root, Node c, Simulation s) {
        c.allowOnly(Set.of("dt", "sampling"));
        String sampling = s.sampling();
        if (c.has("sampling")) {
            String v = c.raw("sampling").asText();
            if (!v.equals("events") && !v.equals("steps")) {
                throw c.error("sampling", "expected events (the reset model's default: geometric waits between "
                        + "collisions) or steps (every step drawn)");
            }
            boolean reset = root.has("model") && "reset".equals(root.child("model").raw("type").asText());
            if (v.equals("events") && !reset) {
                throw c.error("sampling", "events needs the reset model, whose collisions do not depend on the "
                        + "state; this model's partial swaps use steps");
            }
            sampling = v;
        }
        List<Double> dts = c.raw("dt") != null && c.raw("dt").isArray() ? dtList(c)
                : List.of(c.number("dt", Double.MIN_VALUE, MAX, s.dt()));
        return new Simulation(s.engines(), s.trajectories(), s.seed(), s.targetSe(), s.timeBudgetSeconds(), dts,
                sampling);
    }

    private static List<Double> dtList(Node c) {
        double[] list = c.numbers("dt");
        if (list.length == 0) {
            throw c.error("dt", "expected a step > 0 or a non-empty list of steps > 0");
        }
        if (list.length > MAX_COLLISION_STEPS) {
            throw c.error("dt", "expected at most " + MAX_COLLISION_STEPS + " steps in the list (each is "
                    + "a full collision-engine run); got " + list.length);
        }
        List<Double> dts = new ArrayList<>();
        for (double x : list) {
            if (!(x > 0) || dts.contains(x)) {
                throw c.error("dt", "expected a list of distinct steps > 0");
            }
            dts.add(x);
        }
        return dts;
    }
}
