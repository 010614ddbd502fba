package qtm.cli;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;
import qtm.scenario.ShippedScenarios;
import qtm.scenario.StudyReader;
import qtm.sweep.Study;

/** The scenario file and its overrides, shared by every command that reads one. */
final class ScenarioOptions {
    /** The file to read: a path as typed, or what a name resolves to ({@link ShippedScenarios#resolve}). */
    Path file;

    @Parameters(index = "0", paramLabel = "FILE", converter = ScenarioOptions.Resolve.class,
            description = "Scenario YAML file or name: a path wins, then ./scenarios/NAME.yaml, then the scenario "
                    + "shipped with qtm (qtm list), e.g. reset-paper, paper/fig2a or scenarios/reset-paper.yaml.")
    void file(Path resolved) {
        this.file = resolved;
    }

    /** Picocli's step from the typed text to the file, so that every command reading FILE takes a name too. */
    static final class Resolve implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String typed) {
            return ShippedScenarios.resolve(typed);
        }
    }

    /**
     * @return how a script run later names the file: the shipped name (reset-paper) for a scenario inside the jar,
     *     whose path means nothing to a shell, else the path
     */
    String forScripts() {
        String label = ShippedScenarios.label(file);
        return label.startsWith(ShippedScenarios.LABEL) && !file.getFileSystem().equals(FileSystems.getDefault())
                ? label.substring(ShippedScenarios.LABEL.length()).replaceFirst("\\.yaml$", "") : file.toString();
    }

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

    /**
     * @return the scenario read for {@code qtm steady} and {@code qtm fcs}: any model, a machine included;
     *     {@code time} optional
     */
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
