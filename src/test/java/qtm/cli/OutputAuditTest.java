package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.input.Quote;

/**
 * Issue 22, the cases the bad-input corpus cannot express (symbolic links, FIFOs, leftovers with old times, non-UTF-8
 * bytes, a real result to extend): each sets them up, runs the command in-process and checks the exit status, the
 * message, and that every file that was there before is unchanged (hashes before and after).
 */
class OutputAuditTest {
    private static final String TINY = "name: t\n"
            + "model: {type: reset, g: 1.6e-3, cold: {T: 0, rate: 1e-2}, hot: {T: inf, rate: 1.1e-3}}\n"
            + "time: {end: 10, points: 3}\nengines: [trajectories]\nensemble: {trajectories: 10}\n";

    @Test
    void slurmWritesItsScriptsNeitherThroughALinkNorOverAUsersTemporaryName(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(dir.resolve(".o.array.sbatch.tmp"), victim);
        Files.writeString(dir.resolve(".o.merge.sbatch.tmp"), "my own file\n");
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run("slurm", SlurmScriptTest.FILE, "--shards", "2", "--out", dir.resolve("o")
                .toString());
        assertEquals(0, r.status(), r.err());
        Map<String, String> after = snapshot(dir);
        before.forEach((k, v) -> assertEquals(v, after.get(k), k + " unchanged"));
        assertTrue(Files.readString(dir.resolve("o.array.sbatch")).startsWith("#!/bin/bash"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(),
                    "no temporary file of qtm's left behind");
        }
    }

