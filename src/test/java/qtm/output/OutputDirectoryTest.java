package qtm.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.input.InputException;

/** The output rule: what may be replaced, exclusive claims, and the removal of what dead runs left behind. */
class OutputDirectoryTest {
    private static Set<String> entries(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A finished qtm result with one file, as a user would have it from an earlier run. */
    private static Path result(Path target) throws Exception {
        try (OutputDirectory out = OutputDirectory.open(target, false)) {
            Files.writeString(out.file("a.csv"), "x\n");
            out.commit();
        }
        return target;
    }

    private static String refusal(Path target, boolean force, Path scenario) {
        return assertThrows(InputException.class, () -> OutputDirectory.open(target, force, scenario).close())
                .getMessage();
    }

    @Test
    void nothingIsVisibleUntilCommit(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("run");
        try (OutputDirectory out = OutputDirectory.open(target, false)) {
            Files.writeString(out.file("a.csv"), "x\n");
            assertFalse(Files.exists(target));
            out.commit();
        }
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(Set.of("run"), entries(dir), "no staging directory left");
        assertEquals(Set.of("a.csv", OutputManifest.FILE), entries(target), "the claim is gone, the marker is there");
    }

    @Test
    void abandonedRunLeavesNothing(@TempDir Path dir) throws Exception {
        try (OutputDirectory out = OutputDirectory.open(dir.resolve("run"), false)) {
            Files.writeString(out.file("a.csv"), "x\n");
        }
        assertEquals(Set.of(), entries(dir));
    }

    @Test
    void anEarlierQtmResultIsReplacedOnlyWithForce(@TempDir Path dir) throws Exception {
        Path target = result(dir.resolve("run"));
        String m = refusal(target, false, null);
        assertTrue(m.contains("--out = " + target) && m.contains("pass --force"), m);
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        try (OutputDirectory out = OutputDirectory.open(target, true)) {
            Files.writeString(out.file("new.csv"), "new\n");
            out.commit();
        }
        assertTrue(Files.exists(target.resolve("new.csv")));
        assertFalse(Files.exists(target.resolve("a.csv")));
        assertEquals(Set.of("run"), entries(dir), "the old result is deleted, nothing left beside it");
    }

    @Test
    void aFileTheUserAddedIsNeverReplacedEvenWithForce(@TempDir Path dir) throws Exception {
        Path target = result(dir.resolve("run"));
        Files.writeString(target.resolve("notes.txt"), "my notes");
        for (boolean force : new boolean[] {false, true}) {
            String m = refusal(target, force, null);
            assertTrue(m.contains(target.resolve("notes.txt").toString()) && m.contains("did not write"), m);
        }
        assertEquals("my notes", Files.readString(target.resolve("notes.txt")));
        assertEquals(Set.of("run"), entries(dir));
    }

    @Test
    void aFileTheUserChangedIsNeverReplacedEvenWithForce(@TempDir Path dir) throws Exception {
        Path target = result(dir.resolve("run"));
        Files.writeString(target.resolve("a.csv"), "edited by hand\n");
        String m = refusal(target, true, null);
        assertTrue(m.contains(target.resolve("a.csv").toString()), m);
        assertEquals("edited by hand\n", Files.readString(target.resolve("a.csv")));
    }

    @Test
    void aDirectoryWithoutTheMarkerIsNeverReplacedButAnEmptyOneIsWithForce(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("index.html"), "<p>mine</p>");
        String m = refusal(docs, true, null);
        assertTrue(m.contains("was not written by qtm") && m.contains(".qtm-output"), m);
        assertEquals("<p>mine</p>", Files.readString(docs.resolve("index.html")));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(refusal(empty, false, null).contains("--force"));
        try (OutputDirectory out = OutputDirectory.open(empty, true)) {
            Files.writeString(out.file("a.csv"), "x\n");
            out.commit();
        }
        assertTrue(Files.exists(empty.resolve("a.csv")));
    }

