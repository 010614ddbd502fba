package qtm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import qtm.output.JumpRecords;
import qtm.run.Skipped;
import qtm.scenario.Scenario;

/**
 * The console of a run in one process ({@code qtm run}, preset or machine): a progress bar per ensemble on stderr,
 * and a line on stdout for each ensemble a stop came before.
 */
class BarConsole extends RunConsole {
    private final boolean quiet;

    /**
     * @param stdout where the command prints
     * @param scenario the scenario run
     * @param staging the output directory's staging area
     * @param seed the run's seed
     * @param jumps the jump records, or null for none
     * @param quiet no bar (it is also off when stderr is not a terminal)
     */
    BarConsole(PrintWriter stdout, Scenario scenario, Path staging, long seed, JumpRecords jumps, boolean quiet) {
        super(stdout, scenario, staging, seed, false, jumps);
        this.quiet = quiet;
    }

    @Override
    public LongConsumer started(String label, long n) {
        return bar(label, n, quiet);
    }

    @Override
    public void skipped(Skipped x) {
        say("%-12s skipped (%s: %s)%n", x.label(), x.reason().key(), x.why());
    }
}
