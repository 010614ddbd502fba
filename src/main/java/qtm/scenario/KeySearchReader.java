package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import qtm.input.InputException;
import qtm.sweep.KeyOptimizer;
import qtm.sweep.KeyRange;
import qtm.sweep.KeySearch;
import qtm.sweep.KeySweep;
import qtm.sweep.KeyThreshold;
import qtm.sweep.PointModel;

/**
 * Reads {@code optimize} and {@code threshold} over any keys (issue 26), for presets and machines. A point of the
 * search is the file with the searched keys' values applied as {@code --set} applies them, then read and validated
 * as {@link ScenarioReader#readAny} reads a file: the searched keys' own values in the file are replaced before
 * anything is validated, so they only need to be numbers. The {@code time} section is not read: the search has no
 * time, and a time grid's range depends on the very couplings it varies.
 *
 * <pre>
 * optimize:
 *   vary:                                  # 1 to 10 keys, as --set spells them
 *     - {key: 'model.couplings[0].g', min: 1.0e-5, max: 1.0e-2, scale: log}   # linear by default
 *     - {key: 'model.baths[hot].rate', min: 1.0e-6, max: 1.0e-2, scale: log}
 *   maximise: concurrence                  # any steady result column (default concurrence)
 *   starts: 6                              # local climbs from the best screen points (default 6)
 * threshold:
 *   key: 'model.baths[cold].T'             # the key moved
 *   min: 0.0                               # the bracket: the observable must be > 0 at one end, <= 0 at the other
 *   max: 1.0
 *   scale: linear                          # or log (then bisected in the logarithm)
 *   observable: concurrence                # default concurrence; with optimize.vary, maximised at each value
 *   tolerance: 1.0e-12                     # bracket width on the unit interval (default 1e-12)
 * </pre>
 */
public final class KeySearchReader {
    private static final int DEFAULT_STARTS = 6;
    private static final int MAX_STARTS = 100;
    private static final String DEFAULT_OBSERVABLE = "concurrence";

    private KeySearchReader() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides key=value, applied before the searched keys' values
     * @param threshold whether {@code qtm threshold} reads it (else {@code qtm optimize})
     * @return the search, or null when the file asks for neither {@code optimize.vary} nor (for a threshold) a
     *     {@code threshold} section: today's coupling optimiser then reads it
     * @throws InputException on a bad key, or when no point of the search is a valid scenario
     */
    public static KeySearch read(Path file, List<String> sets, boolean threshold) {
        Node root = ScenarioFile.load(file, sets);
        boolean vary = root.has("optimize") && root.raw("optimize").isObject() && root.child("optimize").has("vary");
        boolean general = threshold ? root.has("threshold") : vary;
        if (!general) {
            return null;
        }
        root.allowOnly(ScenarioReader.TOP);
        KeyRange moved = threshold ? range(root, root.child("threshold"), sets) : null;
        String observable = threshold ? observable(root.child("threshold"), "observable") : null;
        KeyOptimizer optimizer = null;
        if (vary) {
            Node o = root.child("optimize");
            o.allowOnly(Set.of("vary", "maximise", "starts"));
            String maximise = observable(o, "maximise");
            if (threshold && o.has("maximise") && !maximise.equals(observable)) {
                throw o.error("maximise", "expected the threshold's observable " + observable + " (or no key)");
            }
            optimizer = optimizer(root, o, sets, threshold ? observable : maximise);
        }
        List<KeyRange> all = new ArrayList<>();
        if (moved != null) {
            all.add(moved);
        }
        if (optimizer != null) {
            all.addAll(optimizer.vary());
        }
        checkDistinct(root, all);
        Function<double[], PointModel> models = x -> point(root, file, sets, all, x);
        String label = optimizer == null ? "threshold.key" : "optimize.vary";
        List<String> columns = KeySweep.resultColumns(firstValid(root, label, all, models));
        String target = threshold ? observable : optimizer.observable();
        if (!columns.contains(target)) {
            throw threshold ? root.child("threshold").error("observable", "expected one of " + columns)
                    : root.child("optimize").error("maximise", "expected one of " + columns);
        }
        KeyThreshold t = null;
        if (threshold) {
            Node n = root.child("threshold");
            double tol = n.number("tolerance", Double.MIN_NORMAL, 0.25, KeyThreshold.DEFAULT_TOLERANCE);
            t = new KeyThreshold(moved, observable, optimizer, tol);
        }
        String name = root.has("name") ? root.text("name") : ScenarioReader.defaultName(file);
        return new KeySearch(name, root.file(), optimizer, t, models, columns);
    }

