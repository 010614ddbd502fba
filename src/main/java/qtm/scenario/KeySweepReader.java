package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import qtm.input.InputException;
import qtm.sweep.KeyAxis;
import qtm.sweep.KeyStudy;
import qtm.sweep.KeySweep;
import qtm.sweep.PointModel;

/**
 * Reads a scenario whose {@code sweep} has {@code axes} (issue 26): any numeric key of any model, preset or machine,
 * as an axis. A grid point is the file with the point's values applied as {@code --set} applies them (the text of
 * {@link KeySweep#text}, so that {@code --set KEY=VALUE} reproduces the point bit for bit), read as
 * {@link ScenarioReader#readAny} reads a file; every point is read here, so a bad one is refused before anything runs
 * or is written.
 *
 * <pre>
 * sweep:
 *   axes:
 *     - {key: model.g, from: 1.0e-4, to: 1.0e-1, points: 31, scale: log}  # x_i = from·(to/from)^(i/(points−1));
 *                                                                        # linear (the default): evenly spaced
 *     - {key: model.hot.T, values: [1, 2, 5, 10]}                         # or the values themselves
 *   plot: [concurrence]       # result columns to chart against one axis, or to map over two (default: the
 *                             # concurrence, else the pair concurrences, else the negativities)
 * </pre>
 */
public final class KeySweepReader {
    private KeySweepReader() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides key=value, applied before the axes' values
     * @return the study, or null if the file's sweep has no {@code axes} (a study kind of {@link StudyReader})
     * @throws InputException on the first bad key, or naming the first grid point that is not a valid scenario
     */
    public static KeyStudy read(Path file, List<String> sets) {
        Node root = ScenarioFile.load(file, sets);
        if (!root.has("sweep") || !root.raw("sweep").isObject() || !root.child("sweep").has("axes")) {
            if (root.has("sweep") && root.has("engines")) {
                throw root.error("engines", "a study kind (sweep.kind) solves exact steady states only; a Monte "
                        + "Carlo sweep (one ensemble per point) takes any keys as sweep.axes: remove engines, or "
                        + "give sweep.axes");
            }
            return null;
        }
        Scenario base = ScenarioReader.readAny(root, file, sets);
        Node s = root.child("sweep");
        s.allowOnly(Set.of("axes", "plot"));
        List<KeyAxis> axes = axes(root, s, sets);
        List<String> plot = s.has("plot") ? StudyReader.texts(s, "plot") : List.of();
        KeySweep sweep;
        try {
            sweep = new KeySweep(axes, plot);
        } catch (IllegalArgumentException e) {
            throw s.error("axes", e.getMessage() + " (the product of the axes' points)");
        }
        Function<double[], PointModel> models = x -> point(root, file, sets, axes, x);
        for (int i = 0; i < sweep.size(); i++) {
            models.apply(sweep.point(i));
        }
        List<String> columns = KeySweep.resultColumns(models.apply(sweep.point(0)));
        for (String p : plot) {
            if (!columns.contains(p)) {
                throw s.error("plot", "expected result columns among " + columns);
            }
        }
        return new KeyStudy(base.name(), base.description(), root.file(), sweep, models);
    }

    /**
     * The points of a Monte Carlo sweep (issue 26): a key sweep whose file lists {@code engines}. Point i is the file
     * with its axis values applied after {@code sets}, read as {@code qtm run FILE --set ... --set KEY=VALUE} reads
     * it; its seed is the caller's business (the scenario's seed + i).
     *
     * @param file the YAML file, already accepted by {@link #read}
     * @param sets overrides key=value, applied before the axes' values
     * @param sweep the sweep {@link #read} returned for the same file and overrides
     * @return the run scenario of a point index, or null if the file lists no {@code engines} (an exact sweep)
     * @throws InputException naming the first grid point that is not a valid run scenario
     */
    public static java.util.function.IntFunction<Scenario> runs(Path file, List<String> sets, KeySweep sweep) {
        Node root = ScenarioFile.load(file, sets);
        if (!root.has("engines")) {
            return null;
        }
        java.util.function.IntFunction<Scenario> points = i -> {
            List<String> own = own(sweep.axes(), sweep.point(i));
            List<String> all = new ArrayList<>(sets);
            all.addAll(own);
            try {
                return ScenarioReader.readForRun(ScenarioFile.override(root, own), file, all);
            } catch (InputException e) {
                throw new InputException(root.file(), "sweep.axes", String.join(", ", own),
                        "this grid point is not a valid run scenario: " + e.getMessage());
            }
        };
        for (int i = 0; i < sweep.size(); i++) {
            points.apply(i);
        }
        return points;
    }

