package qtm.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.observe.SiteObservables;
import qtm.observe.Snapshot;
import qtm.output.Csv;
import qtm.run.EngineOutcome;

/**
 * The run's tables of numbers as CSV: the exact and collision-map time series and the collision bookkeeping. Apart
 * from {@link RunWriter} so that a file's columns and its rows are defined side by side.
 */
final class RunCsv {
    private RunCsv() {
    }

    /**
     * Writes an engine's own CSV files besides its time series (those are written as its ensemble ends): for the
     * collision engine the exact map's time series and, where recorded, the bookkeeping.
     *
     * @param dir the output directory
     * @param e the engine's outcome
     * @param sites the machine's sites, whose observables follow the snapshot's columns
     * @throws IOException on write failure
     */
    static void engine(Path dir, EngineOutcome e, SiteObservables sites) throws IOException {
        if (e.collision() == null) {
            return;
        }
        write(dir.resolve("timeseries-collision-map.csv"), header(sites), rows(e.referenceRows(), e.reference(),
                sites));
        if (e.bookkeeping() != null) {
            thermo(dir.resolve(THERMO_CSV), java.util.Arrays.stream(qtm.model.Side.values())
                    .map(qtm.model.Side::key).toList(), e.bookkeeping().rows());
        }
    }

    /**
     * @param sites the machine's sites
     * @return the columns of an exact time series: {@link Snapshot#COLUMNS}, then {@link SiteObservables#columns()}
     */
    static String[] header(SiteObservables sites) {
        List<String> h = new ArrayList<>(List.of(Snapshot.COLUMNS));
        h.addAll(sites.columns());
        return h.toArray(new String[0]);
    }

    /**
     * @param snapshots the observables of the states
     * @param states the states themselves
     * @param sites the machine's sites
     * @return the rows of {@link #header}
     */
    static List<double[]> rows(List<Snapshot> snapshots, List<ZMatrixRMaj> states, SiteObservables sites) {
        List<double[]> rows = new ArrayList<>(snapshots.size());
        for (int k = 0; k < snapshots.size(); k++) {
            rows.add(concat(snapshots.get(k).values(), sites.values(states.get(k))));
        }
        return rows;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void write(Path file, String[] header, List<double[]> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.write(w, header, rows);
        }
    }

    /** The collision bookkeeping's file. */
    static final String THERMO_CSV = "thermo-collision.csv";
    /**
     * Writes the collision bookkeeping's file: per grid point the map's cumulative heat, work and entropy production
     * of every bath and its total Σ, then the engine's heat and work of every bath and its total Σ, each with its SE.
     *
     * @param file the file
     * @param baths the baths' keys, in the rows' index order (cold, hot on a preset; bath names on a machine)
     * @param rows the bookkeeping's rows
     * @throws IOException on write failure
     */
    static void thermo(Path file, List<String> baths, List<qtm.verify.CollisionBookkeeping.Row> rows)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("t"));
        for (String kind : List.of("map_heat_", "map_work_", "map_entropy_")) {
            baths.forEach(b -> header.add(kind + b));
        }
        header.add("map_entropy_total");
        for (String kind : List.of("heat_", "work_")) {
            baths.forEach(b -> {
                header.add(kind + b);
                header.add(kind + b + "_se");
            });
        }
        header.add("entropy_total");
        header.add("entropy_total_se");
        int n = baths.size();
        List<double[]> out = new ArrayList<>();
        for (qtm.verify.CollisionBookkeeping.Row x : rows) {
            double[] r = new double[header.size()];
            r[0] = x.t();
            for (int b = 0; b < n; b++) {
                r[1 + b] = x.mapHeat()[b];
                r[1 + n + b] = x.mapWork()[b];
                r[1 + 2 * n + b] = x.mapEntropy()[b];
                r[2 + 3 * n + 2 * b] = x.heat()[b].mean();
                r[3 + 3 * n + 2 * b] = x.heat()[b].se();
                r[2 + 5 * n + 2 * b] = x.work()[b].mean();
                r[3 + 5 * n + 2 * b] = x.work()[b].se();
            }
            r[1 + 3 * n] = x.mapTotal();
            r[2 + 7 * n] = x.entropy().mean();
            r[3 + 7 * n] = x.entropy().se();
            out.add(r);
        }
        write(file, header.toArray(new String[0]), out);
    }
}
