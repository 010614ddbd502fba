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
            write(dir.resolve(THERMO_CSV), THERMO_COLUMNS, thermoRows(e.bookkeeping()));
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
    /** Its columns: the map's cumulative values per bath, then the engine's with their SE. */
    static final String[] THERMO_COLUMNS = {"t", "map_heat_cold", "map_heat_hot", "map_work_cold", "map_work_hot",
        "map_entropy_cold", "map_entropy_hot", "map_entropy_total", "heat_cold", "heat_cold_se", "heat_hot",
        "heat_hot_se", "work_cold", "work_cold_se", "work_hot", "work_hot_se", "entropy_total", "entropy_total_se"};

    private static List<double[]> thermoRows(qtm.verify.CollisionBookkeeping.Result b) {
        List<double[]> rows = new ArrayList<>();
        for (qtm.verify.CollisionBookkeeping.Row x : b.rows()) {
            rows.add(new double[] {x.t(), x.mapHeat()[0], x.mapHeat()[1], x.mapWork()[0], x.mapWork()[1],
                x.mapEntropy()[0], x.mapEntropy()[1], x.mapTotal(), x.heat()[0].mean(), x.heat()[0].se(),
                x.heat()[1].mean(), x.heat()[1].se(), x.work()[0].mean(), x.work()[0].se(), x.work()[1].mean(),
                x.work()[1].se(), x.entropy().mean(), x.entropy().se()});
        }
        return rows;
    }
}
