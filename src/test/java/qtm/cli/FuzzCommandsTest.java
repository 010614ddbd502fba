package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, point 3: no input ends in an internal error. Seeded random mutations of the shipped scenarios (keys
 * dropped or added, values swapped for numbers of every size and sign, inf, nan, text, unicode, lists and mappings,
 * raw bytes corrupted) and random {@code --set} values are fed in-process to every command. Only exit 0 or 2 is
 * accepted; on 2, exactly one line starting "qtm: " with no stack trace, and no output file or directory left.
 *
 * <p>Numbers for the model's own parameters (E, g, U, temperatures, rates, the swept temperatures and the optimiser's
 * bounds) stay within |x| ≤ 1e3: the model's valid range is decided elsewhere (issue 8, point 2). Counts (points,
 * starts, trajectories) are either tiny or far beyond every limit, never legal and slow, so that each case stays
 * small. {@code run} gets a short grid ({@code time.end=20}, 3 points) and 16 trajectories.
 */
@Tag("slow")
class FuzzCommandsTest {
    private static final long SEED = 8_2024L;
    private static final int CASES = 400;
    private static final double SLOW_SECONDS = 3;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Keys whose values set the model (kept moderate: the model-range area owns their extremes). */
    private static final List<String> MODEL_KEYS = List.of("E", "g", "U", "T", "rate", "from", "to", "values",
            "min", "max", "Th_max");
    /** Keys that count work (tiny or beyond every limit, so that no case is legal and slow). */
    private static final List<String> COUNT_KEYS = List.of("points", "starts", "trajectories");

    private static final double[] ANY_NUMBERS = {0, -0.0, 1, -1, 2, 3, 0.5, 1.5, 1e-3, 1e3, -1e3, 1e-300,
        Double.MIN_VALUE, 1e300, Double.MAX_VALUE, -1e300, 2147483647, 2147483648.0, 9.3e18, 1e7, 25, 1e-9};
    private static final double[] MODEL_NUMBERS = {0, -0.0, 1, -1, 2, 0.5, 1e-3, 1.6e-3, 1e-2, 1e3, -1e3, 20, 0.1,
        1e-6, 100, 1e-12};
    private static final double[] COUNT_NUMBERS = {0, 1, 2, 3, -1, 1.5, 1e7, 2147483648.0, 9.3e18, 1e300, -1e300};
    private static final String[] TEXTS = {"inf", "-inf", ".inf", "-.inf", ".nan", "nan", "NaN", "", " ", "abc",
        "00", "01", "11", "2", "1e-2", "0x10", "1_000", "é☃\uD835\uDD18", "\u0000", "a\tb", "1e99999", "-",
        "reset", "flux", "dqd", "Tc", "Th", "U", "log", "linear", "curves", "map", "hot-threshold", "trajectories",
        "collision", "concurrence", "true", "null", "x".repeat(300), "../../etc", "1e-400", "+1", "- 1",
        "a\nb"};
    private static final String[] KEYS = {"name", "description", "model", "type", "E", "g", "U", "cold", "hot", "T",
        "rate", "initial", "time", "end", "points", "engines", "ensemble", "trajectories", "seed", "target_se",
        "time_budget_s", "collision", "dt", "optimize", "bounds", "min", "max", "starts", "Th", "Th_max", "sweep",
        "kind", "x", "y", "series", "key", "values", "plot", "scale", "from", "to", "ket", "re", "im", "colour", "é",
        ""};
    private static final String[] SET_VALUES = {"0", "-1", "1", "2", "3", "1e308", "-1e308", "1e-320", "inf", "-inf",
        ".inf", ".nan", "nan", "abc", "[1, 2]", "{a: 1}", "''", "null", "~", "01", "00", "10", "true", "é☃", "[", "{",
        "]: x", "- a\n- b", "!!binary aGVsbG8=", "&a 1", "*a", "\"\\u0000\"", "1e99999", "0x1F", "1.0e-3", "25",
        "[0.1, 0.2]", "{T: 0, rate: 1e-2}", "reset", "log", "map", "curves", "hot-threshold", "Tc", "Th", "U",
        "[trajectories]", "[collision]", "[1.5625, 3.125]", "9999999999999999999999"};
    private static final String[] SET_KEYS = {"model..g", "a.b.c.d", "model.g.x", "1abc", "model", "é", "x=y",
        "time.points.x", "sweep", "ensemble", "initial.ket.re", "initial.re", ".", "model.cold", "optimize.bounds"};
    private static final String[] OPTION_VALUES = {"0", "-1", "1", "2", "abc", "", "1e3", "99999999999",
        "2147483648", "9223372036854775807", "-9223372036854775808", "1025", "1000001", "101", "3.5", "0x10"};

