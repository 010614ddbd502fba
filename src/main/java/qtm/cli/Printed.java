package qtm.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command that prints one result as text or JSON shares: the {@code --json} choice and where it prints. */
final class Printed {
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** @return the command's standard output */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return the command's standard error */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
