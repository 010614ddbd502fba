package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.report.ChromiumPage;

/**
 * The interactive report of a small real run in headless chromium: uPlot's legend shows a hovered value with its SE,
 * a drag zooms the time axis and a double-click resets it, with no console error; every file of the run is linked;
 * each engine's exact reference is named. The page's #selftest hook sends real mouse events to the first chart
 * (concurrence) and writes what uPlot then shows into pre#qtm-selftest.
 */
@Tag("slow")
class InteractiveReportTest {
    private static final String SCENARIO = """
            name: live
            description: a small reset run for the interactive report
            model: {type: reset, E: 1.0, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.1e-3}}
            initial: "00"
            time: {end: 2000, points: 41}
            engines: [trajectories, collision]
            ensemble: {trajectories: 600, seed: 3}
            collision: {dt: 2}
            """;
    private static final Path SHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void run() throws Exception {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, SCENARIO);
        out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
    }

    private static ChromiumPage.Page open(String fragment, String... extra) throws Exception {
        String[] args = Stream.concat(Stream.of("--virtual-time-budget=5000", "--window-size=1280,900",
                "--hide-scrollbars"), Stream.of(extra)).toArray(String[]::new);
        java.net.URI page = out.resolve("report.html").toUri();
        ChromiumPage.Page p = ChromiumPage.load(fragment.isEmpty() ? page : page.resolve(fragment), dir, args);
        assertEquals(0, p.status());
        assertTrue(p.consoleLines().isEmpty(), "console messages: " + p.consoleLines());
        return p;
    }

    private static JsonNode selftest(String dom) throws Exception {
        Matcher m = Pattern.compile("<pre id=\"qtm-selftest\">([^<]*)</pre>").matcher(dom);
        assertTrue(m.find(), "the page wrote what uPlot shows");
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    /** The row of a CSV file, by header name. */
    private static double csv(Path file, int row, String column) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int c = List.of(lines.get(0).split(",")).indexOf(column);
        return Double.parseDouble(lines.get(1 + row).split(",")[c]);
    }

    @Test
    void hoverShowsTheValueAndItsSeAndADragZoomsTheTimeAxis() throws Exception {
        JsonNode t = selftest(open("#selftest", "--dump-dom").dom());
        assertEquals(9, t.get("charts").asInt(), "concurrence, entanglement, heat (cold, hot), populations (linear, "
                + "log), populations per site (c, h), relaxation");
        assertEquals(0.0, t.get("before").get(0).asDouble());
        assertEquals(2000.0, t.get("before").get(1).asDouble());
        double lo = t.get("zoomed").get(0).asDouble();
        double hi = t.get("zoomed").get(1).asDouble();
        // The drag went from 25 % to 55 % of the plot's width.
        assertTrue(lo > 400 && lo < 600 && hi > 1000 && hi < 1200 && hi - lo > 500, "zoomed to " + lo + ", " + hi);
        assertEquals(t.get("before"), t.get("reset"), "a double-click restores the whole range");

        int k = t.get("hoverIdx").asInt();
        assertTrue(k > 0 && k < 40, "the cursor is on a grid point inside the plot: " + k);
        Path series = out.resolve("timeseries-trajectories.csv");
        String traj = null;
        String master = null;
        String map = null;
        for (JsonNode row : t.get("legend")) {
            String s = row.asText();
            traj = s.startsWith("C(ρ̄) trajectories = ") ? s : traj;
            master = s.startsWith("C master equation = ") ? s : master;
            map = s.startsWith("C exact collision map (Δt = 2) = ") ? s : map;
        }
        assertNotNull(traj, t.get("legend").toString());
        Matcher m = Pattern.compile("= (\\S+) ± (\\S+)$").matcher(traj);
        assertTrue(m.find(), "value ± SE: " + traj);
        // The legend's numbers are those of the grid point under the cursor, as the CSV file has them.
        assertEquals(csv(series, k, "concurrence"), Double.parseDouble(m.group(1)),
                5e-4 * Math.abs(csv(series, k, "concurrence")), traj);
        assertEquals(csv(series, k, "concurrence_se"), Double.parseDouble(m.group(2)),
                5e-4 * csv(series, k, "concurrence_se"), traj);
        assertNotNull(master, "the exact line is named for what it is");
        assertEquals(csv(out.resolve("timeseries-exact.csv"), k, "concurrence"),
                Double.parseDouble(master.substring(master.indexOf("= ") + 2)), 1e-3 * 0.06, master);
        assertNotNull(map, "the collision engine's own reference is drawn too");
    }

    @Test
    void everyFileOfTheRunIsLinkedAndEachReferenceIsNamed() throws Exception {
        String dom = open("", "--dump-dom").dom();
        Set<String> linked = new HashSet<>();
        Matcher m = Pattern.compile("<a href=\"\\./([^\"]+)\">").matcher(dom);
        while (m.find()) {
            linked.add(m.group(1));
        }
        Set<String> present = new HashSet<>();
        try (Stream<Path> s = Files.list(out)) {
            s.forEach(p -> present.add(p.getFileName().toString()));
        }
        assertTrue(present.containsAll(List.of("report.html", "summary.json", ".qtm-output",
                "ensemble-collision.qtme", "timeseries-collision-map.csv")), present.toString());
        assertEquals(present, linked, "each file in the directory, and nothing else, is linked");
        assertTrue(dom.contains("<td class=\"l\">master equation</td>"), "trajectories judged by the ME");
        assertTrue(dom.contains("<td class=\"l\">exact collision map (Δt = 2)</td>"), "collision by its map");
        assertEquals(9, dom.split("class=\"live\"", -1).length - 1,
                "nine interactive charts (issue 24 added entanglement and one per site)");
    }

    @Test
    void screenshotsOfTheTopAZoomedChartAndAHover() throws Exception {
        Files.createDirectories(SHOTS);
        for (String[] shot : new String[][] {{"top", ""}, {"zoom", "#selftest-zoom"}, {"hover", "#selftest-hover"}}) {
            Path png = SHOTS.resolve("report-" + shot[0] + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            open(shot[1], "--screenshot=" + png);
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " is a PNG");
            assertEquals(1280, image.getWidth());
            // Not blank: a chart or a table has many colours; an empty page has one.
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 50, png + " has " + colours.size() + " colours");
        }
    }
}
