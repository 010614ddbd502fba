package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import qtm.input.InputException;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.Model;
import qtm.model.ValidRange;
import qtm.sweep.Axis;
import qtm.sweep.Bounds;
import qtm.sweep.ConcurrenceMap;
import qtm.sweep.CouplingOptimizer;
import qtm.sweep.HotThresholdCurve;
import qtm.sweep.Knob;
import qtm.sweep.OptimumCurves;
import qtm.sweep.Study;
import qtm.sweep.SweepPlan;

/**
 * Reads the {@code optimize} and {@code sweep} sections of a scenario, on top of its {@code model} (read exactly as
 * {@link ScenarioReader} does). Every problem is a {@link InputException} naming the file and the key.
 *
 * <pre>
 * optimize:
 *   bounds: {min: 1.0e-10, max: 1.0e-2}  # box for g and both transition rates (default (0, 1e-2·E]: floor
 *                                        # 1e-10·E); max at most 0.1·E, the models' valid range
 *   starts: 6                            # BOBYQA starts (default 6)
 *   Th: false                            # also optimise T_h &gt;= T_c (default false)
 *   Th_max: 1.0e9                        # largest T_h when it is optimised (default 1e9·E; flux: at most 1e100·E)
 * sweep:
 *   kind: curves                         # curves | hot-threshold | map | local-global
 *   x: {key: Th, from: 0.01, to: 1.0e4, points: 50, scale: log}
 *   series: {key: Tc, values: [0, 0.1]}  # curves only
 *   plot: [concurrence]                  # curves only: columns charted against x
 *   y: {key: Th, ...}                    # map only
 *   Th_max: inf                          # hot-threshold only: largest T_h (default inf, 1e9·E for flux)
 *   g_over_rate: {from: 1.0e-3, to: 10, points: 41}  # local-global only: g/Γ, log-spaced, Γ the larger
 *                                        # transition rate; g = to·Γ at most 0.1·E
 * </pre>
 */
public final class StudyReader {
    private static final double DEFAULT_TH_MAX = 1e9;
    private static final int DEFAULT_STARTS = 6;
    private static final double THRESHOLD_ACCURACY = 1e-7;
    /**
     * Largest map (x.points × y.points): one steady state per point is cheap, but every point is a CSV row and a cell
     * of the SVG heat map; 250,000 points took 20 s, 1.6 GB and a 116 MB SVG, 100,000 take about 8 s.
     */
    public static final int MAX_MAP_POINTS = 100_000;
    /** Largest curves sweep (x.points × series values): every point is one optimisation. */
    public static final int MAX_CURVE_POINTS = 10_000;
    /**
     * Largest curves sweep in optimiser starts (points × optimize.starts): about 7 ms of one core each, so this is
     * about 2-3 minutes on two cores (fig2a uses 980).
     */
    public static final int MAX_CURVE_STARTS = 40_000;
    /** Largest hot-threshold sweep (x.points): every point is a root search of about 30 optimisations. */
    public static final int MAX_THRESHOLD_POINTS = 1_000;
    /** Largest hot-threshold sweep in starts (points × optimize.starts): about 60 ms each (fig2d uses 152). */
    public static final int MAX_THRESHOLD_STARTS = 4_000;
    /** Most BOBYQA starts per optimisation: 1000 starts take about 5 s for one optimisation. */
    public static final int MAX_STARTS = 1_000;
    /** Largest number of points on one axis: the product limits above are what bound the work. */
    private static final int MAX_POINTS = MAX_MAP_POINTS;

    private StudyReader() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides key=value
     * @return the study
     * @throws InputException on the first bad key
     */
    public static Study read(Path file, List<String> sets) {
        return read(ScenarioFile.load(file, sets), file, sets);
    }

    /**
     * As {@link #read}, for {@code qtm optimize} and {@code qtm threshold} on a preset: the keys the coupling optimiser
     * varies anyway (model.g, model.cold.rate and model.hot.rate) are set to 0, legal at every temperature, before the
     * model is validated (issue 26), so that their values in the file only need to be numbers: e.g. a flux file whose
     * hot rate is too large for a --set hot temperature still optimises. The optimiser ignores a template's couplings,
     * so this changes no result.
     *
     * @param file the YAML file
     * @param sets overrides key=value
     * @return the study
     * @throws InputException on the first bad key; for a machine, saying that {@code optimize.vary} searches one
     */
    public static Study readForOptimize(Path file, List<String> sets) {
        return read(KeySearchReader.couplingsFree(ScenarioFile.load(file, sets)), file, sets);
    }

