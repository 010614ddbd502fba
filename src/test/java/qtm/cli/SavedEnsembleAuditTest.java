package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.input.Quote;

/**
 * Issue 22, saved ensembles and {@code qtm merge}: the damaged, hostile or aliased inputs the bad-input corpus
 * cannot express (binary {@code .qtme} files, symbolic links, FIFOs). Two real shards of a small run are made once;
 * each test corrupts a copy and asserts exit 2, one line naming the file and the fault, and every file unchanged.
 * The corruptions follow the format documented in {@code qtm.ensemble.SavedEnsemble}, edited here by hand.
 */
class SavedEnsembleAuditTest {
    private static final int TRAJECTORIES = 50;
    @TempDir
    static Path pristine;

    /** Shards 0/2 ([0, 25)) and 1/2 ([25, 50)) of reset-paper on a short, coarse grid, with jump records. */
    @BeforeAll
    static void shards() throws IOException {
        Path scenario = pristine.resolve("small.yaml");
        String text = Files.readString(Path.of("scenarios/reset-paper.yaml")).replaceFirst("(?m)^time: .*$",
                "time: {end: 2000, points: 21}");
        assertTrue(text.contains("points: 21"));
        Files.writeString(scenario, text);
        for (int i = 0; i < 2; i++) {
            CliTest.Run r = CliTest.run("run", scenario.toString(), "--trajectories", Integer.toString(TRAJECTORIES),
                    "--shard", i + "/2", "--records", "10", "--out", pristine.resolve("s" + i).toString(), "--quiet");
            assertEquals(0, r.status(), r.err());
        }
    }

