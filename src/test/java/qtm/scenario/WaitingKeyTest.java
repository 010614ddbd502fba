package qtm.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.input.InputException;

/**
 * Issue 25, {@code observe.waiting}: absent or {@code baths} reads as baths, {@code channels} as channels; on a
 * preset {@code channels} is refused naming the key (the bad-input corpus holds the CLI's exit 2 for the other
 * refusals).
 */
class WaitingKeyTest {
    private static final String QUTRIT = """
            model: {type: machine, approach: local, sites: [{name: c, levels: [0, 1]}, {name: h, levels: [0, 1, 2], ladder: harmonic}], couplings: [{kind: exchange, sites: [c, h], g: 1.6e-3}], baths: [{name: cold, site: c, kind: bosonic, T: 0, rate: 1e-2}, {name: hot, site: h, kind: reset, T: inf, rate: 1.1e-3}]}
            time: {end: 100, points: 3}
            """;

    @TempDir
    Path tmp;

    private Scenario read(String text) throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, text);
        return ScenarioReader.readForRun(file, List.of());
    }

    @Test
    void bathsByDefaultChannelsOnRequest() throws Exception {
        assertFalse(read(QUTRIT).waitingByChannel());
        assertFalse(read(QUTRIT + "observe: {waiting: baths}\n").waitingByChannel());
        assertTrue(read(QUTRIT + "observe: {waiting: channels}\n").waitingByChannel());
    }

    @Test
    void aPresetRefusesChannels() {
        InputException e = assertThrows(InputException.class, () -> read("""
                model: {type: reset, g: 0.01, cold: {T: 0.5, rate: 1e-3}, hot: {T: 2, rate: 1e-3}}
                time: {end: 100, points: 3}
                observe: {waiting: channels}
                """));
        assertTrue(e.getMessage().contains("observe.waiting"), e.getMessage());
        assertTrue(e.getMessage().contains("model.type: machine"), e.getMessage());
    }
}