    @Test
    void slurmRefusesAScriptOfNonUtf8BytesWithExitTwo(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("o.array.sbatch"), new byte[] {'#', '!', (byte) 0xff, (byte) 0xfe, '\n'});
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run("slurm", SlurmScriptTest.FILE, "--shards", "2", "--out", dir.resolve("o")
                .toString());
        assertRefused(r, "o.array.sbatch was edited by hand");
        assertEquals(before, snapshot(dir), "nothing written");
    }

    @Test
    void slurmNeverReplacesALinkAtAScriptPathEvenWithForce(@TempDir Path dir) throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.sh"), "echo mine\n");
        Files.createSymbolicLink(dir.resolve("o.merge.sbatch"), mine);
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run("slurm", SlurmScriptTest.FILE, "--shards", "2", "--out", dir.resolve("o")
                .toString(), "--force");
        assertRefused(r, "o.merge.sbatch exists and is not a regular file");
        assertEquals(before, snapshot(dir), "nothing written");
    }

    @Test
    void slurmWritesAPercentOfTheOutputPathAsDoublePercentInSbatchLines(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("slurm", SlurmScriptTest.FILE, "--shards", "2", "--out", dir.resolve("run%a")
                .toString());
        assertEquals(0, r.status(), r.err());
        String array = Files.readString(dir.resolve("run%a.array.sbatch"));
        assertTrue(array.contains("#SBATCH --output=" + dir.toString().replace("%", "%%") + "/run%%a.logs/shard-%a.out"),
                array);
        String merge = Files.readString(dir.resolve("run%a.merge.sbatch"));
        assertTrue(merge.contains("#SBATCH --output=" + dir + "/run%%a.logs/merge.out"), merge);
        assertTrue(merge.contains("--out '" + dir.resolve("run%a") + "'"), "the shell line keeps the path as it is");
    }

    @Test
    void tenThousandShardsWithALongPathGiveAMergeThatFitsTheArgumentLimit(@TempDir Path dir) throws Exception {
        Path deep = dir;
        for (int i = 0; i < 6; i++) {
            deep = deep.resolve("a-rather-long-directory-name-to-make-every-shard-path-long-" + i);
        }
        Path out = deep.resolve("result");
        CliTest.Run r = CliTest.run("slurm", SlurmScriptTest.FILE, "--shards", "10000", "--trajectories", "10000",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Path script = deep.resolve("result.merge.sbatch");
        List<String> lines = Files.readAllLines(script);
        String exec = lines.stream().filter(l -> l.startsWith("exec ")).findFirst().orElseThrow();
        assertTrue(exec.contains(" merge @/dev/stdin ") && exec.length() < 16_384, exec);
        int from = lines.indexOf(exec) + 1;
        int to = lines.indexOf("QTM_SHARD_LIST");
        assertEquals(10_000, to - from, "one shard per line of the here document");
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getInputStream().readAllBytes()));
        // The list is read by picocli as an argument file: merge then sees the shards (none ran, so it says so).
        Path list = Files.write(dir.resolve("list"), lines.subList(from, to));
        CliTest.Run m = CliTest.run("merge", "@" + list, "--out", dir.resolve("merged").toString());
        assertRefused(m, "DIR = " + dir.toString().substring(0, 20));
        assertTrue(m.err().contains("holds no " + qtm.output.ShardRecord.FILE), m.err());
    }

    @Test
    void aUsersDirectoryNamedLikeAStagingDirectoryIsNeverDeletedEvenWhenOld(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), TINY);
        Path staging = leftover(dir.resolve(".res.qtm-staging"));
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run("run", scenario.toString(), "--out", dir.resolve("res").toString(), "--force");
        assertRefused(r, staging + " exists and carries no claim of a qtm run");
        assertEquals(before, snapshot(dir), "nothing written, nothing deleted");
    }

    @Test
    void leftoversWithoutQtmsClaimAreLeftAloneByARunBesideThem(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), TINY);
        leftover(dir.resolve(".other.qtm-staging"));
        leftover(dir.resolve(".other.qtm-trash-0123"));
        // Before issue 22 a run moved this onto the missing target "gone" as if it were a result it had set aside.
        leftover(dir.resolve(".gone.qtm-replaced"));
        // A claim of the right header but not of qtm's exact content proves nothing either.
        Path forged = leftover(dir.resolve(".forged.qtm-trash-1"));
        Files.writeString(forged.resolve(".qtm-claim"), "qtm-claim 1\nid=1\npid=1\nhost=h\n");
        Files.setLastModifiedTime(forged.resolve(".qtm-claim"), Files.getLastModifiedTime(forged.resolve("thesis.tex")));
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run("run", scenario.toString(), "--out", dir.resolve("res").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        Map<String, String> after = snapshot(dir);
        assertAll(before.keySet().stream().map(k -> () -> assertEquals(before.get(k), after.get(k), k)));
        assertFalse(Files.exists(dir.resolve("gone")), "the user's directory was not taken for a result");
    }

    @Test
    void extendRefusalsNameExtendAndSayTheCountOnce(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), TINY);
        Path res = dir.resolve("res");
        assertEquals(0, CliTest.run("run", scenario.toString(), "--out", res.toString(), "--quiet").status());
        Map<String, String> before = snapshot(dir);
        CliTest.Run fewer = CliTest.run("run", scenario.toString(), "--extend", res.toString(), "--trajectories",
                "5");
        assertRefused(fewer, "--trajectories = 5: expected a new total > 10: " + res
                + " already holds that many of engine trajectories");
        assertFalse(fewer.err().contains("trajectories trajectories"), fewer.err());
        Files.writeString(res.resolve("notes.txt"), "mine\n");
        before = snapshot(dir);
        CliTest.Run foreign = CliTest.run("run", scenario.toString(), "--extend", res.toString(), "--trajectories",
                "20");
        assertRefused(foreign, "--extend = " + res + ": holds " + res.resolve("notes.txt"));
        assertFalse(foreign.err().contains("--out"), foreign.err());
        assertEquals(before, snapshot(dir), "nothing written");
    }

    @Test
    void aFifoGivenAsTheScenarioIsNamedAsSuchWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("scenario.yaml");
        boolean made;
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            made = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made, "mkfifo is not available here, so no FIFO can be made: skipped");
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliTest.run("steady", fifo.toString()), "a FIFO must not be opened (it would block)");
        assertRefused(r, "is not a regular file");
        assertFalse(r.err().contains("no such file"), r.err());
    }

    @Test
    void aSymbolicLinkLoopGivenAsTheScenarioIsNamedAsSuch(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run("steady", a.toString());
        assertRefused(r, a + ": (file) = " + a + ": is a symbolic link loop");
        assertEquals(before, snapshot(dir));
    }

    @Test
    void quoteCutsAt80CodePointsAndEscapesControlsAndBidi() {
        assertEquals("a".repeat(80), Quote.of("a".repeat(80)));
        assertEquals("a".repeat(80) + "…", Quote.of("a".repeat(81)));
        // A code point outside the BMP counts once and is never cut in half.
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(80) + "…", Quote.of(emoji.repeat(100)));
        assertEquals("x\\u202ey\\u000a\\u0085\\u200e\\u2066z", Quote.of("x\u202Ey\n\u0085\u200E\u2066z"));
        assertEquals("plain – é", Quote.of("plain – é"));
        CliTest.Run r = CliTest.run("steady", "no-such-\u202Efile.yaml");
        assertEquals(2, r.status());
        assertFalse(r.err().contains("\u202E"), "no raw bidi override on stderr: " + r.err());
    }

    /** A user's directory of a qtm-like name holding a file, last modified an hour ago (long past any heartbeat). */
    private static Path leftover(Path d) throws IOException {
        Files.createDirectories(d);
        Files.writeString(d.resolve("thesis.tex"), "my thesis\n");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(d.resolve("thesis.tex"), old);
        Files.setLastModifiedTime(d, old);
        return d;
    }

    private static void assertRefused(CliTest.Run r, String part) {
        String err = r.err().strip();
        assertEquals(2, r.status(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("qtm: ") && err.contains(part), "'" + part + "' in: " + err);
    }

    /**
     * Every entry under dir, links not followed: a file's SHA-256, a link's target, "/" for a directory, "other" for
     * a FIFO (never opened).
     */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, "/");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p));
                } else {
                    m.put(rel, "other");
                }
            }
        }
        return m;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
