package qtm.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The "Did you mean" of a mistyped command or option, for the one-line usage error. */
final class Suggestion {
    private Suggestion() {
    }

    /**
     * The names a few keystrokes away from the first unmatched word, or else picocli's own guess: picocli compares
     * letter pairs, which finds nothing for a short slip such as {@code rn} (run) but does help with {@code --tr}.
     *
     * @param ex the usage error
     * @return {@code "Did you mean: run?"}, or {@code ""} when nothing is close
     */
    static String of(UnmatchedArgumentException ex) {
        if (ex.getUnmatched().isEmpty()) {
            return "";
        }
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String typed = ex.getUnmatched().get(0);
        Collection<String> names;
        if (ex.isUnknownOption()) {
            typed = typed.split("=", 2)[0];
            names = new ArrayList<>();
            for (OptionSpec o : spec.options()) {
                names.addAll(List.of(o.names()));
            }
        } else {
            names = spec.subcommands().keySet();
        }
        List<String> found = qtm.scenario.Nearest.of(typed, names);
        if (found.isEmpty()) {
            // picocli's guess always names something ("slurm" for "xyzzyplugh"): keep only the names that the typed
            // text begins, as "--tr" begins "--trajectories".
            String start = typed;
            found = ex.getSuggestions().stream().filter(n -> start.length() >= 2 && n.startsWith(start)).toList();
        }
        return found.isEmpty() ? "" : "Did you mean: " + String.join(" or ", found) + "?";
    }
}
