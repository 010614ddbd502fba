package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.observe.WaitingHistogram;
import qtm.report.ChromiumPage;

/** What a physicist looks at after {@code qtm run}: charts, the HTML report, and a run that behaves well. */
class RunOutputTest {
    private static final String SCENARIO = """
            name: t
            description: a small flux run
            model: {type: flux, E: 1.0, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: 100, rate: 1.0e-5}}
            initial: "00"
            time: {end: 400, points: 11}
            engines: [trajectories, collision]
            ensemble: {trajectories: 2000, seed: 5}
            collision: {dt: [2, 4]}
            """;

    @Test
    @Tag("slow")
    void runWritesChartsAndAReportThatChromiumShows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, SCENARIO);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        for (String chart : List.of("concurrence", "entanglement", "heat", "populations", "site-populations",
                "relaxation", "collision-dt",
                "waiting-times", "count-variance", "fano", "count-distribution")) {
            assertTrue(Files.size(out.resolve(chart + ".png")) > 10_000, chart + ".png");
            assertTrue(Files.readString(out.resolve(chart + ".svg")).contains("<svg"), chart + ".svg");
            byte[] pdf = Files.readAllBytes(out.resolve(chart + ".pdf"));
            assertTrue(pdf.length > 10_000 && new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("%PDF-"), chart + ".pdf");
        }
        assertEquals(3, Files.readAllLines(out.resolve("collision-dt.csv")).size());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("collision_dt").has("fitted_slope"));
        JsonNode waiting = summary.get("engines").get("trajectories").get("waiting_times");
        for (String pair : List.of("cold_cold", "hot_hot", "cold_hot")) {
            assertEquals(WaitingHistogram.BINS + 2, waiting.get(pair).get("edges").size() + 1, pair);
            assertTrue(waiting.get(pair).has("p_value"), pair);
        }
        assertTrue(summary.get("engines").get("collision").get("waiting_times").get("reason").asText()
                .contains("not judged"));
        ChromiumPage.Page page = ChromiumPage.load(out.resolve("report.html"), dir, "--dump-dom");
        assertEquals(0, page.status());
        assertTrue(page.consoleLines().isEmpty(), page.consoleLines().toString());
        assertTrue(page.dom().contains("id=\"verdicts\""));
        for (String engine : List.of("trajectories", "collision")) {
            assertTrue(page.dom().contains("<td class=\"l\">" + engine + "</td>"), engine + " row in the verdicts");
        }
        assertEquals(11, page.dom().split("<svg", -1).length - 1,
                "eleven charts inline (issue 24 added entanglement and site-populations)");
        assertTrue(page.dom().contains("seed 5"));
    }

    @Test
    @Tag("slow")
    void anEarlierResultNeedsForceAndAUsersDirectoryIsLeftAloneEvenWithIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, SCENARIO.replace("engines: [trajectories, collision]", "engines: [trajectories]"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        for (String force : List.of("--seed=1", "--force")) {
            CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", force);
            assertEquals(2, r.status());
            assertTrue(r.err().contains("not written by qtm"), r.err());
            assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        }
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no staging directory left behind");
        }
        Path result = dir.resolve("result");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", result.toString(), "--quiet").status());
        CliTest.Run again = CliTest.run("run", file.toString(), "--out", result.toString(), "--quiet");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("--force"), again.err());
        Files.delete(result.resolve("heat.png"));
        assertEquals(0, CliTest.run("run", file.toString(), "--out", result.toString(), "--quiet", "--force")
                .status());
        assertTrue(Files.exists(result.resolve("heat.png")), "replaced as a whole");
    }

    @Tag("slow")
    @Test
    void ctrlCWritesWhatWasFinishedAndExits130(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, SCENARIO.replace("trajectories: 2000", "trajectories: 1000000000")
                .replace("seed: 5", "seed: 5, time_budget_s: 600"));
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "qtm.cli.Main", "run", file.toString(), "--out",
                out.toString()));
        Path log = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Wait until the first engine is under way: the exact line is printed before it starts, and the ensemble
        // file in staging appears only at its end, so wait for the line and then for the engine's first blocks
        // (3 s: on a loaded machine 1.5 s after the line could still be the exact layer's).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("steady state") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(3000);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops promptly after SIGINT");
        assertEquals(130, p.exitValue(), Files.readString(log));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode e = summary.get("engines").get("trajectories");
        assertEquals("interrupted", e.get("stop_reason").asText());
        assertTrue(e.get("trajectories").asLong() > 0 && e.get("trajectories").asLong() < 1_000_000_000L);
        assertFalse(summary.get("engines").has("collision"), "engines after the interrupt do not start");
        assertEquals("interrupted", summary.get("stop_reason").asText());
        // ... and are named, with the reason, in summary.json, on the console and in the report.
        // The collision engine and both points of its Δt study.
        assertEquals(List.of("collision", "collision-dt2.0", "collision-dt4.0"),
                summary.get("skipped").findValuesAsText("ensemble"), summary.get("skipped").toString());
        for (JsonNode x : summary.get("skipped")) {
            assertEquals("interrupted", x.get("reason").asText());
        }
        assertTrue(Files.readString(log).matches("(?s).*collision +skipped \\(interrupted: Ctrl-C or SIGTERM.*"),
                Files.readString(log));
        assertTrue(Files.readString(out.resolve("report.html")).contains("collision (interrupted: Ctrl-C or SIGTERM"));
        assertTrue(Files.exists(out.resolve("report.html")));
        assertTrue(Files.exists(out.resolve("timeseries-trajectories.csv")));
    }

    @Test
    void progressBarShowsCountRateAndEta() {
        ProgressBar bar = new ProgressBar(System.err, false, "trajectories");
        String line = bar.line(500, 2000, 2.0);
        assertTrue(line.contains("500/2000"), line);
        assertTrue(line.contains("250 traj/s"), line);
        assertTrue(line.contains("ETA 6s"), line);
    }
}