    /** The --set texts of a point's axis values. */
    private static List<String> own(List<KeyAxis> axes, double[] x) {
        List<String> own = new ArrayList<>();
        for (int k = 0; k < axes.size(); k++) {
            own.add(axes.get(k).key() + "=" + KeySweep.text(x[k]));
        }
        return own;
    }

    private static List<KeyAxis> axes(Node root, Node s, List<String> sets) {
        JsonNode list = s.raw("axes");
        if (!list.isArray() || list.isEmpty()) {
            throw s.error("axes", "expected a list of axes such as {key: model.g, from: 1.0e-4, to: 1.0e-2, "
                    + "points: 21, scale: log} or {key: model.hot.T, values: [1, 2, 5]}");
        }
        List<KeyAxis> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = s.keyPath("axes") + "[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new InputException(s.file(), path, Node.show(list.get(i)), "expected a mapping with a key");
            }
            Node a = new Node(s.file(), path, list.get(i));
            String key = key(root, a, sets);
            if (!keys.add(key)) {
                throw a.error("key", "expected a key that no earlier axis sweeps");
            }
            out.add(axis(a, key));
        }
        return out;
    }

    /** The axis key: one --set can reach, not given by --set too, and holding a number (or absent: a default). */
    static String key(Node root, Node a, List<String> sets) {
        String key = a.text("key");
        JsonNode v;
        try {
            v = ScenarioFile.lookup(root, key);
        } catch (InputException e) {
            throw a.error("key", "expected a scenario key as --set spells it (model.g, model.couplings[0].g, "
                    + "model.baths[cold].T); " + e.getMessage());
        }
        if (v != null && !v.isNull() && !Node.numeric(v)) {
            throw a.error("key", "expected a key that holds a number; " + key + " holds " + Node.show(v));
        }
        if (sets.stream().anyMatch(x -> x.startsWith(key + "="))) {
            throw a.error("key", "expected a key that --set does not also give");
        }
        return key;
    }

    private static KeyAxis axis(Node a, String key) {
        a.allowOnly(Set.of("key", "from", "to", "points", "scale", "values"));
        String scale = a.has("scale") ? a.text("scale") : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw a.error("scale", "expected linear or log");
        }
        boolean log = scale.equals("log");
        String why = log ? " (> 0 on a log scale)" : "";
        if (a.has("values")) {
            for (String k : List.of("from", "to", "points")) {
                if (a.has(k)) {
                    throw a.error(k, "expected either values or from, to and points, not both");
                }
            }
            double[] v = a.numbers("values");
            for (double x : v) {
                if (!(Math.abs(x) <= Double.MAX_VALUE) || log && !(x > 0)) {
                    throw a.error("values", "expected finite numbers" + why);
                }
            }
            if (v.length == 0 || v.length > KeySweep.MAX_POINTS) {
                throw a.error("values", "expected 1 to " + KeySweep.MAX_POINTS + " values");
            }
            return new KeyAxis(key, v, log);
        }
        double from = a.number("from", -Double.MAX_VALUE, Double.MAX_VALUE);
        double to = a.number("to", -Double.MAX_VALUE, Double.MAX_VALUE);
        for (String k : List.of("from", "to")) {
            if (log && !((k.equals("from") ? from : to) > 0)) {
                throw a.error(k, "expected a number > 0 on a log scale");
            }
        }
        int points = (int) a.integer("points", 1, KeySweep.MAX_POINTS);
        if (points > 1 && from == to) {
            throw a.error("to", "expected to != from (" + from + ") for " + points + " points" + why);
        }
        return KeyAxis.range(key, from, to, points, log);
    }

    /** The model at one grid point, or exit 2 naming the point. */
    private static PointModel point(Node root, Path file, List<String> sets, List<KeyAxis> axes, double[] x) {
        List<String> own = own(axes, x);
        List<String> all = new ArrayList<>(sets);
        all.addAll(own);
        Scenario s;
        try {
            s = ScenarioReader.readAny(ScenarioFile.override(root, own), file, all);
        } catch (InputException e) {
            throw new InputException(root.file(), "sweep.axes", String.join(", ", own),
                    "this grid point is not a valid scenario: " + e.getMessage());
        }
        return s.isMachine() ? PointModel.of(s.machine()) : PointModel.of(s.model());
    }
}
