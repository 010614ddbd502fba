package qtm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import qtm.input.InputException;
import qtm.output.Json;
import qtm.sweep.KeyOptimum;
import qtm.sweep.KeySearch;
import qtm.sweep.KeySweep;
import qtm.sweep.KeyThreshold;

/**
 * Runs and prints {@code qtm optimize} and {@code qtm threshold} over any keys (issue 26). Every key value is printed
 * in {@link KeySweep#text} form, also as the {@code --set KEY=VALUE} words that reproduce the point, and JSON numbers
 * are the same shortest round-trip doubles.
 */
final class KeySearchOutput {
    private KeySearchOutput() {
    }

    /**
     * @param k the search, with an optimiser
     * @param json whether to print JSON
     * @param out where to print
     * @throws InputException (exit 2) when no screen point is a valid scenario with a unique steady state
     */
    static void optimize(KeySearch k, boolean json, PrintWriter out) {
        KeyOptimum o;
        try {
            o = k.optimizer().maximise(k.models());
        } catch (IllegalArgumentException e) {
            throw new InputException(k.file(), "optimize.vary", k.optimizer().vary().get(0).key() + ", ...",
                    e.getMessage());
        }
        if (json) {
            ObjectNode root = Json.object();
            root.put("maximise", o.observable());
            root.set("value", Json.number(o.value()));
            keys(root, o.keys());
            root.set("observables", numbers(o.observables()));
            ArrayNode starts = root.putArray("starts");
            for (double v : o.startValues()) {
                starts.add(Json.number(v));
            }
            out.println(Json.write(root));
        } else {
            out.printf("scenario     %s%n", k.name());
            out.printf("maximise     %s = %.6g%n", o.observable(), o.value());
            o.keys().forEach((key, v) -> out.printf("  %s = %s%n", key, KeySweep.text(v)));
            out.printf("reproduce    %s%n", sets(o.keys()));
            o.observables().forEach((name, v) -> out.printf("  %-28s %.10g%n", name, v));
            out.printf("starts       %s%n", java.util.Arrays.toString(o.startValues()));
        }
        out.flush();
    }

    /**
     * @param k the search, with a threshold
     * @param json whether to print JSON
     * @param out where to print
     * @throws InputException (exit 2) when the bracket holds no zero or a trial point is not a valid scenario
     */
    static void threshold(KeySearch k, boolean json, PrintWriter out) {
        KeyThreshold.Result r;
        try {
            r = k.threshold().solve(k.models());
        } catch (IllegalArgumentException e) {
            throw new InputException(k.file(), "threshold.key", k.threshold().key().key(), e.getMessage());
        }
        if (json) {
            ObjectNode root = Json.object();
            root.put("key", r.key());
            root.put("observable", r.observable());
            root.set("threshold", Json.number(r.value()));
            root.putArray("bracket").add(Json.number(r.below())).add(Json.number(r.above()));
            root.set("positive_at", Json.number(r.positiveAt()));
            root.set("optimised", numbers(r.inner()));
            root.set("observables", numbers(r.observables()));
            out.println(Json.write(root));
        } else {
            out.printf("scenario     %s%n", k.name());
            out.printf("threshold    %s = %s   (%s reaches 0; bracket [%s, %s])%n", r.key(), KeySweep.text(r.value()),
                    r.observable(), KeySweep.text(r.below()), KeySweep.text(r.above()));
            out.printf("at           %s = %s   (the bracket's end where %s > 0)%n", r.key(),
                    KeySweep.text(r.positiveAt()), r.observable());
            r.inner().forEach((key, v) -> out.printf("  optimised %s = %s%n", key, KeySweep.text(v)));
            r.observables().forEach((name, v) -> out.printf("  %-28s %.10g%n", name, v));
        }
        out.flush();
    }

    private static void keys(ObjectNode root, Map<String, Double> keys) {
        root.set("keys", numbers(keys));
        ArrayNode set = root.putArray("set");
        keys.forEach((key, v) -> set.add(key + "=" + KeySweep.text(v)));
    }

    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode o = Json.object();
        values.forEach((name, v) -> o.set(name, Json.number(v)));
        return o;
    }

    private static String sets(Map<String, Double> keys) {
        StringBuilder b = new StringBuilder();
        keys.forEach((key, v) -> b.append(b.length() == 0 ? "" : " ").append("--set '").append(key).append('=')
                .append(KeySweep.text(v)).append('\''));
        return b.toString();
    }
}
