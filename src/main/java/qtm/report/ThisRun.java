package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.output.Json;
import qtm.output.ShardRecord;

/**
 * What differs between two runs of the same scenario and seed that give the same results: who ran it, where, when,
 * how, and how fast. summary.json keeps all of it, and nothing else, in its {@code this_run} object, and the report
 * in its "This run" table, so that everything outside them has the same bytes on any thread count, for shards and
 * their merge, and for an extended run.
 *
 * @param commandLine the program and its arguments as given, e.g. ["qtm", "run", "scenarios/reset-paper.yaml"]
 * @param workingDirectory the directory relative paths on the command line refer to
 * @param started when the command started, UTC, to the second
 * @param startedNanos {@link System#nanoTime()} then, for the elapsed time
 * @param host the host name
 * @param threads worker threads of a run (null for a merge, which runs none)
 * @param shards for a merge: each shard as its shard.json records it (empty for a run)
 * @param extended for an extension: the trajectories each ensemble (by label) held before it (empty otherwise)
 */
public record ThisRun(List<String> commandLine, String workingDirectory, Instant started, long startedNanos,
        String host, Integer threads, List<ShardRecord> shards, Map<String, Long> extended) {
    /** Copies the lists. */
    public ThisRun {
        commandLine = List.copyOf(commandLine);
        shards = List.copyOf(shards);
        extended = Collections.unmodifiableMap(new LinkedHashMap<>(extended));
    }

    /**
     * @param before the trajectories each ensemble held before this run extended it, by label
     * @return this record for an extension
     */
    public ThisRun extending(Map<String, Long> before) {
        return new ThisRun(commandLine, workingDirectory, started, startedNanos, host, threads, shards, before);
    }

    /**
     * @param merged the shards a merge read
     * @return this record for that merge
     */
    public ThisRun merging(List<ShardRecord> merged) {
        return new ThisRun(commandLine, workingDirectory, started, startedNanos, host, threads, merged, extended);
    }

    /**
     * This process, now.
     *
     * @param commandLine the program and its arguments
     * @param threads worker threads, or null for none
     * @param shards the shards merged (empty for a run)
     * @return the record
     */
    public static ThisRun now(List<String> commandLine, Integer threads, List<ShardRecord> shards) {
        return new ThisRun(commandLine, System.getProperty("user.dir"), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                System.nanoTime(), localHost(), threads, shards, Map.of());
    }

    /** @return this machine's host name, or "unknown" */
    public static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The {@code this_run} object of summary.json (the report shows the same entries).
     *
     * @param engines each engine's main ensemble: its wall time in this process and its trajectories in all, in
     *     run order
     * @return the object
     */
    ObjectNode json(List<Timing> engines) {
        ObjectNode o = Json.object();
        o.put("qtm_version", Build.version());
        o.put("commit", Build.commit());
        ArrayNode args = o.putArray("command_line");
        commandLine.forEach(args::add);
        o.put("working_directory", workingDirectory);
        o.put("started", started.toString());
        o.put("seconds", (System.nanoTime() - startedNanos) * 1e-9);
        o.put("host", host);
        o.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        o.put("cores", Runtime.getRuntime().availableProcessors());
        if (threads != null) {
            o.put("threads", threads);
        }
        if (!engines.isEmpty()) {
            ObjectNode e = o.putObject("engines");
            for (Timing t : engines) {
                long ran = t.trajectories() - extended.getOrDefault(t.engine(), 0L);
                e.putObject(t.engine()).put("seconds", t.seconds()).put("trajectories_run", ran)
                        .put("trajectories_per_second", t.seconds() > 0 ? ran / t.seconds() : Double.NaN);
            }
        }
        if (!extended.isEmpty()) {
            ObjectNode x = o.putObject("extended_from");
            extended.forEach(x::put);
        }
        if (!shards.isEmpty()) {
            ArrayNode a = o.putArray("shards");
            for (ShardRecord r : shards) {
                a.addObject().put("shard", r.shard() + "/" + r.shards()).put("host", r.host())
                        .put("seconds", r.seconds()).put("complete", r.complete());
            }
        }
        return o;
    }

    /**
     * One engine's speed in this process.
     *
     * @param engine the engine's name
     * @param seconds wall time of the trajectories this process ran
     * @param trajectories its trajectories in all (an extension's included)
     */
    record Timing(String engine, double seconds, long trajectories) {
    }
}
