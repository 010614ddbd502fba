package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, point 1: each data-loss case measured on qtm 0.1.0 is a test here — a sweep into a directory of the
 * user's, {@code --out ""} and {@code --out .} with {@code --force}, --force on a result the user added to, two runs
 * at one target, and what killed or terminated runs leave behind. Other refused paths are in the bad-input corpus
 * (output.yaml).
 */
class OutputSafetyTest {
    private static final String SMALL = """
            name: t
            model: {type: flux, E: 1.0, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: 100, rate: 1.0e-5}}
            time: {end: 400, points: 11}
            engines: [trajectories]
            ensemble: {trajectories: 400, seed: 5}
            """;
    /** A run that lasts until it is stopped. */
    private static final String ENDLESS = SMALL.replace("trajectories: 400, seed: 5",
            "trajectories: 1000000000, seed: 5, time_budget_s: 600");
    private static final String SWEEP = """
            name: small
            model: {type: reset, g: 1.0e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.0e-3}}
            optimize: {starts: 2}
            sweep:
              kind: curves
              x: {key: Th, from: 0.5, to: 100, points: 3, scale: log}
              series: {key: Tc, values: [0.0]}
              plot: [concurrence]
            """;

    private static Set<String> entries(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void sweepIntoAnExistingDirectoryOfTheUsersDeletesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("small.yaml"), SWEEP);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("index.html"), "<p>my thesis</p>");
        for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
            List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", docs.toString()));
            args.addAll(extra);
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), r.out() + r.err());
            assertTrue(r.err().contains("--out = " + docs) && r.err().contains("not written by qtm"), r.err());
            assertEquals(Set.of("index.html"), entries(docs));
            assertEquals("<p>my thesis</p>", Files.readString(docs.resolve("index.html")));
        }
        assertEquals(Set.of("docs", "small.yaml"), entries(dir));
    }

    @Test
    void forceNeverReplacesAResultTheUserAddedTo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), SMALL);
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet").status());
        Files.writeString(out.resolve("analysis.py"), "print('mine')");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(2, r.status());
        assertTrue(r.err().contains(out.resolve("analysis.py").toString()) && r.err().contains("even with --force"),
                r.err());
        assertEquals("print('mine')", Files.readString(out.resolve("analysis.py")));
        assertTrue(Files.exists(out.resolve("summary.json")), "the earlier result is untouched");
    }

    /** {@code --out ""} and {@code --out .} with --force, run where the scenario file is, as a user would. */
    @Test
    void emptyPathAndDotAreRefusedAndTheScenarioSurvives(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), SMALL);
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}");
        for (String out : List.of("", ".")) {
            Path log = dir.resolve("../" + dir.getFileName() + ".log");
            Process p = qtm(dir, log, "", "run", "t.yaml", "--out", out, "--force", "--quiet");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(log);
            Files.delete(log);
            assertEquals(2, p.exitValue(), text);
            assertTrue(text.contains("--out = ") && text.contains("current directory"), text);
            assertEquals(Set.of("t.yaml", "thesis.tex"), entries(dir), "--out '" + out + "'");
        }
    }

    @Test
    void ofTwoRunsStartedTogetherExactlyOneWinsAndTheOtherWritesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), SMALL);
        Path out = dir.resolve("out");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CliTest.Run>> runs = new ArrayList<>();
        for (String seed : List.of("11", "22")) {
            runs.add(pool.submit(() -> {
                start.await();
                return CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", "--seed", seed,
                        "--threads", "1");
            }));
        }
        List<String> winners = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CliTest.Run r = runs.get(i).get(120, TimeUnit.SECONDS);
            if (r.status() == 0) {
                winners.add(i == 0 ? "11" : "22");
            } else {
                assertEquals(2, r.status(), r.err());
                why.add(r.err());
            }
        }
        pool.shutdown();
        assertEquals(1, winners.size(), why.toString());
        assertTrue(why.get(0).contains("another qtm run (pid ") || why.get(0).contains("pass --force"), why.get(0));
        assertEquals(winners.get(0), new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("seed")
                .asText(), "the result is the winner's, whole");
        assertEquals(Set.of("out", "t.yaml"), entries(dir));
    }

    @Test
    @Tag("slow")
    void sigtermIsLikeCtrlCAndALiveRunsStagingIsLeftAloneAndFilesGetTheUmask(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), ENDLESS);
        Path small = Files.writeString(dir.resolve("small.yaml"), SMALL);
        Path parent = dir.resolve("results");
        Path out = parent.resolve("out");
        Path log = dir.resolve("log.txt");
        Process p = qtm(dir, log, "027", "run", file.toString(), "--out", out.toString());
        try {
            awaitEngine(log);
            Path staging = parent.resolve(".out.qtm-staging");
            assertTrue(Files.isDirectory(staging), entries(parent).toString());
            CliTest.Run second = CliTest.run("run", small.toString(), "--out", out.toString(), "--quiet", "--force");
            assertEquals(2, second.status());
            assertTrue(second.err().contains("another qtm run (pid " + p.pid() + " on host "), second.err());
            assertEquals(0, CliTest.run("run", small.toString(), "--out", parent.resolve("other").toString(),
                    "--quiet").status());
            assertTrue(Files.isDirectory(staging), "a run into the same parent leaves a live owner's staging alone");
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops promptly after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(Interrupt.EXIT_TERM, p.exitValue(), Files.readString(log));
        assertEquals("interrupted", new ObjectMapper().readTree(out.resolve("summary.json").toFile())
                .get("engines").get("trajectories").get("stop_reason").asText());
        assertEquals(Set.of("other", "out"), entries(parent), "the staging directory became the result");
        // umask 027: directories rwxr-x--- (0777 & ~027), files rw-r----- (0666 & ~027), not 0700 / 0600.
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        for (String f : List.of("summary.json", "report.html", "concurrence.png", "concurrence.pdf",
                ".qtm-output")) {
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))),
                    f);
        }
    }

    @Test
    void whatAKilledRunLeftIsRemovedByTheNextRunIntoTheSameParent(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), ENDLESS);
        Path small = Files.writeString(dir.resolve("small.yaml"), SMALL);
        Path parent = dir.resolve("results");
        Path log = dir.resolve("log.txt");
        Process p = qtm(dir, log, "", "run", file.toString(), "--out", parent.resolve("killed").toString());
        try {
            awaitEngine(log);
            new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(Set.of(".killed.qtm-staging"), entries(parent), "SIGKILL leaves the staging directory");
        assertEquals(0, CliTest.run("run", small.toString(), "--out", parent.resolve("next").toString(), "--quiet")
                .status());
        assertEquals(Set.of("next"), entries(parent), "its owner is gone, so the next run removed it");
    }

    @Test
    void evolveReplacesOnlyItsOwnEarlierCsvAndWithTheUmask(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), SMALL);
        Path csv = dir.resolve("rho.csv");
        assertEquals(0, CliTest.run("evolve", file.toString(), "--csv", csv.toString()).status());
        Path reference = Files.createFile(dir.resolve("reference"));
        assertNotEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
                "this JVM's umask must let a plain file be readable by others, or the test shows nothing");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(csv),
                "the CSV gets the umask's permissions, like any file the user creates");
        String first = Files.readString(csv);
        CliTest.Run again = CliTest.run("evolve", file.toString(), "--csv", csv.toString());
        assertEquals(2, again.status());
        assertTrue(again.err().contains("--force"), again.err());
        assertEquals(0, CliTest.run("evolve", file.toString(), "--csv", csv.toString(), "--force", "--set",
                "time.points=3").status());
        assertNotEquals(first, Files.readString(csv));
        assertFalse(Files.exists(dir.resolve("rho.csv.tmp"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(Set.of("reference", "rho.csv", "t.yaml"), entries(dir), "no temporary file left");
    }

    /** Starts {@code qtm ARGS} in a new JVM in {@code cwd}, under {@code umask} if given, output to {@code log}. */
    private static Process qtm(Path cwd, Path log, String umask, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                (umask.isEmpty() ? "" : "umask " + umask + "; ") + "exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "qtm.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    /** Waits until a run has printed its exact line, i.e. its first engine is under way. */
    private static void awaitEngine(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("steady state") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(log).contains("steady state"), Files.readString(log));
        Thread.sleep(500);
    }
}
