package qtm.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import qtm.sweep.Study;

/** The study reader on the shipped studies; its refusals are pinned through the command line in SweepCliTest. */
class StudyReaderTest {
    @Test
    void everyPaperScenarioReads() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("scenarios/paper"))) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(yaml.size() >= 8, yaml.toString());
            for (Path f : yaml) {
                Study s = StudyReader.read(f, List.of());
                assertTrue(s.sweep() != null && !s.description().isEmpty(), f.toString());
                assertEquals(f.getFileName().toString(), s.name() + ".yaml");
            }
        }
    }
}
