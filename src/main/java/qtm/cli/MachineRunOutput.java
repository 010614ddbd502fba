package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import qtm.output.JumpRecords;
import qtm.output.OutputDirectory;
import qtm.report.MachineRunWriter;
import qtm.report.RunWriter;
import qtm.report.ThisRun;
import qtm.run.MachineRun;
import qtm.run.RunOptions;
import qtm.run.RunPlan;
import qtm.scenario.Scenario;

/**
 * {@code qtm run} on a machine of issue 24: runs it ({@link MachineRun}) into the staging directory, writes its files
 * ({@link MachineRunWriter}) and commits the directory, with one progress bar and one line per engine. A fresh run and
 * {@code --extend}, shards and their merge, and jump records work as for the presets.
 */
final class MachineRunOutput {
    private final PrintWriter stdout;
    private final Scenario s;
    private final OutputDirectory output;
    private final boolean quiet;

    MachineRunOutput(PrintWriter stdout, Scenario s, OutputDirectory output, boolean quiet) {
        this.stdout = stdout;
        this.s = s;
        this.output = output;
        this.quiet = quiet;
    }

    /**
     * @param settings the run's settings
     * @param interrupt Ctrl-C and SIGTERM
     * @param jumps the jump records, or null
     * @param extend the run it extends, whose jump records it keeps, or null
     * @param thisRun the provenance, read after the run
     * @param records the --records limit
     * @param dir the directory the commit makes
     * @return whether a stop was requested
     * @throws IOException on write failure
     */
    boolean run(RunOptions settings, Interrupt interrupt, JumpRecords jumps, Path extend, Supplier<ThisRun> thisRun,
            long records, Path dir) throws IOException {
        Console console = new Console(stdout, s, output.staging(), settings.seed(), jumps);
        MachineRun.Outcome o = MachineRun.run(s, settings, console, interrupt::requested);
        if (jumps != null) {
            jumps.writeIndex();
        }
        if (extend != null) {
            JumpRecords.carry(extend, output.staging());
        }
        for (MachineRun.Engine e : o.engines()) {
            var v = e.verdict();
            console.say("%s: N=%d, %s, %.1f s, d=%d, max|z|=%.2f over %d tests, p=%.3g, %s%n", e.name(),
                    e.summary().trajectories(), e.summary().stopReason().words(), e.summary().seconds(),
                    s.machine().dimension(), v.maxAbsZ(), v.tests(), Math.min(v.maxZPValue(), v.pValue()),
                    e.converged() ? "converged" : "NOT converged");
        }
        MachineRunWriter.write(o, output.staging(), java.util.Map.of(), new RunWriter.Provenance(RunPlan.planned(s, settings), records,
                thisRun.get()));
        output.commit();
        stdout.println("wrote " + dir);
        stdout.flush();
        return o.interrupted();
    }

    /** Progress bars on stderr; each ensemble's files as it ends. */
    private final class Console extends BarConsole {
        Console(PrintWriter stdout, Scenario scenario, Path staging, long seed, JumpRecords jumps) {
            super(stdout, scenario, staging, seed, jumps, quiet);
        }

        @Override
        public void ensemble(String label, String engine, qtm.ensemble.EnsembleResult result) {
            endBar();
            super.ensemble(label, engine, result);
        }
    }
}
