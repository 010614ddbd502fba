package qtm.scenario;

import qtm.input.InputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.math.Ops;

/** The strict YAML reader: each YAML feature it accepts, reads differently from YAML 1.1, or refuses. */
class ScenarioFileTest {
    private static final String MODEL =
            "model: {type: reset, g: 1.6e-3, cold: {T: 0, rate: 1e-2}, hot: {T: inf, rate: 1.1e-3}}\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), text);
    }

    private Node load(String text, String... sets) throws IOException {
        return ScenarioFile.load(write(text), List.of(sets));
    }

    private String refusal(String text, String... sets) throws IOException {
        Path f = write(text);
        return assertThrows(InputException.class, () -> ScenarioFile.load(f, List.of(sets))).getMessage();
    }

    @Test
    void scalarsKeepTheirTextSoLabelsAreNotReadAsOctal() throws IOException {
        Node n = load("a: 01\nb: 00\nc: 1.50\nd: '7'\n");
        assertEquals("01", n.raw("a").asText());
        assertEquals("00", n.raw("b").asText());
        assertEquals("1.50", n.raw("c").asText());
        assertEquals(1.5, n.number("c", 0, 2), 0);
        assertEquals(7, n.integer("d", 0, 10));
    }

    @Test
    void onlyTrueAndFalseAreBooleansAndOnlyEmptyTildeOrNullIsNull() throws IOException {
        Node n = load("t: true\nf: False\ny: yes\nq: 'true'\ne:\nz: ~\nnl: null\nqn: 'null'\n");
        assertTrue(n.raw("t").isBoolean() && n.raw("t").booleanValue());
        assertTrue(n.raw("f").isBoolean() && !n.raw("f").booleanValue());
        assertTrue(n.raw("y").isTextual(), "YAML 1.1's yes is text, not a boolean");
        assertTrue(n.raw("q").isTextual());
        assertTrue(n.raw("e").isNull() && n.raw("z").isNull() && n.raw("nl").isNull());
        assertEquals("null", n.raw("qn").asText());
    }

    @Test
    void infinitiesAreAcceptedWhereTheReadmeSaysSo() throws IOException {
        for (String inf : List.of("inf", ".inf", ".Inf", "+.inf", "infinity", "\".inf\"")) {
            Node n = load("T: " + inf + "\n");
            assertEquals(Double.POSITIVE_INFINITY, n.temperature("T", true, ""), inf);
        }
        Node n = load("x: -.inf\ny: .nan\n");
        assertThrows(InputException.class, () -> n.temperature("x", true, ""));
        assertThrows(InputException.class, () -> n.number("y", 0, 1));
        Scenario s = ScenarioReader.read(write(MODEL.replace("T: inf", "T: .inf")), List.of(), false);
        assertEquals(Double.POSITIVE_INFINITY, s.model().hot().temperature());
    }

    @Test
    void wholeNumbersAreReadExactly() throws IOException {
        long big = Long.MAX_VALUE / 2;
        assertEquals(big, load("seed: " + big + "\n").integer("seed", Long.MIN_VALUE / 2, big));
        assertEquals(-3, load("seed: -3\n").integer("seed", -5, 5));
        String m = assertThrows(InputException.class,
                () -> load("seed: " + big + "0\n").integer("seed", 0, big)).getMessage();
        assertTrue(m.contains("seed = " + big + "0: expected a whole number"), m);
    }

    @Test
    void initialLabelFromTheFileAndFromSetIsABasisState() throws IOException {
        // |01⟩⟨01|: basis index 2·n_cold + n_hot = 1, written out by hand.
        ZMatrixRMaj expected = new ZMatrixRMaj(4, 4);
        expected.set(1, 1, 1, 0);
        Path f = write(MODEL + "initial: 01\n");
        assertEquals(0, Ops.maxAbsDiff(expected, ScenarioReader.read(f, List.of(), false).initial()));
        Path g = write(MODEL);
        for (String set : List.of("initial=01", "initial='01'", "initial=\"01\"")) {
            assertEquals(0, Ops.maxAbsDiff(expected, ScenarioReader.read(g, List.of(set), false).initial()), set);
        }
    }

    @Test
    void duplicateKeysAreRefusedAtEveryLevelAndInSet() throws IOException {
        assertTrue(refusal("a: 1\na: 2\n").contains("a = given twice at line 2"));
        assertTrue(refusal("m: {x: {y: 1, y: 2}}\n").contains("m.x.y = given twice at line 1"));
        assertTrue(refusal("l: [{k: 1, k: 2}]\n").contains("l[0].k = given twice"));
        String m = refusal(MODEL, "model.cold={T: 0, T: 1}");
        assertTrue(m.contains("model.cold.T = given twice at line 1: expected each key once per mapping"), m);
    }

    @Test
    void aSecondDocumentIsRefused() throws IOException {
        assertTrue(refusal(MODEL + "---\nx: 1\n").contains("(document) = a second YAML document at line 3"));
        assertTrue(refusal(MODEL + "---\n").contains("a second YAML document"));
        // One document with explicit start and end markers is fine.
        assertEquals("reset", load("---\n" + MODEL + "...\n").child("model").text("type"));
    }

    @Test
    void anchorsAliasesMergeKeysAndTagsAreRefusedNeverReadAsText() throws IOException {
        assertTrue(refusal("a: &x 1\nb: *x\n").contains("a = &x at line 1: anchors and aliases"));
        assertTrue(refusal("b: *r\n").contains("found undefined alias r"));
        assertTrue(refusal(MODEL, "model.g=*r").contains("model.g = *r: the --set value is not valid YAML"));
        assertTrue(refusal("m:\n  <<: {a: 1}\n").contains("m = << at line 2: merge keys"));
        assertTrue(refusal("a: !x 1\n").contains("a = !x at line 1: tags are not supported"));
        assertTrue(refusal("? [a]\n: 1\n").contains("a complex key"));
        // YAML's own tags too (issue 8: !!str 1.6e-3 was read as a number, !!float as anything): quote a label.
        assertTrue(refusal("a: !!str 01\n").contains("tags are not supported"), refusal("a: !!str 01\n"));
        assertTrue(refusal("a: !!float 1.6e-3\n").contains("tags are not supported"));
        assertTrue(refusal("%TAG !e! tag:yaml.org,2002:\n---\na: 1\n").contains("%TAG"));
        assertEquals("01", load("a: '01'\n").raw("a").asText());
    }

    @Test
    void badUtf8IsRefusedWithItsByteOffset() throws IOException {
        byte[] head = "name: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '\n';
        Path f = Files.write(dir.resolve("latin1.yaml"), bytes);
        String m = assertThrows(InputException.class, () -> ScenarioFile.load(f, List.of())).getMessage();
        assertTrue(m.endsWith("(file) = invalid UTF-8 at byte offset 9: expected a UTF-8 text file"), m);
    }

    @Test
    void aByteOrderMarkAndMultiByteTextAreFine() throws IOException {
        byte[] text = ("description: Δt ≈ 1 — ok\n" + MODEL).getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = Arrays.copyOf(bom, 3 + text.length);
        System.arraycopy(text, 0, bytes, 3, text.length);
        Path f = Files.write(dir.resolve("bom.yaml"), bytes);
        assertEquals("Δt ≈ 1 — ok", ScenarioFile.load(f, List.of()).text("description"));
    }

    @Test
    void controlCharactersInEchoedValuesAreEscaped() throws IOException {
        String m = assertThrows(InputException.class,
                () -> ScenarioReader.read(write("name: \"a\\nb\\0c\\u2028d\"\n" + MODEL), List.of())).getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.contains("name = a\\nb\\u0000c\\u2028d: expected letters"), m);
        assertEquals("x\\ty\\r\\u001b[0m\\u007f", InputException.escape("x\ty\r\u001b[0m\u007f"));
        assertEquals("plain ≈ text", InputException.escape("plain ≈ text"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path f = dir.resolve("huge.yaml");
        // 40 MB, the issue's case: a sparse file is enough, since only its size may be looked at.
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(MODEL.getBytes(StandardCharsets.UTF_8));
        }
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), 40L << 20);
        }
        long t0 = System.nanoTime();
        String m = assertThrows(InputException.class, () -> ScenarioFile.load(f, List.of())).getMessage();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(m.contains("(file) = " + ((40L << 20) + 1) + " bytes: expected a scenario file of at most "
                + ScenarioFile.MAX_BYTES + " bytes"), m);
        assertTrue(seconds < 5, "refused at once, not after parsing: " + seconds + " s");
    }

    @Test
    void theSizeLimitIsInclusive() throws IOException {
        StringBuilder b = new StringBuilder(MODEL);
        String pad = "# " + "x".repeat(97) + "\n";
        while (b.length() + pad.length() <= ScenarioFile.MAX_BYTES) {
            b.append(pad);
        }
        b.append("#".repeat((int) (ScenarioFile.MAX_BYTES - b.length() - 1))).append('\n');
        Path f = Files.writeString(dir.resolve("limit.yaml"), b);
        assertEquals(ScenarioFile.MAX_BYTES, Files.size(f));
        assertEquals("reset", ScenarioFile.load(f, List.of()).child("model").text("type"));
        Files.writeString(f, b.append('\n'));
        assertThrows(InputException.class, () -> ScenarioFile.load(f, List.of()));
    }

    @Test
    void messagesEchoValuesAsWritten() throws IOException {
        JsonNode v = load("m: {re: [[1, 0], [0, 1]], s: x}\n").raw("m");
        assertEquals("{re: [[1, 0], [0, 1]], s: x}", Node.show(v));
    }
}
