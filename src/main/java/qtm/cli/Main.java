package qtm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import qtm.input.InputException;

/** The {@code qtm} command: subcommands only, no physics here. */
@Command(name = "qtm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulator of the smallest autonomous quantum thermal machine (Brask, Brunner, Haack, Huber).",
        footer = {"", "Exit status: 0 success, 2 bad input (one line on stderr names the file, key and value), "
                + "130 a run stopped by Ctrl-C, 143 by SIGTERM (its results so far are written).",
            "Example: qtm run scenarios/reset-paper.yaml   (see README.md)"},
        subcommands = {SteadyCommand.class, EvolveCommand.class, RunCommand.class, MergeCommand.class,
            SlurmCommand.class, FcsCommand.class, BenchCommand.class,
            ListCommand.class, InitCommand.class, OptimizeCommand.class, ThresholdCommand.class, SweepCommand.class,
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
            String guess = ex instanceof CommandLine.UnmatchedArgumentException u ? Suggestion.of(u) : "";
            // picocli quotes the user's argument raw: escaped like every other message (no control or bidi char).
            sub.getErr().println("qtm: command line: " + InputException.escape(ex.getMessage()
                    + (guess.isEmpty() ? "" : ". " + guess)) + " (see '" + sub.getCommandSpec().qualifiedName()
                    + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof InputException) {
                line.getErr().println("qtm: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (outOfMemory(ex)) {
                return outOfMemory(line);
            }
            // The last net: every input is meant to end in 0 or 2 (FuzzCommandsTest), so this is a bug to report.
            line.getErr().println("qtm: internal error: " + InputException.escape(String.valueOf(ex)));
            return 1;
        });
        // picocli lets an Error such as OutOfMemoryError escape execute(), so it is caught around the strategy.
        CommandLine.IExecutionStrategy strategy = cl.getExecutionStrategy();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return strategy.execute(parseResult);
            } catch (OutOfMemoryError e) {
                return outOfMemory(parseResult.commandSpec().commandLine());
            }
        });
        return cl;
    }

    /** The hint for out-of-memory: the work asked for does not fit the heap, which is bad input, not a crash. */
    static final String OUT_OF_MEMORY = "qtm: memory: the Java heap (%d MB) is too small for this work: use fewer "
            + "points (time.points, sweep points), fewer collision steps, or a larger heap, e.g. java -Xmx8g -jar "
            + "qtm.jar ...";

    private static int outOfMemory(CommandLine line) {
        line.getErr().println(String.format(java.util.Locale.ROOT, OUT_OF_MEMORY,
                Runtime.getRuntime().maxMemory() >> 20));
        line.getErr().flush();
        return BAD_INPUT;
    }

    /** Worker threads hand an OutOfMemoryError back wrapped, possibly several times. */
    private static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
