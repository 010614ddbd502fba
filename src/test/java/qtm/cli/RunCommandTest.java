package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code qtm run}: the files and summary it writes, and clear errors for the new scenario keys. */
class RunCommandTest {
    private static final String GOOD = """
            name: t
            model: {type: flux, E: 1.0, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: 100, rate: 1.0e-5}}
            initial: "00"
            time: {end: 400, points: 11}
            engines: [trajectories, collision]
            ensemble: {trajectories: 2000, seed: 5}
            collision: {dt: 2}
            """;

    @Test
    void writesTimeseriesAndSummary(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("timeseries-trajectories.csv", "timeseries-collision.csv", "timeseries-exact.csv",
                "rho-trajectories.csv", "rho-collision.csv", "summary.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> lines = Files.readAllLines(out.resolve("timeseries-trajectories.csv"));
        assertEquals(12, lines.size());
        // t, then every column of every quantity followed by its SE
        assertEquals("t,p00,p00_se,p01,p01_se,p10,p10_se,p11,p11_se,rho_01_10_re,rho_01_10_re_se,rho_01_10_im,"
                + "rho_01_10_im_se,concurrence,concurrence_se,purity,purity_se,"
                // issue 24: the negativity of the one bipartition c|h, the pair concurrence of c,h and the
                // populations per site, functions of ρ̄ recorded with ρ's coordinates
                + "negativity_c_vs_h,negativity_c_vs_h_se,pair_concurrence_c_h,pair_concurrence_c_h_se,"
                + "population_c_0,population_c_0_se,population_c_1,population_c_1_se,"
                + "population_h_0,population_h_0_se,population_h_1,population_h_1_se,"
                + "pure_concurrence,pure_concurrence_se,"
                + "heat_cold,heat_cold_se,heat_hot,heat_hot_se,heat_cold_count,heat_cold_count_se,heat_hot_count,"
                + "heat_hot_count_se,jumps_cold,jumps_cold_se,jumps_hot,jumps_hot_se,count_cold,count_cold_se,"
                + "count_cold_var,count_cold_var_se,fano_cold,fano_cold_se,energy_cold,energy_cold_se,energy_cold_var,"
                + "energy_cold_var_se,count_hot,count_hot_se,count_hot_var,count_hot_var_se,fano_hot,fano_hot_se,"
                + "energy_hot,energy_hot_se,energy_hot_var,energy_hot_var_se", lines.get(0));
        List<String> rho = Files.readAllLines(out.resolve("rho-trajectories.csv"));
        assertEquals(12, rho.size());
        assertEquals(33, rho.get(0).split(",").length, "t and 16 coordinates with their SEs");
        assertTrue(rho.get(0).startsWith("t,rho_00_00,rho_00_00_se,"), rho.get(0));
        assertTrue(rho.get(0).endsWith(",rho_10_11_im,rho_10_11_im_se"), rho.get(0));
        String[] p0 = rho.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(p0[1]), 0, "starts in |00>");
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String engine : List.of("trajectories", "collision")) {
            JsonNode e = s.get("engines").get(engine);
            assertEquals(2000, e.get("trajectories").asLong());
            assertEquals("trajectories", e.get("stop_reason").asText());
            for (String key : List.of("max_abs_z", "p_value", "converged")) {
                assertTrue(e.has(key), key);
            }
            for (String key : List.of("concurrence", "heat_cold", "heat_hot")) {
                assertTrue(e.get("final").get(key).has("mean") && e.get("final").get(key).has("se"), key);
            }
            assertTrue(e.get("converged").asBoolean(), e.toString());
            assertEquals(consoleLine(engine, e), engineLine(r.out(), engine));
        }
        assertTrue(s.get("exact").get("steady").has("concurrence"));
    }

    /** The console line an engine should print, built from what summary.json holds. */
    private static String consoleLine(String engine, JsonNode e) {
        JsonNode c = e.get("final").get("concurrence");
        return String.format(java.util.Locale.ROOT, "%s: N=%d, stopped by count, #, C(final)=%.5f ± %.5f "
                + "(exact %.5f)%s, max|z|=%.2f, p=%.3g, %s", engine, e.get("trajectories").asLong(),
                c.get("mean").asDouble(), c.get("se").asDouble(),
                e.get("reference_final").get("concurrence").asDouble(),
                c.get("reliable").asBoolean() ? "" : ", SE unreliable", e.get("max_abs_z").asDouble(),
                e.get("p_value").asDouble(), e.get("converged").asBoolean() ? "converged" : "not converged");
    }

    /** The engine's console line, its wall time (which no file records) replaced by #. */
    private static String engineLine(String out, String engine) {
        return out.lines().filter(l -> l.startsWith(engine + ": ")).findFirst().orElse("no line for " + engine)
                .replaceFirst(", \\d+\\.\\d s, ", ", #, ");
    }

    /** A run cut short by its time budget says so in words. */
    @Test
    void theConsoleSaysWhyARunStopped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD.replace("engines: [trajectories, collision]", "engines: [trajectories]")
                .replace("trajectories: 2000, seed: 5", "trajectories: 1000000000, seed: 5, time_budget_s: 0.5"));
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(engineLine(r.out(), "trajectories").matches("trajectories: N=\\d+, stopped by time budget, #, .*"),
                r.out());
        assertTrue(r.out().startsWith("exact: steady state C="), r.out());
    }

    /**
     * Issue 8: summary.json, the console line and the report say whether the final concurrence's error bar can be
     * trusted. In the double dot with U = 300 no trajectory ever reaches the blocked |11⟩, so its error rests on an
     * unseen population; at equal temperatures every population is visited thousands of times.
     */
    @Test
    void theConcurrenceCarriesAReliabilityFlagEverywhere(@TempDir Path dir) throws Exception {
        String blocked = """
                name: blocked
                model: {type: dqd, E: 1.0, U: 300, g: 5.0e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: 5.0, rate: 1.0e-2}}
                initial: "00"
                time: {end: 500, points: 6}
                engines: [trajectories]
                ensemble: {trajectories: 4000, seed: 2}
                """;
        String equal = """
                name: equal
                model: {type: reset, E: 1.0, g: 1.6e-3, cold: {T: 0.5, rate: 1.0e-2}, hot: {T: 0.5, rate: 1.0e-2}}
                initial: "00"
                time: {end: 1000, points: 6}
                engines: [trajectories]
                ensemble: {trajectories: 4000, seed: 2}
                """;
        for (String yaml : List.of(blocked, equal)) {
            boolean expected = yaml == equal;
            Path file = dir.resolve(expected ? "equal.yaml" : "blocked.yaml");
            Files.writeString(file, yaml);
            Path out = dir.resolve(expected ? "out-equal" : "out-blocked");
            CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
            assertEquals(0, r.status(), r.err());
            JsonNode c = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("engines")
                    .get("trajectories").get("final").get("concurrence");
            assertTrue(c.get("reliable").isBoolean(), c.toString());
            assertEquals(expected, c.get("reliable").asBoolean(), c.toString());
            assertEquals(!expected, engineLine(r.out(), "trajectories").contains("), SE unreliable, "), r.out());
            String html = Files.readString(out.resolve("report.html"));
            assertTrue(html.contains("<th>SE reliable</th>"), "column in the final-values table");
            assertTrue(html.contains(expected ? "<td class=\"ok\">yes</td>" : "<td class=\"bad\">no</td>"), html);
        }
    }

    /** Issue 8: a collision step shortened to fit the grid is announced on stderr and recorded in summary.json. */
    @Test
    @Tag("slow")
    void aShortenedCollisionStepIsAnnounced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD.replace("engines: [trajectories, collision]", "engines: [collision]")
                .replace("collision: {dt: 2}", "collision: {dt: 3}"));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        // grid step 40: 14 steps of 40/14 = 2.857…
        assertTrue(r.err().contains("collision.dt = 3.0 shortened to " + 40.0 / 14), r.err());
        JsonNode c = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("engines")
                .get("collision").get("collision");
        assertEquals(40.0 / 14, c.get("dt").asDouble(), 1e-15);
        assertEquals(3.0, c.get("requested_dt").asDouble());
        assertTrue(c.get("dt_shortened").asBoolean());
        // a step that fits is not announced
        Files.writeString(file, GOOD.replace("engines: [trajectories, collision]", "engines: [collision]"));
        CliTest.Run fits = CliTest.run("run", file.toString(), "--out", dir.resolve("fits").toString(), "--quiet");
        assertEquals(0, fits.status(), fits.err());
        assertFalse(fits.err().contains("shortened"), fits.err());
        assertFalse(new ObjectMapper().readTree(dir.resolve("fits").resolve("summary.json").toFile()).get("engines")
                .get("collision").get("collision").get("dt_shortened").asBoolean());
    }

    /**
     * Issue 13: summary.json states its format and every setting the run applied, defaults included, and the report
     * shows the same; the values expected are the scenario's keys and the defaults the guide names
     * (src/site/markdown/reading-a-run.md, "Provenance").
     */
    @Test
    void summaryStatesEveryEffectiveSettingWithItsDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD.replace("collision: {dt: 2}", "collision: {dt: [3, 2]}")
                .replace("initial: \"00\"\n", ""));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", "--trajectories",
                "300", "--threads", "1");
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("qtm-summary/2", s.get("format").asText());
        assertEquals("format", s.fieldNames().next(), "the format comes first");
        JsonNode set = s.get("settings");
        assertEquals("[\"trajectories\",\"collision\"]", set.get("engines").toString());
        // --trajectories applies to every ensemble, the Δt-study points included
        assertEquals("{\"trajectories\":300,\"collision\":300,\"collision-dt" + 40.0 / 14
                + "\":300,\"collision-dt2.0\":300}", set.get("trajectories").toString());
        assertEquals(5, set.get("seed").asLong());
        assertEquals(0.0, set.get("target_se").asDouble(), "off by default");
        assertEquals(60.0, set.get("time_budget_s").asDouble(), "the default budget");
        assertEquals("{\"end\":400.0,\"points\":11,\"step\":40.0}", set.get("grid").toString());
        assertEquals("00", set.get("initial").asText(), "the default initial state");
        JsonNode c = set.get("collision");
        assertEquals("steps", c.get("sampling").asText(), "the flux model's default sampling");
        assertEquals(3.0, c.get("dt").get(0).get("requested").asDouble());
        assertEquals(40.0 / 14, c.get("dt").get(0).get("used").asDouble(), 1e-15);
        assertEquals(14, c.get("dt").get(0).get("steps_per_point").asInt());
        assertEquals(2.0, c.get("dt").get(1).get("used").asDouble());
        assertEquals(0, set.get("records").asLong());
        JsonNode run = s.get("this_run");
        for (String key : List.of("qtm_version", "commit", "command_line", "working_directory", "started", "host",
                "java", "threads", "engines")) {
            assertTrue(run.hasNonNull(key), key + " in " + run);
        }
        assertEquals(System.getProperty("java.version"), run.get("java").asText().split(" ")[1]);
        assertEquals("[\"qtm\",\"run\",\"" + file + "\",\"--out\",\"" + out + "\",\"--quiet\","
                + "\"--trajectories\",\"300\",\"--threads\",\"1\"]", run.get("command_line").toString());
        assertEquals(300, run.get("engines").get("collision").get("trajectories_run").asLong());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<td class=\"l\">collision.dt[0].requested</td><td class=\"l\">3.0</td>"), html);
        assertTrue(html.contains("<td class=\"l\">time_budget_s</td><td class=\"l\">60.0</td>"), html);
        assertTrue(html.contains("<td class=\"l\">commit</td><td class=\"l\">" + run.get("commit").asText()
                + "</td>"), html);
    }

    /**
     * Issue 13: an engine whose time budget was spent before it started is named as skipped, with the reason, in
     * summary.json, on the console and in the report: here the first engine uses up a budget of 5 s.
     */
    @Test
    @Tag("slow")
    void enginesStartedAfterTheBudgetAreNamedAsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD.replace("ensemble: {trajectories: 2000, seed: 5}",
                "ensemble: {trajectories: 1000000000, seed: 5, time_budget_s: 5}"));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("time_budget", s.get("engines").get("trajectories").get("stop_reason").asText());
        assertEquals(1, s.get("skipped").size(), s.get("skipped").toString());
        JsonNode x = s.get("skipped").get(0);
        assertEquals("collision", x.get("ensemble").asText());
        assertEquals("time_budget", x.get("reason").asText());
        assertTrue(x.get("why").asText().contains("time budget"), x.toString());
        assertFalse(s.get("engines").has("collision"), "a skipped engine does not run");
        assertFalse(Files.exists(out.resolve("ensemble-collision.qtme")));
        assertTrue(r.out().matches("(?s).*collision +skipped \\(time_budget: .*"), r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("id=\"skipped\"") && html.contains("collision (time_budget: "), html);
        // With the budget it needs, nothing is skipped.
        Files.writeString(file, GOOD.replace("trajectories: 2000", "trajectories: 100"));
        Path ok = dir.resolve("ok");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", ok.toString(), "--quiet").status());
        assertEquals(0, new ObjectMapper().readTree(ok.resolve("summary.json").toFile()).get("skipped").size());
        assertFalse(Files.readString(ok.resolve("report.html")).contains("id=\"skipped\""));
    }

    @Test
    @Tag("slow")
    void theSameSeedGivesTheSameBytesOnAnyThreadCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD.replace("trajectories: 2000", "trajectories: 500"));
        int[] threads = {1, 2, 4};
        Path[] outs = new Path[threads.length];
        for (int i = 0; i < threads.length; i++) {
            outs[i] = dir.resolve("out" + i);
            assertEquals(0, CliTest.run("run", file.toString(), "--out", outs[i].toString(), "--threads",
                    Integer.toString(threads[i]), "--quiet").status());
        }
        List<String> names;
        try (var files = Files.list(outs[0])) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.containsAll(List.of("summary.json", "report.html", "concurrence.png", "heat.svg", "heat.pdf",
                "timeseries-trajectories.csv", "timeseries-collision.csv")), names.toString());
        for (int i = 1; i < threads.length; i++) {
            for (String name : names) {
                if (name.equals(".qtm-output")) {
                    continue; // the SHA-256 of each file, so it differs exactly where this_run does
                }
                assertArrayEquals(ThisRunParts.withoutThisRun(name, Files.readAllBytes(outs[0].resolve(name))),
                        ThisRunParts.withoutThisRun(name, Files.readAllBytes(outs[i].resolve(name))),
                        name + " differs between 1 and " + threads[i] + " threads");
            }
        }
        // What does differ is where it belongs: the thread count and the command line are in this_run.
        for (int i = 0; i < threads.length; i++) {
            JsonNode thisRun = new ObjectMapper().readTree(outs[i].resolve("summary.json").toFile()).get("this_run");
            assertEquals(threads[i], thisRun.get("threads").asInt());
            assertTrue(thisRun.get("command_line").toString().contains("\"--threads\",\"" + threads[i] + "\""),
                    thisRun.toString());
            assertTrue(Files.readString(outs[i].resolve("report.html")).contains("<td class=\"l\">threads</td>"
                    + "<td class=\"l\">" + threads[i] + "</td>"), "the report shows the thread count");
        }
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(GOOD.replace("engines: [trajectories, collision]", "engines: [lasers]"), "engines",
                        "lasers"),
                Arguments.of(GOOD.replace("engines: [trajectories, collision]", "engines: []"), "engines", "[]"),
                Arguments.of(GOOD.replace("engines: [trajectories, collision]", "engines: [collision, collision]"),
                        "engines", "collision"),
                Arguments.of(GOOD.replace("trajectories: 2000", "trajectories: 0"), "ensemble.trajectories", "0"),
                Arguments.of(GOOD.replace("trajectories: 2000", "trajectories: 1.5"), "ensemble.trajectories", "1.5"),
                Arguments.of(GOOD.replace("seed: 5", "seed: x"), "ensemble.seed", "x"),
                Arguments.of(GOOD.replace("seed: 5", "target_se: -1"), "ensemble.target_se", "-1"),
                Arguments.of(GOOD.replace("seed: 5", "time_budget_s: 0"), "ensemble.time_budget_s", "0"),
                Arguments.of(GOOD.replace("seed: 5", "threads: 4"), "ensemble.threads", "4"),
                Arguments.of(GOOD.replace("dt: 2", "dt: 0"), "collision.dt", "0"),
                Arguments.of(GOOD.replace("dt: 2", "dt: 1000").replace("end: 400, points: 11", "end: 4000, points: 2"),
                        "collision.dt", "pi/2"),
                Arguments.of(GOOD.replace("dt: 2", "step: 2"), "collision.step", "2"),
                Arguments.of(GOOD.replace("dt: 2", "dt: []"), "collision.dt", "[]"),
                Arguments.of(GOOD.replace("points: 11", "points: 100002"), "time.points", "100002"),
                Arguments.of(GOOD.replace("dt: 2", "dt: [1, -1]"), "collision.dt", "[1, -1]"),
                Arguments.of(GOOD.replace("dt: 2", "dt: [1, 1]"), "collision.dt", "[1, 1]"),
                Arguments.of(GOOD.replace("dt: 2", "dt: [1, x]"), "collision.dt[1]", "x"));
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--threads", "0"), "--threads", "0"),
                Arguments.of(List.of("--trajectories", "0"), "--trajectories", "0"),
                Arguments.of(List.of("--trajectories", "many"), "--trajectories", "many"),
                Arguments.of(List.of("--seed", "1.5"), "--seed", "1.5"),
                Arguments.of(List.of("--out", "/proc/qtm-cannot-write-here"), "--out", "/proc/qtm-cannot-write-here"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badRunOptionsAreExit2(List<String> options, String key, String value, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, GOOD);
        List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--quiet"));
        if (!options.contains("--out")) {
            args.addAll(List.of("--out", dir.resolve("out").toString()));
        }
        args.addAll(options);
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(key) && r.err().contains(value), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @ParameterizedTest
    @MethodSource("bad")
    void badRunKeysAreExit2WithOneClearLine(String yaml, String key, String value, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.status(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(key), "names " + key + ": " + err);
        assertTrue(err.contains(value), "shows " + value + ": " + err);
        assertFalse(Files.exists(out), "nothing written");
    }
}
