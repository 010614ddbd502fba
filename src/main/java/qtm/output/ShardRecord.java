package qtm.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.ensemble.Ranges;
import qtm.input.Quote;

/**
 * What a shard directory says of itself besides its saved ensembles: {@code shard.json} (which shard of how many,
 * each ensemble's planned index range and total, whether it completed, run time and host) and
 * {@code scenario-as-run.json} (the scenario with every --set applied, as the saved ensembles' identity has it;
 * JSON is YAML, so the scenario reader reads it back to the same tree).
 *
 * @param shard I
 * @param shards N
 * @param name the scenario's name
 * @param file the scenario file the shard was run from (as given)
 * @param seed the seed
 * @param ensembles each ensemble's label → its planned range and total
 * @param complete true if the shard ran its whole range of every ensemble (not interrupted)
 * @param seconds wall time
 * @param host where it ran
 * @param qtmVersion which qtm ran it
 */
public record ShardRecord(int shard, int shards, String name, String file, long seed, Map<String, Planned> ensembles,
        boolean complete, double seconds, String host, String qtmVersion) {
    /** The shard's small JSON. */
    public static final String FILE = "shard.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The scenario as run. */
    public static final String SCENARIO = "scenario-as-run.json";

    /**
     * @param from first index of the shard's range
     * @param to one past its last
     * @param total the ensemble's trajectories over all shards
     */
    public record Planned(long from, long to, long total) {
    }

    /**
     * Writes both files into {@code dir}.
     *
     * @param dir a shard's (staging) directory
     * @param scenarioAsRun the scenario document with every --set applied
     * @throws IOException on write failure
     */
    public void write(Path dir, JsonNode scenarioAsRun) throws IOException {
        ObjectNode o = Json.object();
        o.put("shard", shard);
        o.put("shards", shards);
        o.put("scenario", name);
        o.put("file", file);
        o.put("seed", seed);
        ObjectNode e = o.putObject("ensembles");
        for (Map.Entry<String, Planned> x : ensembles.entrySet()) {
            ObjectNode p = e.putObject(x.getKey());
            ArrayNode range = p.putArray("range");
            range.add(x.getValue().from());
            range.add(x.getValue().to());
            p.put("total", x.getValue().total());
        }
        o.put("complete", complete);
        o.put("seconds", seconds);
        o.put("host", host);
        o.put("qtm_version", qtmVersion);
        Files.writeString(dir.resolve(FILE), Json.write(o) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SCENARIO), Json.write(scenarioAsRun) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @param dir a shard directory
     * @return its record
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not a shard record, or not a regular file of a sane size
     */
    public static ShardRecord read(Path dir) throws IOException {
        JsonNode o = MAPPER.readTree(InputFiles.readSmall(dir.resolve(FILE)));
        if (o == null || !o.isObject() || !o.path("shards").canConvertToInt() || !o.path("ensembles").isObject()) {
            throw new IllegalArgumentException("not a qtm shard record");
        }
        Map<String, Planned> ensembles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> x : iterable(o.get("ensembles"))) {
            JsonNode p = x.getValue();
            JsonNode r = p.path("range");
            if (!r.isArray() || r.size() != 2 || !r.get(0).canConvertToLong() || !r.get(1).canConvertToLong()
                    || !p.path("total").canConvertToLong()) {
                throw new IllegalArgumentException("not a qtm shard record (ensemble " + x.getKey() + ")");
            }
            Planned planned = new Planned(r.get(0).asLong(), r.get(1).asLong(), p.get("total").asLong());
            // As a run plans it: 0 <= from <= to <= total <= the most trajectories a scenario may ask for.
            if (planned.from() < 0 || planned.to() < planned.from() || planned.total() < planned.to()
                    || planned.total() > Ranges.MAX_TRAJECTORIES) {
                throw new IllegalArgumentException("not a qtm shard record (ensemble " + qtm.input.Quote.of(
                        x.getKey()) + ": range [" + planned.from() + ", " + planned.to() + ") of " + planned.total()
                        + " is not within 0 <= from <= to <= total <= "
                        + Ranges.MAX_TRAJECTORIES + ")");
            }
            ensembles.put(x.getKey(), planned);
        }
        int shards = o.path("shards").asInt();
        if (!o.path("shard").canConvertToInt() || shards < 1 || o.path("shard").asInt() < 0
                || o.path("shard").asInt() >= shards) {
            throw new IllegalArgumentException("not a qtm shard record (shard " + qtm.input.Quote.of(
                    o.path("shard").toString()) + " of " + shards + ")");
        }
        return new ShardRecord(o.path("shard").asInt(), o.path("shards").asInt(), o.path("scenario").asText(),
                o.path("file").asText(), o.path("seed").asLong(), ensembles, o.path("complete").asBoolean(),
                o.path("seconds").asDouble(), o.path("host").asText(), o.path("qtm_version").asText());
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode o) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        o.fields().forEachRemaining(out::add);
        return out;
    }

    /**
     * Whether {@code dir} holds a shard that ran its whole range of this very run: the same shard of the same N,
     * seed, qtm version, scenario as run, and index range and total of every ensemble.
     *
     * @param dir a shard directory
     * @param shard which shard of how many it should be
     * @param seed the run's seed
     * @param totals each ensemble's label → its trajectories over all shards, in the run's order
     * @param scenarioAsRun what its {@link #SCENARIO} must hold
     * @return true only if its record says so; false too if anything cannot be read
     */
    public static boolean ranWhole(Path dir, qtm.ensemble.Shard shard, long seed, Map<String, Long> totals,
            String scenarioAsRun) {
        try {
            ShardRecord r = read(dir);
            if (!r.complete() || r.shard() != shard.index() || r.shards() != shard.count() || r.seed() != seed
                    || !r.qtmVersion().equals(qtm.ensemble.SavedEnsemble.QTM_VERSION)) {
                return false;
            }
            if (!r.ensembles().keySet().equals(totals.keySet())) {
                return false;
            }
            for (Map.Entry<String, Long> e : totals.entrySet()) {
                long[] range = shard.range(e.getValue());
                Planned p = r.ensembles().get(e.getKey());
                if (p.total() != e.getValue() || p.from() != range[0] || p.to() != range[1]) {
                    return false;
                }
            }
            return Files.readString(dir.resolve(SCENARIO), StandardCharsets.UTF_8).equals(scenarioAsRun);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Why this shard cannot be merged with {@code first}, or null if it can: another qtm version, seed, scenario,
     * set of ensembles or total of one, checked in that order.
     *
     * @param first the first shard's record
     * @param firstDir its directory, as named in the reason
     * @param sameScenario whether this shard's scenario as run equals the first's (asked only after version and seed)
     * @return the reason, or null
     */
    public String unlike(ShardRecord first, Path firstDir, java.util.function.BooleanSupplier sameScenario) {
        if (!qtmVersion.equals(qtm.ensemble.SavedEnsemble.QTM_VERSION)) {
            return "it was written by qtm " + Quote.of(qtmVersion) + ", this is qtm "
                    + qtm.ensemble.SavedEnsemble.QTM_VERSION;
        } else if (seed != first.seed()) {
            return "it was run with seed " + seed + ", " + firstDir + " with seed " + first.seed();
        } else if (!sameScenario.getAsBoolean()) {
            return "it was run from another scenario than " + firstDir;
        } else if (!ensembles.keySet().equals(first.ensembles().keySet())) {
            return "it holds the ensembles " + Quote.of(ensembles.keySet().toString()) + ", " + firstDir
                    + " holds " + Quote.of(first.ensembles().keySet().toString());
        }
        String why = null;
        for (Map.Entry<String, Planned> e : ensembles.entrySet()) {
            long total = first.ensembles().get(e.getKey()).total();
            if (e.getValue().total() != total) {
                why = "its " + Quote.of(e.getKey()) + " ensemble has " + e.getValue().total()
                        + " trajectories in all, " + firstDir + "'s has " + total;
            }
        }
        return why;
    }
}