    /**
     * A preset's tree for today's coupling optimiser, which varies model.g, model.cold.rate and model.hot.rate anyway:
     * those keys set to 0, legal at every temperature, so that the rest is validated without them (issue 26).
     *
     * @param root the loaded root
     * @return a copy with those keys at 0 where the file gives them
     * @throws InputException for a machine (saying that optimize.vary searches one), with optimize.vary but no
     *     threshold section (for {@code threshold}), or where one of the keys holds no number
     */
    static Node couplingsFree(Node root) {
        Node m = root.child("model");
        if (m.has("type") && "machine".equals(m.raw("type").asText())) {
            throw m.error("type", "a machine is optimised over the keys that optimize.vary names (and a threshold "
                    + "needs a threshold section): see the guide, paper-figures.md, \"Any key\"");
        }
        if (root.has("optimize") && root.raw("optimize").isObject() && root.child("optimize").has("vary")) {
            throw root.child("optimize").error("vary", "a threshold over any key needs a threshold section "
                    + "{key, min, max}; without one, remove optimize.vary for the preset's T_c threshold");
        }
        List<String> zero = new ArrayList<>();
        for (String key : List.of("g", "cold.rate", "hot.rate")) {
            int dot = key.indexOf('.');
            Node owner = dot < 0 ? m : m.has(key.substring(0, dot)) && m.raw(key.substring(0, dot)).isObject()
                    ? m.child(key.substring(0, dot)) : null;
            String leaf = key.substring(dot + 1);
            if (owner == null || !owner.has(leaf)) {
                continue;
            }
            if (!Node.numeric(owner.raw(leaf))) {
                throw owner.error(leaf, "expected a number (the optimiser varies it; any number will do)");
            }
            zero.add("model." + key + "=0");
        }
        return ScenarioFile.override(root, zero);
    }

    private static KeyOptimizer optimizer(Node root, Node o, List<String> sets, String observable) {
        JsonNode list = o.raw("vary");
        if (!list.isArray() || list.isEmpty() || list.size() > KeyOptimizer.MAX_KEYS) {
            throw o.error("vary", "expected a list of 1 to " + KeyOptimizer.MAX_KEYS + " keys such as "
                    + "{key: model.g, min: 1.0e-5, max: 1.0e-2, scale: log}");
        }
        List<KeyRange> ranges = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = o.keyPath("vary") + "[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new InputException(o.file(), path, Node.show(list.get(i)), "expected a mapping with a key");
            }
            ranges.add(range(root, new Node(o.file(), path, list.get(i)), sets));
        }
        int starts = (int) (o.has("starts") ? o.integer("starts", 1, MAX_STARTS) : DEFAULT_STARTS);
        return new KeyOptimizer(ranges, observable, starts);
    }

    /** A key and its interval: min, max and scale, and (for a threshold) observable and tolerance beside them. */
    private static KeyRange range(Node root, Node a, List<String> sets) {
        a.allowOnly(a.keyPath("key").startsWith("threshold")
                ? Set.of("key", "min", "max", "scale", "observable", "tolerance")
                : Set.of("key", "min", "max", "scale"));
        String key = KeySweepReader.key(root, a, sets);
        String scale = a.has("scale") ? a.text("scale") : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw a.error("scale", "expected linear or log");
        }
        boolean log = scale.equals("log");
        double min = a.number("min", -Double.MAX_VALUE, Double.MAX_VALUE);
        double max = a.number("max", -Double.MAX_VALUE, Double.MAX_VALUE);
        if (log && !(min > 0)) {
            throw a.error("min", "expected a number > 0 on a log scale (for " + key + ")");
        }
        if (!(max > min)) {
            throw a.error("max", "expected max > min (" + min + ") for " + key);
        }
        return new KeyRange(key, min, max, log);
    }

    private static String observable(Node n, String key) {
        return n.has(key) ? n.text(key) : DEFAULT_OBSERVABLE;
    }

    private static void checkDistinct(Node root, List<KeyRange> all) {
        if (all.size() > KeyOptimizer.MAX_KEYS) {
            throw new InputException(root.file(), "optimize.vary", all.size() + " keys with threshold.key",
                    "expected at most " + KeyOptimizer.MAX_KEYS + " keys searched in all");
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (all.get(i).key().equals(all.get(j).key())) {
                    throw new InputException(root.file(), "optimize.vary", all.get(i).key(),
                            "expected each key once (optimize.vary and threshold.key together)");
                }
            }
        }
    }

    /**
     * A valid point, to learn the sites and baths (the keys are numbers, so every point has the same): the middle of
     * the search first, then the corners' neighbourhood as the screen visits it; if none, the middle's error.
     */
    private static PointModel firstValid(Node root, String label, List<KeyRange> all,
            Function<double[], PointModel> models) {
        double[] mid = new double[all.size()];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = all.get(i).value(0.5);
        }
        IllegalArgumentException first;
        try {
            return models.apply(mid);
        } catch (IllegalArgumentException e) {
            first = e;
        }
        KeyOptimizer screen = new KeyOptimizer(all, DEFAULT_OBSERVABLE, 1);
        for (double[] u : screen.screen()) {
            try {
                return models.apply(screen.values(u));
            } catch (IllegalArgumentException e) {
                // Try the next screen point.
            }
        }
        throw new InputException(root.file(), label,
                settings(all, mid), "no point of the search is a valid scenario; at the middle: "
                + first.getMessage());
    }

    /** The point as --set would give it, or IllegalArgumentException saying why the scenario is not valid there. */
    private static PointModel point(Node root, Path file, List<String> sets, List<KeyRange> all, double[] x) {
        List<String> own = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            own.add(all.get(k).key() + "=" + KeySweep.text(x[k]));
        }
        List<String> every = new ArrayList<>(sets);
        every.addAll(own);
        Node tree = ScenarioFile.override(root, own);
        // The search has no time: a time grid's range depends on the rates and g it varies, so it is not read.
        tree.json().remove("time");
        Scenario s;
        try {
            s = ScenarioReader.readAny(tree, file, every);
        } catch (InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return s.isMachine() ? PointModel.of(s.machine()) : PointModel.of(s.model());
    }

    private static String settings(List<KeyRange> all, double[] x) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            out.add(all.get(k).key() + "=" + KeySweep.text(x[k]));
        }
        return String.join(", ", out);
    }
}
