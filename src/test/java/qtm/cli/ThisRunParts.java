package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import qtm.report.HtmlReport;

/**
 * Cuts the one part of summary.json ({@code this_run}) and of report.html ("This run") that may differ between runs
 * of the same result, so that tests compare everything else byte for byte. Fails if the part is not where the
 * guide says it is (src/site/markdown/reading-a-run.md, "Provenance"): the last key of summary.json, one marked
 * block of the report.
 */
final class ThisRunParts {
    /** How summary.json's last key starts (Json writes two-space indents). */
    private static final String THIS_RUN = ",\n  \"this_run\" : {\n";

    private ThisRunParts() {
    }

    /**
     * @param name the file's name
     * @param bytes its content
     * @return the content without its this_run part (summary.json, report.html), or as it is (any other file)
     */
    static byte[] withoutThisRun(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (name.equals("summary.json")) {
            int at = text.indexOf(THIS_RUN);
            assertTrue(at > 0, "summary.json has a this_run object");
            assertEquals(-1, text.indexOf(THIS_RUN, at + 1), "one this_run object");
            // The object closes at the file's own last brace: nothing of the data comes after it.
            assertTrue(text.endsWith("\n  }\n}\n"), "this_run is summary.json's last key");
            return text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        }
        if (name.equals("report.html")) {
            int from = text.indexOf(HtmlReport.THIS_RUN_START);
            int to = text.indexOf(HtmlReport.THIS_RUN_END);
            assertTrue(from > 0 && to > from, "report.html has one marked This run part");
            assertEquals(-1, text.indexOf(HtmlReport.THIS_RUN_START, from + 1), "one This run part");
            return (text.substring(0, from) + text.substring(to + HtmlReport.THIS_RUN_END.length()))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
