package qtm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;
import qtm.scenario.StudyReader;
import qtm.sweep.Study;

/** The scenario file and its overrides, shared by every command that reads one. */
final class ScenarioOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file, e.g. scenarios/reset-paper.yaml or scenarios/paper/fig2a.yaml.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key by its dotted path, e.g. --set model.g=2e-3 (repeatable).")
    List<String> sets = new ArrayList<>();

    Scenario read() {
        return ScenarioReader.read(file, sets);
    }

    /** @return the scenario read for {@code qtm run} and {@code qtm evolve}: any model, a machine included */
    Scenario readForRun() {
        return ScenarioReader.readForRun(file, sets);
    }

    /** @return the scenario read for the steady state, where {@code time} is optional */
    Scenario readSteady() {
        return ScenarioReader.read(file, sets, false);
    }

    /** @return the scenario read for {@code qtm steady}: any model, a machine included; {@code time} optional */
    Scenario readAny() {
        return ScenarioReader.readAny(file, sets);
    }


    /** @return the file read for optimize and threshold on a preset, the couplings they vary not validated */
    Study readForOptimize() {
        return StudyReader.readForOptimize(file, sets);
    }

    /**
     * @param threshold whether for {@code qtm threshold}
     * @return the search over any keys, or null when the file names none (optimize.vary, threshold)
     */
    qtm.sweep.KeySearch readSearch(boolean threshold) {
        return qtm.scenario.KeySearchReader.read(file, sets, threshold);
    }

    /** @return the file read for the steady-state studies (optimize, threshold, sweep) */
    Study readStudy() {
        return StudyReader.read(file, sets);
    }
}