    /** Fresh copies of both shards in dir. */
    private static void copyShards(Path dir) throws IOException {
        for (String s : List.of("s0", "s1")) {
            Path from = pristine.resolve(s);
            try (Stream<Path> w = Files.walk(from)) {
                for (Path p : w.toList()) {
                    Path to = dir.resolve(s).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
    }

    /** The first saved ensemble of a shard (every shard holds the same names). */
    private static Path qtme(Path shard) throws IOException {
        try (Stream<Path> s = Files.list(shard)) {
            return s.filter(p -> p.toString().endsWith(".qtme")).sorted().findFirst().orElseThrow();
        }
    }

    private static CliTest.Run merge(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("merge", dir.resolve("s0").toString(),
                dir.resolve("s1").toString(), "--out", dir.resolve("merged").toString()));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(new String[0]));
    }

    /** Exit 2, one line starting "qtm: ", no stack trace, holding every expected piece. */
    private static String assertRefused(CliTest.Run r, String... expect) {
        String err = r.err().strip();
        assertEquals(2, r.status(), r.out() + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("qtm: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        for (String e : expect) {
            assertTrue(err.contains(e), "'" + e + "' in: " + err);
        }
        return err;
    }

    /** Every path under dir: a SHA-256 of each regular file, the kind of anything else (links are not followed). */
    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "special"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                m.put(dir.relativize(p).toString(), kind);
            }
        }
        return m;
    }

    // The format, by hand: gzip of "QTME" · int format · long payload bytes · payload · int CRC32C.

    static byte[] inflate(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        }
    }

    static void deflate(Path f, byte[] raw) throws IOException {
        try (OutputStream out = fastGzip(Files.newOutputStream(f))) {
            out.write(raw);
        }
    }

    private static GZIPOutputStream fastGzip(OutputStream os) throws IOException {
        return new GZIPOutputStream(os, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** A format-2 file with its length and checksum made right again, as a careful hand-editor would. */
    static byte[] reseal(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        b.putLong(8, raw.length - 20L);
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, raw.length - 4);
        b.putInt(raw.length - 4, (int) crc.getValue());
        return raw;
    }

    /** Offset of the int range count: after the header, the three strings, the seed and the signature lines. */
    static int rangesAt(byte[] raw) {
        return rangesAt(raw, 16);
    }

    /** The same for a header of the given length (8 in format 1: no payload length). */
    static int rangesAt(byte[] raw, int head) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        int at = head;
        for (int i = 0; i < 3; i++) {
            at += 4 + b.getInt(at);
        }
        at += 8;
        int lines = b.getInt(at);
        at += 4;
        for (int i = 0; i < lines; i++) {
            at += 4 + b.getInt(at);
        }
        return at;
    }

    /** The raw bytes with the ranges, count and batch counts replaced (the sums after them kept). */
    static byte[] withRanges(byte[] raw, long[][] ranges, long count, long[] batchCounts) {
        int at = rangesAt(raw);
        int n = ByteBuffer.wrap(raw).getInt(at);
        int after = at + 4 + 16 * n + 8 + 8 * 32;
        ByteBuffer b = ByteBuffer.allocate(raw.length - (after - at) + 4 + 16 * ranges.length + 8 + 8 * 32);
        b.put(raw, 0, at).putInt(ranges.length);
        for (long[] r : ranges) {
            b.putLong(r[0]).putLong(r[1]);
        }
        b.putLong(count);
        long[] counts = batchCounts != null ? batchCounts : batchCounts(raw);
        for (long c : counts) {
            b.putLong(c);
        }
        b.put(raw, after, raw.length - after);
        return b.array();
    }

    static long[] batchCounts(byte[] raw) {
        int at = rangesAt(raw);
        ByteBuffer b = ByteBuffer.wrap(raw);
        int from = at + 4 + 16 * b.getInt(at) + 8;
        long[] c = new long[32];
        for (int j = 0; j < 32; j++) {
            c[j] = b.getLong(from + 8 * j);
        }
        return c;
    }

    static byte[] edit(Path f, UnaryOperator<byte[]> change) throws IOException {
        byte[] raw = change.apply(inflate(f));
        deflate(f, raw);
        return raw;
    }

    @Test
    void theShardsMergeAsTheyAre(@TempDir Path dir) throws Exception {
        copyShards(dir);
        CliTest.Run r = merge(dir);
        assertEquals(0, r.status(), r.err());
        byte[] raw = inflate(dir.resolve("merged").resolve(qtme(dir.resolve("s0")).getFileName()));
        assertEquals(2, ByteBuffer.wrap(raw).getInt(4), "format 2 written");
        assertEquals(raw.length - 20L, ByteBuffer.wrap(raw).getLong(8), "the payload length");
        long[] n = batchCounts(raw);
        // 50 trajectories: indices 0-31 in batch 0, 32-49 in batch 1.
        assertEquals(32, n[0]);
        assertEquals(18, n[1]);
    }

    @Test
    @Tag("slow")
    void aFormat1FileIsStillReadExactly(@TempDir Path dir) throws Exception {
        copyShards(dir);
        assertEquals(0, merge(dir).status());
        Path first = dir.resolve("first");
        Files.move(dir.resolve("merged"), first);
        for (String s : List.of("s0", "s1")) {
            try (Stream<Path> files = Files.list(dir.resolve(s))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".qtme")).toList()) {
                    edit(f, raw -> {
                        ByteBuffer b = ByteBuffer.allocate(raw.length - 12);
                        b.put(raw, 0, 4).putInt(1).put(raw, 16, raw.length - 20);
                        return b.array();
                    });
                }
            }
        }
        CliTest.Run r = merge(dir);
        assertEquals(0, r.status(), r.err());
        Path f = qtme(dir.resolve("s0")).getFileName();
        assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(dir.resolve("merged").resolve(f)));
        // A format-1 file is checked like any: its reversed range is refused too.
        Path s1 = qtme(dir.resolve("s1"));
        edit(s1, raw -> {
            int at = rangesAt(raw, 8);
            return ByteBuffer.wrap(raw).putLong(at + 4, 50).putLong(at + 12, 25).putLong(at + 20, -25).array();
        });
        Map<String, String> before = hashes(dir);
        assertRefused(merge(dir, "--force"), s1.toString(), "damaged", "[50, 25)");
        assertEquals(before, hashes(dir));
    }

    /** Corruptions of shard 1's [25, 50) that the old reader took with exit 0 (or exit 1). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reversed range, negative count", "range lengths overflowing to the count",
        "negative batch count", "batch sums near 2^63", "checksum", "8 MiB version", "bidi version",
        "declared length", "string bomb", "trailing bomb", "outside its planned range"})
    void aDamagedSavedEnsembleIsExit2NamingIt(String fault, @TempDir Path dir) throws Exception {
        copyShards(dir);
        Path f = qtme(dir.resolve("s1"));
        String[] expect = switch (fault) {
            case "reversed range, negative count" -> {
                edit(f, raw -> reseal(withRanges(raw, new long[][] {{50, 25}}, -25, null)));
                yield new String[] {"damaged", "[50, 25) is empty or reversed"};
            }
            case "range lengths overflowing to the count" -> {
                edit(f, raw -> reseal(withRanges(raw, new long[][] {{25, 50}, {60, Long.MIN_VALUE + 60},
                    {70, Long.MIN_VALUE + 70}}, 25, null)));
                yield new String[] {"damaged", "[60, " + (Long.MIN_VALUE + 60) + ") is empty or reversed"};
            }
            case "negative batch count" -> {
                edit(f, raw -> {
                    long[] c = batchCounts(raw);
                    c[0] += 1;
                    c[2] -= 1;
                    return reseal(withRanges(raw, new long[][] {{25, 50}}, 25, c));
                });
                yield new String[] {"damaged", "batch 0 counts"};
            }
            case "batch sums near 2^63" -> {
                // The last number of the last batch, in both shards: their merge overflowed (exit 1).
                for (Path g : List.of(f, qtme(dir.resolve("s0")))) {
                    edit(g, raw -> reseal(ByteBuffer.wrap(raw).putLong(raw.length - 12, Long.MAX_VALUE - 10)
                            .array()));
                }
                yield new String[] {"damaged", "batch 31 sum " + (Long.MAX_VALUE - 10)};
            }
            case "checksum" -> {
                edit(f, raw -> ByteBuffer.wrap(raw).putLong(raw.length - 12, 3).array());
                yield new String[] {f.toString(), "damaged", "checksum"};
            }
            case "8 MiB version" -> {
                edit(f, raw -> reseal(withVersion(raw, "v".repeat(8 << 20))));
                yield new String[] {f.toString(), "damaged", "qtm version is " + (8 << 20) + " bytes long"};
            }
            case "bidi version" -> {
                edit(f, raw -> reseal(withVersion(raw, "1.0\u202Egnp.exe\u0007" + "9".repeat(200))));
                yield new String[] {f.toString(), "written by qtm 1.0\\u202egnp.exe\\u0007999", "…"};
            }
            case "declared length" -> {
                edit(f, raw -> ByteBuffer.wrap(raw).putLong(8, 1L << 40).array());
                yield new String[] {f.toString(), "damaged", "declares " + (1L << 40) + " bytes"};
            }
            case "string bomb" -> {
                // The scenario string declares and holds 80 MiB of zeros (80 kB compressed): refused at its length.
                byte[] raw = inflate(f);
                ByteBuffer b = ByteBuffer.wrap(raw);
                int at = 16 + 4 + b.getInt(16);
                at += 4 + b.getInt(at);
                try (OutputStream out = fastGzip(Files.newOutputStream(f))) {
                    out.write(raw, 0, at);
                    out.write(ByteBuffer.allocate(4).putInt(80 << 20).array());
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 80; i++) {
                        out.write(zeros);
                    }
                }
                yield new String[] {f.toString(), "damaged", "scenario is " + (80 << 20) + " bytes long"};
            }
            case "trailing bomb" -> {
                // A whole, valid file followed by 256 MiB of zeros: never inflated beyond one byte past its end.
                byte[] raw = inflate(f);
                try (OutputStream out = fastGzip(Files.newOutputStream(f))) {
                    out.write(raw);
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 256; i++) {
                        out.write(zeros);
                    }
                }
                yield new String[] {f.toString(), "damaged"};
            }
            case "outside its planned range" -> {
                // Consistent in itself ([30, 55): 2 in batch 0, 23 in batch 1), but shard 1 plans [25, 50).
                long[] c = new long[32];
                c[0] = 2;
                c[1] = 23;
                edit(f, raw -> reseal(withRanges(raw, new long[][] {{30, 55}}, 25, c)));
                yield new String[] {f.toString(), "holds the trajectories [30, 55), outside the range [25, 50)"};
            }
            default -> throw new IllegalArgumentException(fault);
        };
        Map<String, String> before = hashes(dir);
        String err = assertRefused(merge(dir), expect);
        assertTrue(err.contains(f.toString()) || err.contains(qtme(dir.resolve("s0")).toString()), err);
        assertTrue(err.length() < 1000, "a short line: " + err.length());
        assertFalse(err.contains("\u202E") || err.contains("\u0007"), err);
        assertEquals(before, hashes(dir), "nothing written or changed");
    }

    private static byte[] withVersion(byte[] raw, String version) {
        byte[] v = version.getBytes(StandardCharsets.UTF_8);
        int old = ByteBuffer.wrap(raw).getInt(16);
        ByteBuffer b = ByteBuffer.allocate(raw.length - old + v.length);
        b.put(raw, 0, 16).putInt(v.length).put(v).put(raw, 20 + old, raw.length - 20 - old);
        return b.array();
    }

    @Test
    void aShardJsonVersionIsQuotedShortAndEscaped(@TempDir Path dir) throws Exception {
        copyShards(dir);
        Path json = dir.resolve("s1").resolve("shard.json");
        String text = Files.readString(json);
        String edited = text.replaceFirst("\"qtm_version\" *: *\"[^\"]*\"",
                "\"qtm_version\": \"\\\\u202e" + "x".repeat(8 << 20) + "\"");
        assertTrue(edited.length() > 8 << 20, "edited");
        Files.writeString(json, edited);
        Map<String, String> before = hashes(dir);
        String err = assertRefused(merge(dir), dir.resolve("s1").toString(), "written by qtm \\u202exxx", "…");
        assertTrue(err.length() < 1000, "a short line: " + err.length());
        assertEquals(before, hashes(dir));
    }

    @Test
    void quoteTruncatesAndEscapes() {
        assertEquals("a\\u202eb\\u2066c\\u200fd\\u0000e\\u0085f", Quote.of("a\u202Eb\u2066c\u200Fd\u0000e\u0085f"));
        assertEquals("y".repeat(80) + "…", Quote.of("y".repeat(81)));
        assertEquals("y".repeat(80), Quote.of("y".repeat(80)));
        // Code points, not chars: 80 emoji are kept whole.
        assertEquals("😀".repeat(80) + "…", Quote.of("😀".repeat(90)));
    }

    @Test
    void negativeRecordsInJumpsJsonIsExit2(@TempDir Path dir) throws Exception {
        copyShards(dir);
        Path json = dir.resolve("s1").resolve("jumps.json");
        String text = Files.readString(json);
        String edited = text.replaceFirst("\"records\" *: *10", "\"records\": -1");
        assertFalse(edited.equals(text), text);
        Files.writeString(json, edited);
        Map<String, String> before = hashes(dir);
        assertRefused(merge(dir), json.toString(), "\"records\" is -1, expected 1 to 10000000");
        assertEquals(before, hashes(dir));
    }

    @Test
    void extendChecksTheJumpIndexBeforeRunning(@TempDir Path dir) throws Exception {
        String scenario = pristine.resolve("small.yaml").toString();
        Path run = dir.resolve("run");
        CliTest.Run r = CliTest.run("run", scenario, "--trajectories", "40", "--records", "10", "--out",
                run.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        Path json = run.resolve("jumps.json");
        String text = Files.readString(json);
        String edited = text.replaceFirst("\"records\" *: *10", "\"records\": -1");
        assertFalse(edited.equals(text), text);
        Files.writeString(json, edited);
        Map<String, String> before = hashes(dir);
        assertRefused(CliTest.run("run", scenario, "--extend", run.toString(), "--trajectories", "60", "--quiet"),
                "--extend = " + json, "\"records\" is -1");
        assertEquals(before, hashes(dir));
    }

    @Test
    void aShardNamedThroughALinkIsNeverTheOutput(@TempDir Path dir) throws Exception {
        copyShards(dir);
        // A first merge makes s0's neighbour a qtm result that --force may replace; s0 itself is a qtm result too.
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("s0"));
        Map<String, String> before = hashes(dir);
        CliTest.Run r = CliTest.run("merge", link.toString(), dir.resolve("s1").toString(), "--out",
                dir.resolve("s0").toString(), "--force");
        assertRefused(r, "--out = " + dir.resolve("s0"), "shard directory " + link);
        assertEquals(before, hashes(dir));
        // The output lying in a shard through a linked parent.
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("s1"));
        before = hashes(dir);
        r = CliTest.run("merge", dir.resolve("s0").toString(), dir.resolve("s1").toString(), "--out",
                alias.resolve("merged").toString());
        assertRefused(r, "--out = " + alias.resolve("merged"), "shard directory " + dir.resolve("s1"));
        assertEquals(before, hashes(dir));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"qtme", "jumps.json", "scenario-as-run.json", "shard.json"})
    void aFifoInAShardIsExit2NotAHang(String name, @TempDir Path dir) throws Exception {
        copyShards(dir);
        Path f = name.equals("qtme") ? qtme(dir.resolve("s1")) : dir.resolve("s1").resolve(name);
        Files.delete(f);
        int made;
        try {
            made = new ProcessBuilder("mkfifo", f.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            made = -1;
        }
        Assumptions.assumeTrue(made == 0, "mkfifo is unavailable here, so a FIFO cannot be made: skipped");
        Map<String, String> before = hashes(dir);
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> merge(dir),
                "merge must not open a FIFO");
        assertRefused(r, f.toString(), "not a regular file");
        assertEquals(before, hashes(dir));
    }
}
