package qtm.scenario;

import qtm.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mapping in a scenario file, read with its dotted key path so that every error names the file and the key. Typed
 * getters read numbers from the scalar's text, quoted or not: decimal notation ("1e-2", "-3", ".5") and, where
 * infinity is allowed, inf, .inf or infinity (either sign, any case); .nan is read but refused wherever a number is
 * required. Everything else (YAML 1.1's octal, hex, sexagesimal or underscored numbers) is rejected with a
 * {@link InputException}.
 */
public final class Node {
    private static final String MISSING = "(missing)";
    private final String file;
    private final String path;
    private final JsonNode json;

    /**
     * @param file file name for messages
     * @param path dotted path of this mapping ("" for the document root)
     * @param json the mapping
     */
    Node(String file, String path, JsonNode json) {
        this.file = file;
        this.path = path;
        this.json = json;
    }

    /** @return the file name used in messages */
    public String file() {
        return file;
    }

    /**
     * @param key a key of this mapping
     * @return its dotted path
     */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * A bad-value error for a key of this mapping.
     *
     * @param key the key
     * @param allowed what is allowed
     * @return the exception, to throw
     */
    public InputException error(String key, String allowed) {
        return new InputException(file, keyPath(key), show(json.get(key)), allowed);
    }

    /**
     * @param key a key
     * @return whether the key is present (and not null)
     */
    public boolean has(String key) {
        JsonNode v = json.get(key);
        return v != null && !v.isNull();
    }

    /**
     * @param key a key
     * @return the raw value, or null
     */
    public JsonNode raw(String key) {
        return json.get(key);
    }

    /**
     * Rejects any key not in the allowed set.
     *
     * @param allowed the keys this mapping may hold
     * @throws InputException naming the first unknown key
     */
    public void allowOnly(Set<String> allowed) {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw new InputException(file, keyPath(k), show(json.get(k)),
                        "unknown key; allowed here: " + String.join(", ", new TreeSet<>(allowed))
                        + Nearest.didYouMean(k, new TreeSet<>(allowed)));
            }
        }
    }

    /**
     * A nested mapping.
     *
     * @param key the key
     * @return the child mapping
     * @throws InputException if missing or not a mapping
     */
    public Node child(String key) {
        JsonNode v = json.get(key);
        if (v == null || !v.isObject()) {
            throw error(key, "expected a mapping" + KeyGuide.sectionHelp(keyPath(key)));
        }
        return new Node(file, keyPath(key), v);
    }

    /**
     * A finite number in [min, max].
     *
     * @param key the key
     * @param min smallest allowed
     * @param max largest allowed
     * @return the value
     */
    public double number(String key, double min, double max) {
        double x = parse(key);
        if (!Double.isFinite(x) || x < min || x > max) {
            throw error(key, "expected a finite number in " + range(min, max));
        }
        return x;
    }

    /**
     * An optional finite number in [min, max].
     *
     * @param key the key
     * @param min smallest allowed
     * @param max largest allowed
     * @param fallback value when absent
     * @return the value
     */
    public double number(String key, double min, double max, double fallback) {
        return has(key) ? number(key, min, max) : fallback;
    }

    /**
     * A temperature: a number ≥ 0, or inf (written inf, .inf or infinity).
     *
     * @param key the key
     * @param allowInfinite whether inf is allowed
     * @param why the reason appended when inf is rejected
     * @return the value
     */
    public double temperature(String key, boolean allowInfinite, String why) {
        double x = parse(key);
        if (Double.isNaN(x) || x < 0) {
            throw error(key, "expected a temperature >= 0" + (allowInfinite ? " or inf" : ""));
        }
        if (Double.isInfinite(x) && !allowInfinite) {
            throw error(key, "expected a finite temperature >= 0: " + why);
        }
        return x;
    }

    /**
     * An integer in [min, max].
     *
     * @param key the key
     * @param min smallest allowed
     * @param max largest allowed
     * @return the value
     */
    public long integer(String key, long min, long max) {
        JsonNode v = json.get(key);
        String digits = v == null || !v.isTextual() ? "" : v.asText().trim();
        // Whole numbers written out are read exactly: a seed near 2^62 must not be rounded through a double.
        if (digits.matches("[-+]?\\d{1,25}")) {
            BigInteger n = new BigInteger(digits);
            if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
                throw error(key, "expected a whole number in " + range(min, max));
            }
            return n.longValueExact();
        }
        double x = parse(key);
        if (!Double.isFinite(x) || x != Math.rint(x) || x < min || x > max || (v.isTextual() && v.asText().contains("."))) {
            throw error(key, "expected a whole number in " + range(min, max));
        }
        return (long) x;
    }

    /**
     * A text value.
     *
     * @param key the key
     * @return the text
     */
    public String text(String key) {
        JsonNode v = json.get(key);
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw error(key, "expected a text value");
        }
        return v.asText();
    }

    /**
     * A list of finite numbers.
     *
     * @param key the key
     * @return the values
     */
    public double[] numbers(String key) {
        return numbers(key, json.get(key));
    }

    double[] numbers(String key, JsonNode v) {
        if (v == null || !v.isArray()) {
            throw new InputException(file, keyPath(key), show(v), "expected a list of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            Double x = toDouble(v.get(i));
            if (x == null || !Double.isFinite(x)) {
                throw new InputException(file, keyPath(key) + "[" + i + "]", show(v.get(i)),
                        "expected a finite number");
            }
            if (underflows(v.get(i), x)) {
                throw new InputException(file, keyPath(key) + "[" + i + "]", show(v.get(i)),
                        "expected 0 or a magnitude >= " + Double.MIN_NORMAL
                        + " (this nonzero number underflows to " + x + " in double precision)");
            }
            out[i] = x;
        }
        return out;
    }

    /**
     * A list of lists of finite numbers (a matrix, row by row).
     *
     * @param key the key
     * @param rows required number of rows
     * @param cols required number of columns
     * @return the values
     */
    public double[][] matrix(String key, int rows, int cols) {
        JsonNode v = json.get(key);
        String shape = "expected a " + rows + "x" + cols + " list of rows of finite numbers";
        if (v == null || !v.isArray() || v.size() != rows) {
            throw error(key, shape);
        }
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = numbers(key + "[" + i + "]", v.get(i));
            if (m[i].length != cols) {
                throw error(key, shape);
            }
        }
        return m;
    }

    private double parse(String key) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "required");
        }
        Double x = toDouble(v);
        if (x == null) {
            throw error(key, "expected a number");
        }
        if (underflows(v, x)) {
            throw error(key, "expected 0 or a magnitude >= " + Double.MIN_NORMAL
                    + " (this nonzero number underflows to " + x + " in double precision)");
        }
        return x;
    }

    /** Whether a written nonzero number became 0 or subnormal when read (1e-400 → 0, 1e-320 → subnormal). */
    private static boolean underflows(JsonNode v, double x) {
        if (x != 0 && Math.abs(x) >= Double.MIN_NORMAL || !Double.isFinite(x)) {
            return false;
        }
        String s = v.isTextual() ? v.asText() : v.toString();
        int e = s.toLowerCase(Locale.ROOT).indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        return x != 0 || mantissa.matches(".*[1-9].*");
    }

    /**
     * @param v a value
     * @return whether it reads as a number (a temperature's inf included)
     */
    static boolean numeric(JsonNode v) {
        return toDouble(v) != null;
    }

    private static Double toDouble(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (!v.isTextual()) {
            return null;
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "inf", ".inf", "+inf", "+.inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-.inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan", ".nan":
                return Double.NaN;
            default:
                break;
        }
        // Only plain decimal notation: Java's parser would also take hex floats and a trailing 'd'.
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(s);
    }

    private static String range(double min, double max) {
        boolean open = max >= Long.MAX_VALUE;
        return "[" + fmt(min) + ", " + (open ? "inf)" : fmt(max) + "]");
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return MISSING;
        }
        String s = InputException.escape(flow(v, new StringBuilder()).toString());
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** A value as YAML flow text, scalars exactly as written, so that a message echoes what the user typed. */
    private static StringBuilder flow(JsonNode v, StringBuilder b) {
        if (b.length() > 80) {
            return b;
        }
        if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) {
                flow(v.get(i), i > 0 ? b.append(", ") : b);
            }
            return b.append(']');
        }
        if (v.isObject()) {
            b.append('{');
            Iterator<String> names = v.fieldNames();
            for (int i = 0; names.hasNext(); i++) {
                String k = names.next();
                flow(v.get(k), (i > 0 ? b.append(", ") : b).append(k).append(": "));
            }
            return b.append('}');
        }
        return b.append(v.isNull() ? "null" : v.asText());
    }

    /**
     * @return the keys of this mapping
     */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** @return the mapping as Jackson sees it, for echoing into outputs */
    public ObjectNode json() {
        return (ObjectNode) json;
    }
}