    @Test
    void pathsThatHoldTheUsersWorkAreRefused(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(Files.createDirectories(dir.resolve("study")).resolve("s.yaml"), "name: s");
        Path cwd = Path.of("").toAbsolutePath();
        Path plain = Files.writeString(dir.resolve("plain.txt"), "mine");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectories(dir.resolve("real")));
        Object[][] cases = {
            {Path.of(""), "empty path"},
            {Path.of("."), "current directory"},
            {cwd, "current directory"},
            {Path.of(".."), "current directory"},
            {cwd.getRoot().resolve(cwd.getName(0)), "current directory"},
            {Path.of("/"), "root directory"},
            {Path.of(System.getProperty("user.home")), "home directory"},
            {scenario.getParent(), "scenario file"},
            {dir, "scenario file"},
            {scenario.getParent().resolve("."), "scenario file"},
            {link, "symbolic link"},
            {scenario, "scenario file"},
            {plain, "not a directory"},
        };
        for (Object[] c : cases) {
            String m = refusal((Path) c[0], true, scenario);
            assertTrue(m.contains((String) c[1]), c[0] + ": " + m);
            assertTrue(m.startsWith("command line (scenario " + scenario + "): --out = "), m);
        }
        assertEquals(Set.of("study", "link", "real", "plain.txt"), entries(dir), "nothing written");
        assertEquals(Set.of("s.yaml"), entries(scenario.getParent()));
    }

    @Test
    void ofManyRunsStartedTogetherExactlyOneClaimsTheTarget(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("run");
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        CyclicBarrier opened = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tag = Integer.toString(i);
            outcomes.add(pool.submit(() -> {
                start.await();
                OutputDirectory out;
                try {
                    out = OutputDirectory.open(target, false);
                } catch (InputException e) {
                    opened.await();
                    return e.getMessage();
                }
                // Hold the claim until every other run has tried.
                opened.await();
                try (out) {
                    Files.writeString(out.file("who"), tag);
                    out.commit();
                }
                return "won " + tag;
            }));
        }
        List<String> won = new ArrayList<>();
        for (Future<String> f : outcomes) {
            String r = f.get(60, TimeUnit.SECONDS);
            if (r.startsWith("won ")) {
                won.add(r.substring(4));
            } else {
                assertTrue(r.contains("another qtm run (pid " + ProcessHandle.current().pid()), r);
            }
        }
        pool.shutdown();
        assertEquals(1, won.size(), won.toString());
        assertEquals(won.get(0), Files.readString(target.resolve("who")));
        assertEquals(Set.of("run"), entries(dir));
    }

    /** A staging directory as a run of this process left it, with its claim rewritten by {@code edit}. */
    private static Path fakeStaging(Path parent, String name, java.util.function.UnaryOperator<String> edit,
            Instant heartbeat) throws Exception {
        Path staging = Files.createDirectories(parent.resolve("." + name + ".qtm-staging"));
        Files.writeString(staging.resolve("half.csv"), "t,p00\n");
        Path claim = staging.resolve(OutputClaim.FILE);
        OutputClaim.mine(name).create(claim);
        Files.writeString(claim, edit.apply(Files.readString(claim)));
        Files.setLastModifiedTime(claim, FileTime.from(heartbeat));
        return staging;
    }

    private static String replaceLine(String claim, String key, String value) {
        return claim.replaceAll("(?m)^" + key + "=.*$", key + "=" + value);
    }

    @Test
    void stagingOfDeadOwnersIsRemovedAndOfLiveOnesKept(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Instant now = Instant.now();
        Instant old = now.minus(OutputClaim.STALE_AFTER).minusSeconds(60);
        Path deadPid = fakeStaging(dir, "dead", c -> replaceLine(c, "pid", Long.toString(dead)), now);
        Path reused = fakeStaging(dir, "reused", c -> replaceLine(c, "start", "ticks:1"), now);
        Path alive = fakeStaging(dir, "alive", c -> c, old);
        Path farOld = fakeStaging(dir, "far-old", c -> replaceLine(c, "host", "elsewhere.example"), old);
        Path farFresh = fakeStaging(dir, "far-fresh", c -> replaceLine(c, "host", "elsewhere.example"), now);
        Path torn = fakeStaging(dir, "torn", c -> c.substring(0, 5), old);
        Path starting = fakeStaging(dir, "starting", c -> "", now);
        assertTrue(OutputClaim.startToken(dead).isEmpty(), "the finished process is gone");

        result(dir.resolve("another"));

        Set<String> left = entries(dir);
        for (Path gone : List.of(deadPid, reused, farOld)) {
            assertFalse(left.contains(gone.getFileName().toString()), gone + " should be removed: " + left);
        }
        // Issue 22: a torn claim proves nothing, so that directory may be the user's and is kept like a live one's.
        for (Path kept : List.of(alive, farFresh, starting, torn)) {
            assertTrue(Files.exists(kept.resolve("half.csv")), kept + " belongs to a live owner or is not proven qtm's");
        }
        assertEquals(Set.of("another", alive.getFileName().toString(), farFresh.getFileName().toString(),
                starting.getFileName().toString(), torn.getFileName().toString()), left, "nothing else left behind");
    }

    @Test
    void aLiveOwnersStagingBlocksItsTargetAndADeadOnesDoesNot(@TempDir Path dir) throws Exception {
        fakeStaging(dir, "mine", c -> c, Instant.now());
        String m = refusal(dir.resolve("mine"), false, null);
        assertTrue(m.contains("another qtm run (pid " + ProcessHandle.current().pid()), m);
        fakeStaging(dir, "theirs", c -> replaceLine(c, "start", "ticks:1"), Instant.now());
        result(dir.resolve("theirs"));
        assertEquals("x\n", Files.readString(dir.resolve("theirs/a.csv")));
    }

    @Test
    void aResultMovedAsideByAKilledRunIsPutBackOrDiscarded(@TempDir Path dir) throws Exception {
        // Killed between moving the old result aside and moving the new one in: the target is missing.
        // Each carries the killed run's claim, as commit() leaves it (issue 22: without one it would be the user's).
        Path aside = dir.resolve(".lost.qtm-replaced");
        Files.move(result(dir.resolve("lost")), aside);
        deadClaim(aside, "lost");
        // Killed after the new result was in place: the old one is garbage.
        result(dir.resolve("done"));
        Path done = dir.resolve(".done.qtm-replaced");
        Files.move(result(dir.resolve("tmp")), done);
        deadClaim(done, "done");
        result(dir.resolve("another"));
        assertEquals(Set.of("lost", "done", "another"), entries(dir));
        assertEquals("x\n", Files.readString(dir.resolve("lost/a.csv")));
        assertFalse(Files.exists(dir.resolve("lost").resolve(OutputClaim.FILE)), "the result put back has no claim");
    }

    /** Writes the claim of a finished (dead) process of this machine into dir, for the output {@code name}. */
    private static void deadClaim(Path dir, String name) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path claim = dir.resolve(OutputClaim.FILE);
        OutputClaim.mine(name).create(claim);
        Files.writeString(claim, replaceLine(Files.readString(claim), "pid", Long.toString(p.pid())));
    }
}
