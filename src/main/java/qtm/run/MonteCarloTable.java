package qtm.run;

import java.util.ArrayList;
import java.util.List;
import qtm.stats.RareEvents;
import qtm.sweep.KeySweep;
import qtm.sweep.SweepTable;

/**
 * The table of a Monte Carlo sweep (issue 26): the exact key sweep's columns, then for each engine, for each exact
 * result column that the engine estimates at the final time, {@code <engine>_<column>} and
 * {@code <engine>_<column>_se} (a heat current that the engine only counts: {@code <engine>_<column>_count}, the
 * mean over the last bin), and last {@code <engine>_converged} (1 if its whole verdict passed, else 0). So the
 * Monte Carlo value of a quantity sits in the same row as its exact steady value, under the same name.
 */
public final class MonteCarloTable {
    private MonteCarloTable() {
    }

    /**
     * @param exact the exact sweep's table, one row per point in grid order
     * @param points each point's run, in grid order
     * @return the table with the Monte Carlo columns added
     * @throws IllegalArgumentException if the points' counts differ, or a point ran other engines than the first
     */
    public static KeySweep.KeyTable of(KeySweep.KeyTable exact, List<PointRun> points) {
        SweepTable t = exact.table();
        if (points.size() != t.rows().size()) {
            throw new IllegalArgumentException(points.size() + " runs for " + t.rows().size() + " points");
        }
        List<String> results = t.columns().subList(exact.axes().size(), t.columns().size());
        List<PointRun.Engine> first = points.get(0).engines();
        List<String> columns = new ArrayList<>(t.columns());
        List<List<String>> estimated = new ArrayList<>();
        for (PointRun.Engine e : first) {
            List<String> own = results.stream().map(c -> estimated(e, c)).filter(java.util.Objects::nonNull)
                    .toList();
            estimated.add(own);
            String prefix = safe(e.name()) + "_";
            for (String c : own) {
                columns.add(prefix + c);
                columns.add(prefix + c + "_se");
            }
            columns.add(prefix + "converged");
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<PointRun.Engine> engines = points.get(i).engines();
            if (engines.size() != first.size()) {
                throw new IllegalArgumentException("the point " + i + " ran other engines than the first");
            }
            double[] row = java.util.Arrays.copyOf(t.rows().get(i), columns.size());
            int k = t.columns().size();
            for (int j = 0; j < engines.size(); j++) {
                PointRun.Engine e = engines.get(j);
                if (!e.name().equals(first.get(j).name())) {
                    throw new IllegalArgumentException("the point " + i + " ran other engines than the first");
                }
                for (String c : estimated.get(j)) {
                    RareEvents.Flagged f = e.finals().get(c);
                    row[k++] = f.mean();
                    row[k++] = f.se();
                }
                row[k++] = e.converged() ? 1 : 0;
            }
            rows.add(row);
        }
        return new KeySweep.KeyTable(exact.axes(), exact.plot(), new SweepTable(columns, rows, List.of()));
    }

    /**
     * The engine's final estimate of an exact column: the column itself, or for a heat current that the engine
     * estimates only by counting (a machine's jumps in the last bin), {@code <column>_count}; null if neither.
     */
    private static String estimated(PointRun.Engine e, String column) {
        if (e.finals().containsKey(column)) {
            return column;
        }
        return column.startsWith("heat_") && e.finals().containsKey(column + "_count") ? column + "_count" : null;
    }

    /** An engine's name as a header prefix: letters, digits and '_' only. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