    private static Study read(Node root, Path file, List<String> sets) {
        // Any scenario file works, as for steady: the keys of evolve and run are checked but not used here.
        root.allowOnly(ScenarioReader.TOP);
        String name = root.has("name") ? root.text("name") : ScenarioReader.defaultName(file);
        ScenarioReader.checkName(root, name);
        String description = root.has("description") ? root.text("description") : "";
        Model model = ScenarioReader.model(root.child("model"), sets);
        ScenarioReader.initial(root);
        if (root.has("time")) {
            ScenarioReader.time(root.child("time"), model);
        }
        SimulationReader.read(root);
        DetectionReader.read(root, qtm.model.MachinePresets.BATHS);
        ScenarioReader.checkObserve(root);
        CouplingOptimizer optimizer = root.has("optimize") ? optimizer(root.child("optimize"), model)
                : new CouplingOptimizer(paperBounds(model), DEFAULT_STARTS, false, DEFAULT_TH_MAX * model.energy());
        // A sweep over keys (KeySweepReader) is not a study kind of this reader: optimize and threshold ignore it.
        SweepPlan sweep = root.has("sweep") && !root.child("sweep").has("axes")
                ? sweep(root.child("sweep"), model, optimizer.starts()) : null;
        return new Study(name, description, root.file(), model, optimizer, sweep);
    }

    private static CouplingOptimizer optimizer(Node o, Model model) {
        // The section's keys are those of both of its forms, so that a misspelt key is told all of them.
        o.allowOnly(Set.of("bounds", "starts", "Th", "Th_max", "vary", "maximise"));
        if (o.has("vary") || o.has("maximise")) {
            throw o.error(o.has("vary") ? "vary" : "maximise", "is qtm optimize's search over any keys; a study "
                    + "kind and the coupling optimiser take bounds, starts, Th and Th_max");
        }
        Bounds bounds = paperBounds(model);
        if (o.has("bounds")) {
            Node b = o.child("bounds");
            b.allowOnly(Set.of("min", "max"));
            double max = b.number("max", Double.MIN_VALUE, Double.MAX_VALUE, bounds.max());
            double weak = ValidRange.WEAK * model.energy();
            if (!(max <= weak)) {
                throw b.error("max", "outside the model's valid range: g and the transition rates must be <= "
                        + ValidRange.WEAK + "*E = " + weak + " (weak coupling)");
            }
            // The box must fit the scale rules at every point the search can reach; a small margin keeps a flux
            // rate γ/(2n_B + 1), multiplied back, from rounding below the floor.
            double floor = ValidRange.SMALLEST * model.energy() * (1 + 1e-9);
            double min = b.number("min", Double.MIN_VALUE, Double.MAX_VALUE,
                    Math.max(floor, Math.min(bounds.min(), max * 1e-8)));
            if (!(min < max)) {
                throw b.error("min", "expected min < max (" + max + ")");
            }
            if (!(min >= floor)) {
                throw b.error("min", "outside the model's valid range: g and the transition rates must be >= "
                        + ValidRange.SMALLEST + "*E = " + ValidRange.SMALLEST * model.energy()
                        + " (smaller couplings underflow in the steady-state solve)");
            }
            if (!(max <= ValidRange.RATIO_MAX * (1 - 1e-9) * min)) {
                throw b.error("min", "outside the model's valid range: the search box must keep max/min <= "
                        + ValidRange.RATIO_MAX + ", so min >= " + max / ValidRange.RATIO_MAX + " for max = " + max
                        + " (the largest of g and the transition rates may be at most " + ValidRange.RATIO_MAX
                        + " times the smallest)");
            }
            bounds = new Bounds(min, max);
        }
        int starts = (int) (o.has("starts") ? o.integer("starts", 1, MAX_STARTS) : DEFAULT_STARTS);
        boolean tune = o.has("Th") && flag(o, "Th");
        double thMax = o.has("Th_max") ? fluxCapped(o, "Th_max", model) : DEFAULT_TH_MAX * model.energy();
        if (tune && !(thMax > Math.max(model.cold().temperature(), 1e-2))) {
            throw o.error("Th_max", "expected a T_h above T_c = " + model.cold().temperature() + " and above 0.01");
        }
        return new CouplingOptimizer(bounds, starts, tune, thMax);
    }

