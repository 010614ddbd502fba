package qtm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import qtm.cli.Main;

/**
 * The guide's second Java program (issue 27: a negativity-vs-g scan of the qubit-qutrit machine with one Monte Carlo
 * point checked against exact), exactly as printed in java-api.md: extracted, compiled against the thin jar
 * and run from a directory outside the checkout, so that {@code machine-qutrit} is the scenario shipped with the
 * classes. Its exact negativities are held to {@code qtm steady --json} at each g (six printed digits), its Monte Carlo
 * point within 4 SE of the exact value it prints, and the run's verdict must be "converged".
 */
@Tag("slow")
class QutritGuideProgramIT {
    private static final Pattern SCAN = Pattern.compile("^g=(\\S+)  N=(\\S+)$");
    private static final Pattern POINT = Pattern.compile("^MC N=(\\S+) ± (\\S+)  exact=(\\S+)  (.+)$");

    /** The c|h negativity that {@code qtm steady machine-qutrit --set model.couplings[0].g=G --json} prints. */
    private static double steadyJson(double g) throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int status = cl.execute("steady", "machine-qutrit", "--set", "model.couplings[0].g=" + g, "--json");
        assertEquals(0, status);
        return new ObjectMapper().readTree(out.toString()).get("negativity").get("c|h").asDouble();
    }

    @Test
    void theQutritScanRunsAndAgreesWithSteadyAndItsOwnExactValue(@TempDir Path dir) throws Exception {
        String code = ReadmeSnippetIT.block("(?m)^## Scenarios, machines and verdicts$");
        String out = ReadmeSnippetIT.compileAndRun(code, dir);
        List<String> scan = out.lines().filter(l -> l.startsWith("g=")).toList();
        assertEquals(5, scan.size(), out);
        for (String line : scan) {
            Matcher m = SCAN.matcher(line);
            assertTrue(m.find(), line);
            double g = Double.parseDouble(m.group(1));
            double n = Double.parseDouble(m.group(2));
            // six printed decimals: allow their rounding
            assertEquals(steadyJson(g), n, 5e-7, line);
            assertTrue(n > 0, "the qubit and the qutrit are entangled at every g of the scan: " + line);
        }
        List<String> point = out.lines().filter(l -> l.startsWith("MC ")).toList();
        assertEquals(1, point.size(), out);
        Matcher m = POINT.matcher(point.get(0));
        assertTrue(m.find(), point.get(0));
        double mc = Double.parseDouble(m.group(1));
        double se = Double.parseDouble(m.group(2));
        double exact = Double.parseDouble(m.group(3));
        assertEquals(steadyJson(1.6e-3), exact, 5e-6, point.get(0));
        assertTrue(se > 0 && se < 0.2 * exact, "a resolved estimate: " + point.get(0));
        assertTrue(Math.abs(mc - exact) <= 4 * se + 1e-5, point.get(0));
        assertEquals("converged", m.group(4), point.get(0));
    }
}
