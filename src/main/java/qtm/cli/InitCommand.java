package qtm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.input.InputException;
import qtm.scenario.ScenarioTemplate;
import qtm.scenario.ShippedScenarios;

/** {@code qtm init}: a commented scenario to start from, written as {@code ./NAME.yaml} and never over a file. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write ./NAME.yaml, a scenario to start from: every key with its meaning, range and default "
                + "in a comment, the keys left out listed with their defaults. Never replaces an existing file.",
            "Without an option it starts from reset-paper."})
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The new scenario's name (writes ./NAME.yaml).")
    String name;

    @Option(names = "--from", paramLabel = "SCENARIO",
            description = "Start from this scenario: a path, a name in ./scenarios or a shipped name (qtm list).")
    String from;

    @Option(names = "--machine", paramLabel = "KIND",
            description = "Start from a machine: qubits (two qubits), qutrits (two harmonic qutrits) or chain3 "
                    + "(three qubits c-m-h).")
    String machine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String n = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
        // The rule of a scenario's name (it names output/NAME), checked before anything is read.
        if (!n.matches("[A-Za-z0-9._-]{1,100}") || n.equals(".") || n.equals("..")) {
            throw OptionChecks.refuse("NAME", name, "expected 1 to 100 letters, digits, '.', '_' or '-' (it names "
                    + "the file NAME.yaml and the output directory output/NAME)");
        }
        if (from != null && machine != null) {
            throw OptionChecks.refuse("--machine", machine, "give --from or --machine, not both");
        }
        if (machine != null && !ScenarioTemplate.MACHINES.containsKey(machine)) {
            throw OptionChecks.refuse("--machine", machine, "expected one of "
                    + String.join(", ", new TreeSet<>(ScenarioTemplate.MACHINES.keySet())));
        }
        Path target = Path.of(n + ".yaml");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refuseExisting(target);
        }
        String text = machine != null ? ScenarioTemplate.machine(machine, n)
                : ScenarioTemplate.from(ShippedScenarios.resolve(from != null ? from : "reset-paper"), n);
        try {
            // CREATE_NEW: a file that appeared since the check above is refused, never replaced.
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw refuseExisting(target);
        } catch (IOException e) {
            throw OptionChecks.refuse("NAME", target.toString(), "cannot be written: " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + target + "; check it with: qtm steady " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static InputException refuseExisting(Path target) {
        return OptionChecks.refuse("NAME", target.toString(), "exists; qtm init never replaces a file: choose another "
                + "NAME or move the file away");
    }
}
