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

/**
 * The index of a directory's jump records, {@link JumpRecords#INDEX}: K, the columns, and for each engine its two
 * files, the trajectory indices they cover and their number of rows. Read back, every number is checked to be one a
 * run writes.
 */
final class JumpIndex {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JumpIndex() {
    }

    /**
     * Writes the index.
     *
     * @param dir the (staging) directory
     * @param limit K
     * @param engines each finished engine's coverage, in run order
     * @throws IOException on write failure
     */
    static void write(Path dir, long limit, Map<String, JumpRecords.Coverage> engines) throws IOException {
        ObjectNode o = Json.object();
        o.put("records", limit);
        o.put("columns", JumpRecords.CSV_HEADER);
        ObjectNode e = o.putObject("engines");
        for (Map.Entry<String, JumpRecords.Coverage> x : engines.entrySet()) {
            ObjectNode c = e.putObject(x.getKey());
            c.put("csv", JumpRecords.csvName(x.getKey()));
            c.put("npy", JumpRecords.npyName(x.getKey()));
            ArrayNode a = c.putArray("trajectories");
            for (long[] r : x.getValue().ranges()) {
                a.addArray().add(r[0]).add(r[1]);
            }
            c.put("jumps", x.getValue().jumps());
        }
        Files.writeString(dir.resolve(JumpRecords.INDEX), Json.write(o) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads and checks the index for {@link JumpRecords#readIndex}, which says what it returns and throws. */
    static JumpRecords.Index read(Path dir) throws IOException {
        Path file = dir.resolve(JumpRecords.INDEX);
        if (!InputFiles.exists(file)) {
            return null;
        }
        JsonNode o = MAPPER.readTree(InputFiles.readSmall(file));
        if (o == null || !o.path("records").canConvertToLong() || !o.path("engines").isObject()) {
            throw new IllegalArgumentException("not a qtm jump-record index");
        }
        // Every number as a run writes it: K within what --records allows, ranges ascending below K, rows >= 0.
        long limit = o.get("records").asLong();
        if (limit < 1 || limit > JumpRecords.MAX_RECORDS) {
            throw new IllegalArgumentException("its \"records\" is " + limit + ", expected 1 to "
                    + JumpRecords.MAX_RECORDS);
        }
        Map<String, JumpRecords.Coverage> engines = new LinkedHashMap<>();
        var it = o.get("engines").fields();
        while (it.hasNext()) {
            var x = it.next();
            String bad = "not a qtm jump-record index (engine " + qtm.input.Quote.of(x.getKey()) + ")";
            JsonNode t = x.getValue().path("trajectories");
            JsonNode jumps = x.getValue().path("jumps");
            if (!t.isArray() || !jumps.canConvertToLong() || jumps.asLong() < 0
                    || jumps.asLong() > Long.MAX_VALUE / Npy.ROW_BYTES / 2) {
                throw new IllegalArgumentException(bad);
            }
            List<long[]> ranges = new ArrayList<>();
            long at = 0;
            for (JsonNode r : t) {
                if (!r.isArray() || r.size() != 2 || !r.get(0).canConvertToLong() || !r.get(1).canConvertToLong()
                        || r.get(0).asLong() < at || r.get(1).asLong() <= r.get(0).asLong()
                        || r.get(1).asLong() > limit) {
                    throw new IllegalArgumentException(bad + ": trajectory ranges must ascend within [0, "
                            + limit + ")");
                }
                ranges.add(new long[] {r.get(0).asLong(), r.get(1).asLong()});
                at = r.get(1).asLong();
            }
            engines.put(x.getKey(), new JumpRecords.Coverage(ranges, jumps.asLong()));
        }
        return new JumpRecords.Index(limit, engines);
    }
}
