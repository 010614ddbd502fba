package qtm.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.input.InputException;
import qtm.model.Detection;
import qtm.model.Detection.Detector;

/** {@code detection} (issue 28): its defaults, its bath names for presets and machines, and --set into it. */
class DetectionReaderTest {
    private static final String RESET = "model: {type: reset, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, "
            + "hot: {T: inf, rate: 1.1e-3}}\n";

    @TempDir
    Path dir;

    private Scenario read(String text, String... sets) throws Exception {
        return ScenarioReader.readAny(Files.writeString(dir.resolve("s.yaml"), text), List.of(sets));
    }

    @Test
    void withoutTheSectionThereIsNoDetection() throws Exception {
        assertNull(read(RESET).detection());
    }

    @Test
    void eachKeyDefaultsToAPerfectDetectorAndAnUnlistedBathIsPerfect() throws Exception {
        Detection d = read(RESET + "detection: {hot: {efficiency: 0.6}, cold: {dark_rate: 2.5e-4}}\n").detection();
        assertEquals(List.of("hot", "cold"), List.copyOf(d.detectors().keySet()), "the file's order");
        assertEquals(new Detector(0.6, 0), d.of("hot"));
        assertEquals(new Detector(1, 2.5e-4), d.of("cold"));
        assertTrue(read(RESET + "detection: {hot: {}}\n").detection().of("hot").perfect());
        assertTrue(read(RESET + "detection: {hot: {efficiency: 0.6}}\n").detection().of("cold").perfect());
    }

    @Test
    void aMachinesBathsAreNamedAsInItsFileAndSetReachesThem() throws Exception {
        Scenario s = read(Files.readString(Path.of("scenarios/machine-three-baths.yaml")),
                "detection.lead.efficiency=0.25");
        assertEquals(new Detector(0.25, 0), s.detection().of("lead"));
        String msg = assertThrows(InputException.class, () -> read(RESET, "detection.lead.efficiency=0.25"))
                .getMessage();
        assertTrue(msg.contains("detection.lead = {efficiency: 0.25}: unknown bath; the baths are cold, hot"), msg);
    }
}
