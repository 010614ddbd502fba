package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, "Behaviour does not move": the bytes of what a fixed list of commands writes are pinned, so that a
 * restructuring (packages moved, classes split) that changes any output fails here.
 *
 * <p>The list: {@code run} of reset-paper (with {@code --records}, so that the jump records' CSV, NPY and
 * jumps.json are pinned too), flux-optimum, dqd-warm-cold and collision-convergence; {@code run --shard i/3} three
 * times and their {@code merge}; {@code run} then {@code run --extend}; {@code fcs --json} (its stdout); and
 * {@code sweep} of scenarios/paper/fig2a.yaml. Sizes are cut down on the command line (trajectories, time points, a
 * coarser sweep grid), with fixed seeds, so that the whole class takes well under a minute; every run uses
 * {@code --threads 1} unless {@code -Dqtm.pin.threads=T} says otherwise (the outputs are documented to be the same on
 * any number of threads, so the pins must hold for every T).
 *
 * <p>Pinned: the SHA-256 of every {@code .csv}, {@code .json}, {@code .npy} and {@code .qtme} file in each output
 * directory, recursively, one line {@code <run>/<relative path> <sha256>} per file in
 * {@code src/test/resources/pins/outputs.txt}. Charts and the report (PNG, SVG, PDF, HTML) are not pinned, nor the
 * output marker {@code .qtm-output}, which only lists the other files' hashes. What differs between two runs of the
 * same result by design is cut before hashing, and nothing else:
 * <ul>
 * <li>JSON files lose their top-level {@code this_run} object (src/site/markdown/reading-a-run.md, "Provenance":
 * version, commit, command line, working directory, start time, wall times, host, java, os, cores, threads, a
 * merge's shards, an extension's starting point) and are hashed as a canonical re-serialisation (Jackson, key order
 * as written, numbers with their exact digits), which ignores only whitespace;</li>
 * <li>shard.json also loses {@code seconds}, {@code host} and {@code qtm_version} (a shard's wall time, machine and
 * version: a merge reports the first two in its {@code this_run});</li>
 * <li>{@code .qtme} files embed the qtm version ("dev" from classes, the jar's version from a jar) and are gzip
 * streams, whose compressed bytes depend on the JDK's zlib as well as on the data: they are hashed decoded, without
 * the version string, the payload length (which counts the version's bytes) and the trailing CRC32C (a function of
 * the rest, including the version), i.e. the engine label, the scenario as run, the seed, the quantity signature and
 * every exact sum;</li>
 * <li>the stdout of {@code fcs --json} is hashed as printed.</li>
 * </ul>
 *
 * <p><b>Re-pinning.</b> A change that alters output on purpose re-pins in its own commit and says why:
 * {@code mvn -B test -Dtest=PinnedOutputTest -Dqtm.repin=true} writes the pin file from the current code instead of
 * comparing, and then fails with "re-pinned: commit src/test/resources/pins/outputs.txt and say why" so that a
 * re-pin is never mistaken for a pass. On a mismatch the test names each file that changed, appeared or vanished.
 */
@Tag("slow")
class PinnedOutputTest {
    /** The pin file, relative to the project directory (where Maven runs the tests). */
    static final Path PINS = Path.of("src/test/resources/pins/outputs.txt");
    /** The extensions pinned; anything else (charts, report, marker) is not. */
    private static final Set<String> PINNED = Set.of(".csv", ".json", ".npy", ".qtme");
    /** Keys of shard.json that record the shard's own wall time, host and qtm version. */
    private static final Set<String> SHARD_PER_RUN = Set.of("seconds", "host", "qtm_version");
    /** The fig2a sweep on SweepRunnerTest's coarse grid: Th = 0.01, 0.316, 10, 316, 1e4 and Tc = 0, 0.1, 0.2. */
    private static final String[] COARSE_SWEEP = {"--set", "sweep.x.points=5", "--set",
        "sweep.series={key: Tc, values: [0.0, 0.1, 0.2]}"};
    /** Parses numbers as written (BigDecimal keeps "1.0E-5" and "1.00E-5" apart), keeps key order. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private final String threads = System.getProperty("qtm.pin.threads", "1");

    @Test
    void outputsAreAsPinned(@TempDir Path dir) throws Exception {
        SortedMap<String, String> actual = new TreeMap<>();
        for (String name : List.of("reset-paper", "flux-optimum", "dqd-warm-cold", "collision-convergence")) {
            Path out = dir.resolve("run-" + name);
            List<String> args = new ArrayList<>(List.of("run", "scenarios/" + name + ".yaml", "--out",
                    out.toString(), "--quiet", "--trajectories", "200", "--seed", "11", "--set", "time.points=21",
                    "--threads", threads));
            if (name.equals("reset-paper")) {
                args.addAll(List.of("--records", "5"));
            }
            ok(args.toArray(String[]::new));
            hashTree(out, actual);
        }

        Path shards = dir.resolve("shards");
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i = 0; i < 3; i++) {
            Path shard = shards.resolve("shard-" + i + "of3");
            ok("run", "scenarios/reset-paper.yaml", "--shard", i + "/3", "--out", shard.toString(), "--quiet",
                    "--trajectories", "300", "--seed", "12", "--set", "time.points=21", "--threads", threads);
            merge.add(shard.toString());
        }
        hashTree(shards, actual);
        Path merged = dir.resolve("merge-reset-paper");
        merge.addAll(List.of("--out", merged.toString()));
        ok(merge.toArray(String[]::new));
        hashTree(merged, actual);

        Path extended = dir.resolve("extend-dqd-warm-cold");
        ok("run", "scenarios/dqd-warm-cold.yaml", "--out", extended.toString(), "--quiet", "--trajectories", "120",
                "--seed", "13", "--set", "time.points=21", "--threads", threads);
        ok("run", "scenarios/dqd-warm-cold.yaml", "--extend", extended.toString(), "--quiet", "--trajectories",
                "250", "--seed", "13", "--set", "time.points=21", "--threads", threads);
        hashTree(extended, actual);

        CliTest.Run fcs = ok("fcs", "scenarios/dqd-warm-cold.yaml", "--json");
        actual.put("fcs-dqd-warm-cold/stdout.json", sha256(fcs.out().getBytes(StandardCharsets.UTF_8)));

        Path sweep = dir.resolve("sweep-fig2a");
        List<String> sweepArgs = new ArrayList<>(List.of("sweep", "scenarios/paper/fig2a.yaml", "--out",
                sweep.toString()));
        sweepArgs.addAll(List.of(COARSE_SWEEP));
        ok(sweepArgs.toArray(String[]::new));
        hashTree(sweep, actual);

        if (Boolean.getBoolean("qtm.repin")) {
            List<String> lines = new ArrayList<>(List.of("# SHA-256 of the outputs of PinnedOutputTest's runs "
                    + "(see its javadoc). Re-pin: mvn -B test -Dtest=PinnedOutputTest -Dqtm.repin=true,",
                    "# then commit this file alone and say why the output changed."));
            actual.forEach((k, v) -> lines.add(k + " " + v));
            Files.createDirectories(PINS.getParent());
            Files.write(PINS, lines, StandardCharsets.UTF_8);
            fail("re-pinned: commit " + PINS + " and say why (" + actual.size() + " files)");
        }
        assertPinned(read(PINS), actual);
    }

    /** Runs a command in-process and asserts it succeeded. */
    private static CliTest.Run ok(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.status(), String.join(" ", args) + "\n" + r.err());
        return r;
    }

    /** Compares the whole map, naming every file that changed, appeared or vanished. */
    static void assertPinned(SortedMap<String, String> expected, SortedMap<String, String> actual) {
        List<String> report = new ArrayList<>();
        Set<String> all = new TreeSet<>(expected.keySet());
        all.addAll(actual.keySet());
        for (String k : all) {
            String e = expected.get(k);
            String a = actual.get(k);
            if (e == null) {
                report.add("appeared: " + k + " " + a);
            } else if (a == null) {
                report.add("vanished: " + k);
            } else if (!e.equals(a)) {
                report.add("changed:  " + k + " " + a + " (pinned " + e + ")");
            }
        }
        if (!report.isEmpty()) {
            fail("the output moved (" + report.size() + " of " + all.size() + " files); if on purpose, re-pin with "
                    + "-Dqtm.repin=true in a commit of its own that says why:\n" + String.join("\n", report));
        }
    }

    static SortedMap<String, String> read(Path pins) throws IOException {
        assertTrue(Files.isRegularFile(pins), pins + " is missing: generate it with -Dqtm.repin=true");
        SortedMap<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(pins, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int at = line.lastIndexOf(' ');
            assertTrue(at > 0, "a pin line is '<run>/<file> <sha256>': " + line);
            assertEquals(null, m.put(line.substring(0, at), line.substring(at + 1)), "pinned twice: " + line);
        }
        return m;
    }

    /** Adds the hash of every pinned file under {@code root}, keyed by root's name and the relative path. */
    private static void hashTree(Path root, Map<String, String> into) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !PINNED.contains(name.substring(dot))) {
                continue;
            }
            String key = root.getFileName() + "/" + root.relativize(f).toString().replace('\\', '/');
            assertEquals(null, into.put(key, sha256(canonical(f))), key);
            n++;
        }
        assertTrue(n > 0, "nothing to pin in " + root);
    }

    /** The bytes hashed for a file: its content with what varies by design cut (see the class comment). */
    static byte[] canonical(Path f) throws IOException {
        String name = f.getFileName().toString();
        byte[] bytes = Files.readAllBytes(f);
        if (name.endsWith(".json")) {
            JsonNode tree = JSON.readTree(bytes);
            if (tree instanceof ObjectNode o) {
                o.remove("this_run");
                if (name.equals("shard.json")) {
                    o.remove(SHARD_PER_RUN);
                }
            }
            return JSON.writeValueAsBytes(tree);
        }
        if (name.endsWith(".qtme")) {
            return qtmeWithoutVersion(bytes);
        }
        return bytes;
    }

    /**
     * A saved ensemble decoded, without what depends on the qtm version or on zlib: see
     * {@link qtm.ensemble.SavedEnsemble} for the layout ("QTME" · int format · long payload bytes · payload · int
     * CRC32C; the payload starts with the version as an int byte count and UTF-8 bytes).
     */
    static byte[] qtmeWithoutVersion(byte[] gz) throws IOException {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            raw = in.readAllBytes();
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
        byte[] magic = new byte[4];
        in.readFully(magic);
        assertEquals("QTME", new String(magic, StandardCharsets.US_ASCII));
        int format = in.readInt();
        assertEquals(2, format, "the pin test reads format 2 only: teach qtmeWithoutVersion the new layout");
        in.readLong();
        int versionBytes = in.readInt();
        int from = 4 + 4 + 8 + 4 + versionBytes;
        assertTrue(versionBytes >= 0 && from <= raw.length - 4, "a damaged .qtme");
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        out.write(magic);
        out.write(raw, 4, 4);
        out.write(raw, from, raw.length - 4 - from);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
