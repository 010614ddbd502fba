package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.scenario.Node;
import qtm.input.InputException;
import qtm.scenario.ScenarioFile;
import qtm.scenario.ShippedScenarios;

/** {@code qtm list}: the scenarios a name reaches, local and shipped, with their one-line descriptions. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the scenarios a command takes by name: those of ./scenarios (or --dir), marked local, "
                + "and those shipped with qtm, marked shipped; a local file hides a shipped one of the same name.",
            "Any command reading a scenario takes NAME: a path wins, then ./scenarios/NAME.yaml, then the shipped "
                + "one."})
final class ListCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Local directory to list (default: ${DEFAULT-VALUE}); "
            + "with --dir it must exist.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path local = dir != null ? dir : Path.of("scenarios");
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InputException("command line", "--dir", dir.toString(), "expected an existing directory");
        }
        // name -> file; a local name first, so that it hides the shipped file as a name lookup does.
        Map<String, Path> locals = new java.util.TreeMap<>(ShippedScenarios.ORDER);
        if (Files.isDirectory(local)) {
            for (Path f : yamlFiles(local)) {
                // As a name reaches it: paper/fig2a; a .yml file by its whole name, which is how it is typed.
                String name = local.relativize(f).toString().replace('\\', '/');
                locals.put(name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name, f);
            }
        }
        List<String> shipped = ShippedScenarios.names();
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Path> e : locals.entrySet()) {
            rows.add(row(e.getKey(), shipped.contains(e.getKey()) ? "local, hides shipped" : "local", e.getValue()));
        }
        for (String name : shipped) {
            if (!locals.containsKey(name)) {
                rows.add(row(name, "shipped", ShippedScenarios.find(name)));
            }
        }
        int width = Math.max(28, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        int origin = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        for (String[] r : rows) {
            out.printf("%-" + width + "s %-" + origin + "s %s%n", r[0], r[1], r[2]);
        }
        out.flush();
        return 0;
    }

    private static List<Path> yamlFiles(Path d) throws IOException {
        // Folders as deep as the shipped ones (scenarios/paper/).
        try (Stream<Path> s = Files.walk(d, 2)) {
            return s.filter(p -> p.toString().matches(".*\\.ya?ml") && !Files.isDirectory(p)).toList();
        }
    }

    /** A row of the listing, its texts escaped: a description or file name may hold a newline or escape. */
    private static String[] row(String name, String origin, Path f) {
        String description;
        try {
            Node root = ScenarioFile.load(f, List.of());
            description = root.has("description") ? root.text("description") : "(no description)";
        } catch (InputException e) {
            description = "(unreadable: " + e.getMessage() + ")";
        }
        return new String[] {InputException.escape(name), origin, InputException.escape(description)};
    }
}
