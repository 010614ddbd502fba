package qtm.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.observe.SiteObservables;
import qtm.run.RunCurves;

/**
 * The charts of {@code qtm evolve --charts} (issue 24): the exact transient's negativity of every bipartition and
 * concurrence of every pair of qubit sites over time ({@link EntanglementFigure}) and every site's populations
 * ({@link SitePopulationsFigure}), drawn by the run's own figure classes from curves that hold the master equation's
 * line alone (no engine). Plotting only: the values are evolve's CSV columns.
 */
public final class EvolveCharts {
    private EvolveCharts() {
    }

    /**
     * Writes {@code entanglement} and {@code site-populations} as PNG, SVG and PDF.
     *
     * @param dir the directory to write into
     * @param sites the machine's sites, which name the columns drawn
     * @param t the grid's times
     * @param column the values of a column of evolve's CSV over the grid, by its name
     * @return the file names written, without extensions
     * @throws IOException on write failure
     */
    public static List<String> write(Path dir, SiteObservables sites, double[] t,
            java.util.function.Function<String, double[]> column) throws IOException {
        // Charts need no more points than they have pixels: the run's rule.
        int[] drawn = RunCurves.drawn(t.length);
        Map<String, RunCurves.Curve> curves = new LinkedHashMap<>();
        for (String c : sites.columns()) {
            curves.put(c, new RunCurves.Curve(pick(column.apply(c), drawn), null));
        }
        RunCurves.Curves exact = new RunCurves.Curves("exact", null, null, null, null, null, null, null, null, null,
                null, curves);
        RunCurves in = new RunCurves(pick(t, drawn), List.of(), exact, Double.NaN, Double.NaN, null, Map.of(), sites);
        List<String> written = new ArrayList<>();
        for (RunFigure f : List.of(new EntanglementFigure(), new SitePopulationsFigure())) {
            if (f.applies(in)) {
                ChartFiles.write(f.chart(in), dir, f.file());
                written.add(f.file());
            }
        }
        return written;
    }

    private static double[] pick(double[] v, int[] k) {
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = v[k[i]];
        }
        return out;
    }
}
