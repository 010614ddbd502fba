package qtm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import qtm.scenario.Study;
import qtm.scenario.StudyReader;

/** The scenario file and its overrides, read for the steady-state studies (optimize, threshold, sweep). */
final class StudyOptions {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Scenario YAML file, e.g. scenarios/paper/fig2a.yaml or scenarios/reset-paper.yaml.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key by its dotted path, e.g. --set model.cold.T=0.1 (repeatable).")
    List<String> sets = new ArrayList<>();

    Study read() {
        return StudyReader.read(file, sets);
    }
}
