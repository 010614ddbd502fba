package qtm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import qtm.scenario.ScenarioException;

/** The {@code qtm} command: subcommands only, no physics here. */
@Command(name = "qtm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulator of the smallest autonomous quantum thermal machine (Brask, Brunner, Haack, Huber).",
        footer = {"", "Exit status: 0 success, 2 bad input (one line on stderr names the file, key and value), "
                + "130 a run stopped by Ctrl-C, 143 by SIGTERM (its results so far are written).",
            "Example: qtm run scenarios/reset-paper.yaml   (see README.md)"},
        subcommands = {SteadyCommand.class, EvolveCommand.class, RunCommand.class, BenchCommand.class,
            ListCommand.class, OptimizeCommand.class, ThresholdCommand.class, SweepCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit status, for tests.
     *
     * @param args command line
     * @return 0 on success, 2 on bad input
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** @return the configured picocli command line */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // A usage error is bad input like any other: one line on stderr, status 2, no usage dump.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine sub = ex.getCommandLine();
            sub.getErr().println("qtm: command line: " + ex.getMessage() + " (see '"
                    + sub.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof ScenarioException) {
                line.getErr().println("qtm: " + ex.getMessage());
                return BAD_INPUT;
            }
            line.getErr().println("qtm: internal error: " + ex);
            return 1;
        });
        return cl;
    }
}
