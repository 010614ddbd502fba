package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.Ranges;
import qtm.ensemble.SavedEnsemble;
import qtm.ensemble.Shard;
import qtm.output.JumpRecords;
import qtm.output.OutputDirectory;
import qtm.output.ShardRecord;
import qtm.scenario.Scenario;
import qtm.input.InputException;
import qtm.run.MachineRun;
import qtm.run.ScenarioRun;
import qtm.run.RunOptions;
import qtm.run.RunPlan;

/** {@code qtm run --shard I/N}: one shard's saved ensembles and records, for {@code qtm merge}. */
final class ShardRun {
    private ShardRun() {
    }

    /**
     * @param s the scenario
     * @param text "I/N" as given
     * @param base the run's seed and trajectories
     * @return the shard
     * @throws InputException (exit 2) if malformed, I ≥ N, or N exceeds an ensemble's trajectories
     */
    static Shard parse(Scenario s, String text, RunOptions base) {
        Shard shard;
        try {
            shard = Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", "--shard", text, e.getMessage());
        }
        requireEnough(s, shard.count(), base, "--shard", text);
        return shard;
    }

    /**
     * @param s the scenario
     * @param shards N
     * @param base the run's trajectories
     * @param key the option named in the error
     * @param value its value as given
     * @throws InputException (exit 2) if an engine runs fewer trajectories than N
     */
    static void requireEnough(Scenario s, int shards, RunOptions base, String key, String value) {
        for (String engine : s.simulation().engines()) {
            long total = RunPlan.trajectoriesFor(s, engine, base);
            if (total < shards) {
                throw new InputException("command line", key, value, "expected at most as many shards as "
                        + "trajectories: engine " + engine + " runs " + total);
            }
        }
    }

    static int run(Scenario s, Path scenarioFile, Shard shard, RunOptions base, Path dir, boolean force,
            boolean quiet, PrintWriter stdout, List<String> notices, long records) throws IOException {
        Map<String, ShardRecord.Planned> planned = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : RunPlan.ensembleLabels(s).entrySet()) {
            long total = RunPlan.trajectoriesFor(s, e.getValue(), base);
            long[] r = shard.range(total);
            planned.put(e.getKey(), new ShardRecord.Planned(r[0], r[1], total));
        }
        long started = System.nanoTime();
        try (OutputDirectory output = OutputDirectory.open(dir, force, scenarioFile);
                Interrupt interrupt = Interrupt.install();
                JumpRecords jumps = records == 0 ? null : new JumpRecords(output.staging(), records, RunPlan.jumpChannels(s))) {
            PrintWriter stderr = new PrintWriter(System.err, true);
            notices.forEach(stderr::println);
            RunOptions settings = new RunOptions(base.seed(), base.threads(), base.trajectories(),
                    label -> null, shard, false);
            try {
                Listener listener = new Listener(s, output.staging(), base.seed(), stdout, quiet, shard, jumps);
                boolean interrupted = s.isMachine()
                        ? MachineRun.run(s, settings, listener, interrupt::requested).interrupted()
                        : ScenarioRun.run(s, settings, listener, interrupt::requested).interrupted();
                if (jumps != null) {
                    jumps.writeIndex();
                }
                double seconds = (System.nanoTime() - started) * 1e-9;
                new ShardRecord(shard.index(), shard.count(), s.name(), s.file(), base.seed(), planned,
                        !interrupted, seconds, host(), SavedEnsemble.QTM_VERSION).write(output.staging(), s.source().json());
                output.commit();
                stdout.println("wrote " + dir);
                stdout.flush();
                return interrupted ? interrupt.exitStatus() : 0;
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputException(OutputDirectory.source(scenarioFile), "--out", dir.toString(),
                        "the output directory cannot be written (" + e.getMessage() + "); nothing was replaced");
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Writes each ensemble's saved sums as it ends; one line per ensemble on stdout. */
    private static final class Listener extends RunConsole {
        private final boolean quiet;
        private final Shard shard;

        Listener(Scenario scenario, Path staging, long seed, PrintWriter stdout, boolean quiet, Shard shard,
                JumpRecords jumps) {
            super(stdout, scenario, staging, seed, true, jumps);
            this.quiet = quiet;
            this.shard = shard;
        }

        @Override
        public void ensemble(String label, String engine, EnsembleResult result) {
            endBar();
            super.ensemble(label, engine, result);
            StringBuilder ranges = new StringBuilder();
            for (long[] r : result.ranges()) {
                ranges.append(ranges.length() == 0 ? "" : " ").append(Ranges.show(r));
            }
            say("%-12s shard %s: trajectories %s (%d, %s, %.1fs)%n", label, shard,
                    ranges.length() == 0 ? "none" : ranges, result.trajectories(), result.stopReason().key(),
                    result.seconds());
        }

        @Override
        public LongConsumer started(String label, long n) {
            // A line in the job's log when an ensemble starts, so that a cluster log shows where a task got to.
            say("%-12s shard %s: started, %d trajectories%n", label, shard, n);
            return bar(label, n, quiet);
        }
    }
}