    private record Case(String what, String[] args, List<Path> outputs) {
    }

    @Test
    @Timeout(600)
    void everyCommandEndsInExit0Or2WithOneLine(@TempDir Path dir) throws IOException {
        List<ObjectNode> bases = shippedScenarios();
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int bad = 0;
        long start = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            Case c = generate(rnd, bases, dir.resolve("case" + i));
            long t0 = System.nanoTime();
            CliTest.Run r = CliTest.run(c.args());
            double caseSeconds = (System.nanoTime() - t0) / 1e9;
            if (caseSeconds > SLOW_SECONDS) {
                System.out.printf("FuzzCommandsTest: case %d took %.1f s: %s%n", i, caseSeconds,
                        String.join(" ", c.args()));
            }
            String err = r.err().strip();
            String why = null;
            if (r.status() == 0) {
                ok++;
                if (err.contains("Exception") || err.contains("\tat ")) {
                    why = "exit 0 with a stack trace";
                }
            } else if (r.status() == Main.BAD_INPUT) {
                bad++;
                if (err.lines().count() != 1 || !err.startsWith("qtm: ")) {
                    why = "exit 2 without exactly one 'qtm: ' line";
                } else if (err.contains("Exception") || err.contains("\tat ")) {
                    why = "exit 2 with a stack trace";
                } else {
                    try (Stream<Path> left = Files.list(dir.resolve("case" + i))) {
                        List<String> names = left.map(p -> p.getFileName().toString())
                                .filter(n -> !n.equals("s.yaml")).toList();
                        if (!names.isEmpty()) {
                            why = "exit 2 but " + names + " was written";
                        }
                    }
                }
            } else {
                why = "exit " + r.status();
            }
            if (why != null) {
                failures.add("case " + i + ": " + why + "\n  args: " + String.join(" ", c.args()) + "\n  "
                        + c.what().replace("\n", "\n  ") + "\n  stderr: " + err.lines().limit(3).toList());
            }
            deleteTree(dir.resolve("case" + i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(failures.isEmpty(), failures.size() + " of " + CASES + " cases failed:\n"
                + String.join("\n", failures));
        // Not vacuous: the generator reaches both the commands' work and their refusals.
        assertTrue(ok >= CASES / 10 && bad >= CASES / 4, "exit 0: " + ok + ", exit 2: " + bad);
        System.out.printf("FuzzCommandsTest: %d cases (%d exit 0, %d exit 2) in %.1f s%n", CASES, ok, bad, seconds);
    }

    private static List<ObjectNode> shippedScenarios() throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (String d : List.of("scenarios", "scenarios/paper")) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    out.add((ObjectNode) YAML.readTree(f.toFile()));
                }
            }
        }
        return out;
    }

    private Case generate(SplittableRandom rnd, List<ObjectNode> bases, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode doc = bases.get(rnd.nextInt(bases.size())).deepCopy();
        shrink(doc);
        int mutations = rnd.nextInt(4);
        StringBuilder what = new StringBuilder();
        for (int m = 0; m < mutations; m++) {
            what.append(mutate(rnd, doc)).append("; ");
        }
        Path file = dir.resolve("s.yaml");
        String text = YAML.writeValueAsString(doc);
        if (rnd.nextInt(12) == 0) {
            byte[] bytes = corrupt(rnd, text.getBytes(StandardCharsets.UTF_8));
            Files.write(file, bytes);
            what.append("raw bytes corrupted; ");
        } else {
            Files.writeString(file, text);
        }
        List<String> args = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        int k = rnd.nextInt(100);
        String command = k < 18 ? "steady" : k < 33 ? "evolve" : k < 42 ? "run" : k < 57 ? "sweep"
                : k < 70 ? "optimize" : k < 80 ? "threshold" : k < 86 ? "list" : k < 89 ? "bench" : "options";
        switch (command) {
            case "steady" -> {
                args.addAll(List.of("steady", file.toString()));
                if (rnd.nextBoolean()) {
                    args.add("--json");
                }
            }
            case "evolve" -> {
                Path csv = dir.resolve("out.csv");
                outputs.add(csv);
                args.addAll(List.of("evolve", file.toString(), "--csv", csv.toString()));
            }
            case "run" -> {
                Path out = dir.resolve("run");
                outputs.add(out);
                args.addAll(List.of("run", file.toString(), "--trajectories", "16", "--threads", "1", "--quiet",
                        "--out", out.toString()));
            }
            case "sweep" -> {
                Path out = dir.resolve("sweep");
                outputs.add(out);
                args.addAll(List.of("sweep", file.toString(), "--out", out.toString()));
            }
            case "optimize", "threshold" -> {
                args.addAll(List.of(command, file.toString()));
                if (rnd.nextBoolean()) {
                    args.add("--json");
                }
            }
            case "list" -> args.addAll(List.of("list", "--dir", dir.toString()));
            case "bench" -> args.addAll(List.of("bench", "--runs", pick(rnd, "1", "1", "0", "101", "abc"),
                    "--trajectories", pick(rnd, "10", "10", "-1", "1000001", "1e3"), "--threads",
                    pick(rnd, "1", "1", "0", "1025", "x")));
            default -> {
                Path out = dir.resolve("run");
                outputs.add(out);
                args.addAll(List.of("run", file.toString(), "--quiet", "--out", out.toString(),
                        "--trajectories", pick(rnd, OPTION_VALUES), "--threads",
                        pick(rnd, OPTION_VALUES), "--seed", pick(rnd, OPTION_VALUES)));
            }
        }
        if (!command.equals("list") && !command.equals("bench")) {
            int sets = rnd.nextInt(3);
            for (int s = 0; s < sets; s++) {
                args.add("--set");
                args.add(randomSet(rnd, doc));
            }
            if (command.equals("run") || command.equals("options")) {
                // After the random ones, so that a run stays small whatever they set: the time budget bounds a
                // legal but large --trajectories.
                args.addAll(List.of("--set", "time.points=3", "--set", "time.end=20", "--set",
                        "ensemble.time_budget_s=0.5"));
            }
        }
        return new Case(what.toString(), args.toArray(String[]::new), outputs);
    }

    /** Makes every shipped scenario cheap to run before it is mutated. */
    private static void shrink(ObjectNode doc) {
        if (doc.get("time") instanceof ObjectNode t) {
            t.put("points", 3);
        }
        if (doc.get("ensemble") instanceof ObjectNode e) {
            e.put("trajectories", 16);
        }
        ObjectNode o = doc.get("optimize") instanceof ObjectNode x ? x : doc.putObject("optimize");
        o.put("starts", 1);
        if (doc.get("sweep") instanceof ObjectNode s) {
            if (s.get("x") instanceof ObjectNode x) {
                x.put("points", 3);
            }
            if (s.get("y") instanceof ObjectNode y) {
                y.put("points", 2);
            }
            if (s.get("series") instanceof ObjectNode series && series.get("values") instanceof ArrayNode v) {
                while (v.size() > 2) {
                    v.remove(v.size() - 1);
                }
            }
        }
    }

    /** One random change to the document; returns what it did. */
    private String mutate(SplittableRandom rnd, ObjectNode doc) {
        List<String[]> paths = new ArrayList<>();
        collect(doc, new ArrayList<>(), paths);
        int kind = rnd.nextInt(10);
        if (paths.isEmpty() || kind == 0) {
            String key = pick(rnd, KEYS);
            ObjectNode target = randomMapping(rnd, doc);
            target.set(key, value(rnd, key, 2));
            return "added " + key + " = " + target.get(key);
        }
        String[] path = paths.get(rnd.nextInt(paths.size()));
        JsonNode parent = doc;
        for (int i = 0; i < path.length - 1; i++) {
            parent = step(parent, path[i]);
        }
        String last = path[path.length - 1];
        String key = last.startsWith("[") ? path.length > 1 ? path[path.length - 2] : "" : last;
        if (kind <= 2) {
            remove(parent, last);
            return "dropped " + String.join(".", path);
        }
        JsonNode v = value(rnd, key, 2);
        if (parent instanceof ObjectNode o) {
            o.set(last, v);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last.substring(1, last.length() - 1)), v);
        }
        return String.join(".", path) + " = " + v;
    }

    private static JsonNode step(JsonNode n, String part) {
        return part.startsWith("[") ? n.get(Integer.parseInt(part.substring(1, part.length() - 1))) : n.get(part);
    }

    private static void remove(JsonNode parent, String last) {
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last.substring(1, last.length() - 1)));
        }
    }

    private static void collect(JsonNode n, List<String> prefix, List<String[]> out) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> {
                List<String> p = new ArrayList<>(prefix);
                p.add(k);
                out.add(p.toArray(String[]::new));
                collect(n.get(k), p, out);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                List<String> p = new ArrayList<>(prefix);
                p.add("[" + i + "]");
                out.add(p.toArray(String[]::new));
                collect(n.get(i), p, out);
            }
        }
    }

    private static ObjectNode randomMapping(SplittableRandom rnd, ObjectNode doc) {
        List<ObjectNode> maps = new ArrayList<>();
        maps.add(doc);
        collectMappings(doc, maps);
        return maps.get(rnd.nextInt(maps.size()));
    }

    private static void collectMappings(JsonNode n, List<ObjectNode> out) {
        for (JsonNode c : n) {
            if (c instanceof ObjectNode o) {
                out.add(o);
            }
            collectMappings(c, out);
        }
    }

    /** A random value for a key: numbers of the key's kind, text, booleans, null, lists, mappings. */
    private static JsonNode value(SplittableRandom rnd, String key, int depth) {
        int k = rnd.nextInt(depth > 0 ? 10 : 8);
        if (k < 4) {
            double[] numbers = MODEL_KEYS.contains(key) ? MODEL_NUMBERS
                    : COUNT_KEYS.contains(key) ? COUNT_NUMBERS : ANY_NUMBERS;
            double x = numbers[rnd.nextInt(numbers.length)];
            if (x == Math.rint(x) && Math.abs(x) < 9e18 && rnd.nextBoolean()) {
                return F.numberNode((long) x);
            }
            return F.numberNode(x);
        }
        if (k == 4) {
            return rnd.nextBoolean() ? F.numberNode(new BigInteger("123456789012345678901234567890")) : F.nullNode();
        }
        if (k < 7) {
            String t = pick(rnd, TEXTS);
            return F.textNode(MODEL_KEYS.contains(key) && t.matches("1e99999|.*\\d{5,}.*") ? "1e3" : t);
        }
        if (k == 7) {
            return F.booleanNode(rnd.nextBoolean());
        }
        if (k == 8) {
            ArrayNode a = F.arrayNode();
            int n = rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                a.add(value(rnd, key, depth - 1));
            }
            return a;
        }
        ObjectNode o = F.objectNode();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            String child = pick(rnd, KEYS);
            o.set(child, value(rnd, child, depth - 1));
        }
        return o;
    }

    private static String randomSet(SplittableRandom rnd, ObjectNode doc) {
        String key;
        List<String[]> paths = new ArrayList<>();
        collect(doc, new ArrayList<>(), paths);
        paths.removeIf(p -> String.join(".", p).contains("["));
        int k = rnd.nextInt(10);
        if (k < 6 && !paths.isEmpty()) {
            key = String.join(".", paths.get(rnd.nextInt(paths.size())));
        } else if (k < 8) {
            key = pick(rnd, SET_KEYS);
        } else {
            key = pick(rnd, KEYS) + "." + pick(rnd, KEYS);
        }
        String last = key.substring(key.lastIndexOf('.') + 1);
        String value = pick(rnd, SET_VALUES);
        if (MODEL_KEYS.contains(last) && value.matches("-?1e308|.*\\d{6,}.*|1e-320")) {
            value = "1e3";
        }
        if (COUNT_KEYS.contains(last) && value.matches("25|\\[.*")) {
            value = "1e7";
        }
        return rnd.nextInt(20) == 0 ? key : key + "=" + value;
    }

    /** Truncates the text, splices in invalid UTF-8, a NUL or a tab, or deep nesting. */
    private static byte[] corrupt(SplittableRandom rnd, byte[] b) {
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
        byte[] insert = switch (rnd.nextInt(5)) {
            case 1 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
            case 0 -> new byte[0];
            case 2 -> new byte[] {0, '\t', ':'};
            case 3 -> ("x: " + "[".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);
            default -> "\n---\nname: second\n&a x: *a\n".getBytes(StandardCharsets.UTF_8);
        };
        byte[] out = new byte[at + insert.length + (rnd.nextBoolean() ? b.length - at : 0)];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        if (out.length > at + insert.length) {
            System.arraycopy(b, at, out, at + insert.length, b.length - at);
        }
        return out;
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