    private static SweepPlan sweep(Node s, Model fixed, int starts) {
        // Curves and thresholds optimise the couplings, so only the template's kind, E and U must fit the range at
        // the swept temperatures; a map keeps the scenario's couplings, which must fit at every point.
        String rawKind = s.has("kind") ? s.raw("kind").asText() : "";
        if (rawKind.equals("local-global")) {
            return LocalGlobalReader.preset(s, fixed);
        }
        boolean map = "map".equals(rawKind);
        Model model = map ? fixed : fixed.with(fixed.g(), new Bath(fixed.cold().temperature(), 0),
                new Bath(fixed.hot().temperature(), 0));
        String kind = s.has("kind") ? s.text("kind") : "";
        switch (kind) {
            case "curves":
                return curves(s, model, starts);
            case "hot-threshold":
                return hotThreshold(s, model, starts);
            case "map":
                return map(s, model);
            default:
                throw s.error("kind", "expected one of curves, hot-threshold, map, local-global");
        }
    }

    private static SweepPlan curves(Node s, Model model, int starts) {
        s.allowOnly(Set.of("kind", "x", "series", "plot"));
        Axis x = axis(s.child("x"), model);
        Node series = s.child("series");
        series.allowOnly(Set.of("key", "values"));
        Knob key = knob(series, "key", model);
        double[] values = series.numbers("values");
        if (values.length == 0) {
            throw series.error("values", "expected at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            check(series, "values", key, values[i], model);
        }
        if (key == x.key()) {
            throw series.error("key", "expected a parameter other than the x axis (" + x.key().key() + ")");
        }
        long total = (long) x.points() * values.length;
        if (total > MAX_CURVE_POINTS) {
            throw s.child("x").error("points", "a curves sweep computes at most " + MAX_CURVE_POINTS
                    + " points (x.points × " + values.length + " series values = " + total + ")");
        }
        if (total * starts > MAX_CURVE_STARTS) {
            throw s.child("x").error("points", "a curves sweep runs at most " + MAX_CURVE_STARTS
                    + " optimiser starts (x.points × " + values.length + " series values × optimize.starts "
                    + starts + " = " + total * starts + "); use fewer points, values or starts");
        }
        List<String> plot = s.has("plot") ? texts(s, "plot") : List.of("concurrence");
        for (String p : plot) {
            if (!OptimumCurves.COLUMNS.contains(p)) {
                throw s.error("plot", "expected columns among " + OptimumCurves.COLUMNS);
            }
        }
        return new OptimumCurves(x, key, values, plot);
    }

    private static SweepPlan hotThreshold(Node s, Model model, int starts) {
        s.allowOnly(Set.of("kind", "x", "Th_max"));
        Axis x = axis(s.child("x"), model);
        if (x.key() != Knob.TC) {
            throw s.child("x").error("key", "a hot-threshold sweep runs over Tc");
        }
        if (x.points() > MAX_THRESHOLD_POINTS) {
            throw s.child("x").error("points", "a hot-threshold sweep computes at most "
                    + MAX_THRESHOLD_POINTS + " points (each is a root search)");
        }
        if ((long) x.points() * starts > MAX_THRESHOLD_STARTS) {
            throw s.child("x").error("points", "a hot-threshold sweep runs at most " + MAX_THRESHOLD_STARTS
                    + " points × optimiser starts (x.points × optimize.starts " + starts + " = "
                    + (long) x.points() * starts + "); use fewer points or starts");
        }
        boolean flux = model.type().equals("flux");
        double thMax = s.has("Th_max") ? fluxCapped(s, "Th_max", model)
                : flux ? DEFAULT_TH_MAX * model.energy() : Double.POSITIVE_INFINITY;
        if (flux && Double.isInfinite(thMax)) {
            throw s.error("Th_max", "expected a finite T_h: the flux model's bosonic rates diverge at T = inf");
        }
        return new HotThresholdCurve(x, thMax, THRESHOLD_ACCURACY);
    }

    private static SweepPlan map(Node s, Model model) {
        s.allowOnly(Set.of("kind", "x", "y"));
        Axis x = axis(s.child("x"), model);
        Axis y = axis(s.child("y"), model);
        if (x.key() == y.key()) {
            throw s.child("y").error("key", "expected a parameter other than the x axis (" + x.key().key() + ")");
        }
        long total = (long) x.points() * y.points();
        if (total > MAX_MAP_POINTS) {
            throw s.child("y").error("points", "a map computes at most " + MAX_MAP_POINTS
                    + " points (x.points " + x.points() + " × y.points = " + total + ")");
        }
        return new ConcurrenceMap(x, y);
    }

    private static Axis axis(Node a, Model model) {
        a.allowOnly(Set.of("key", "from", "to", "points", "scale"));
        Knob key = knob(a, "key", model);
        String scale = a.has("scale") ? a.text("scale") : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw a.error("scale", "expected linear or log");
        }
        boolean log = scale.equals("log");
        double min = log ? Double.MIN_VALUE : 0;
        String why = log ? " (> 0 on a log scale)" : "";
        double from = a.number("from", min, Double.MAX_VALUE);
        double to = a.number("to", min, Double.MAX_VALUE);
        int points = (int) a.integer("points", 1, MAX_POINTS);
        check(a, "from", key, from, model);
        check(a, "to", key, to, model);
        if (log && !(from > 0 && to > 0)) {
            throw a.error("from", "expected from, to > 0" + why);
        }
        return new Axis(key, from, to, points, log);
    }

