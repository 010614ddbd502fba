package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.scenario.Node;
import qtm.input.InputException;
import qtm.scenario.ScenarioFile;

/** {@code qtm list}: the scenarios in a directory with their one-line descriptions. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the scenario files in a directory (default: scenarios/) with a one-line description each.")
final class ListCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Directory to list (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("scenarios");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException("command line", "--dir", dir.toString(), "expected an existing directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            String description;
            try {
                Node root = ScenarioFile.load(f, List.of());
                description = root.has("description") ? root.text("description") : "(no description)";
            } catch (InputException e) {
                description = "(unreadable: " + e.getMessage() + ")";
            }
            // A description (or a file name) may hold a newline, NUL or terminal escape: escaped as in error messages.
            out.printf("%-28s %s%n", InputException.escape(f.getFileName().toString().replaceFirst("\\.ya?ml$",
                    "")), InputException.escape(description));
        }
        out.flush();
        return 0;
    }
}