    private static Knob knob(Node n, String key, Model model) {
        String text = n.text(key);
        Knob k;
        try {
            k = Knob.of(text);
        } catch (IllegalArgumentException e) {
            throw n.error(key, "expected Tc, Th or U");
        }
        if (k == Knob.U && !(model instanceof qtm.model.CoulombEnergy)) {
            throw n.error(key, "U can only be swept for the dqd model");
        }
        return k;
    }

    /** A swept value must give a valid model (finite temperatures for flux, U ≥ 0). */
    private static void check(Node n, String key, Knob knob, double value, Model model) {
        try {
            knob.set(model, value);
        } catch (IllegalArgumentException e) {
            throw n.error(key, "not valid for the " + model.type() + " model: " + e.getMessage());
        }
    }

    private static boolean flag(Node n, String key) {
        JsonNode v = n.raw(key);
        if (!v.isBoolean()) {
            throw n.error(key, "expected true or false");
        }
        return v.booleanValue();
    }

    /** The paper's box (0, 1e-2] with E = 1, in units of the model's E, so that it is legal for every E. */
    private static Bounds paperBounds(Model model) {
        return new Bounds(Bounds.PAPER.min() * model.energy(), Bounds.PAPER.max() * model.energy());
    }

    /** A largest T_h; for flux qubits no higher than the model's valid range allows. */
    private static double fluxCapped(Node n, String key, Model model) {
        double t = positive(n, key);
        double cap = ValidRange.FLUX_T_MAX * model.energy();
        if (model.type().equals("flux") && !(t <= cap)) {
            throw n.error(key, "outside the model's valid range: flux temperatures must be <= " + ValidRange.FLUX_T_MAX
                    + "*E = " + cap + " (n_B ~ T/E must not overflow)");
        }
        return t;
    }

    private static double positive(Node n, String key) {
        double t = n.temperature(key, true, "");
        if (!(t > 0)) {
            throw n.error(key, "expected a temperature > 0 or inf");
        }
        return t;
    }

    /** A column name or a list of them, as {@code sweep.plot} takes it. */
    static List<String> texts(Node n, String key) {
        JsonNode v = n.raw(key);
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw n.error(key, "expected a column name or a list of them");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw n.error(key, "expected a column name or a list of them");
            }
            out.add(e.asText());
        }
        return out;
    }
}
