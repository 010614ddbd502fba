package qtm.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.stats.Estimate;
import qtm.verify.CollisionBookkeeping;
import qtm.verify.MachineBookkeeping;

/**
 * A machine's collision bookkeeping (issue 25, with {@code observe.collision_work}), three stacked panels over the
 * grid: the cumulative heat Q_k(t) into each bath, the switching work W_k(t) each bath's collisions cost, and the total
 * entropy production Σ(t) (where it is finite: a bath at T = 0 makes it infinite); the engine's mean ± SE beside its
 * exact map's value (dashed), as {@link MachineBookkeeping} judged them. The figure only picks the numbers the verdict
 * holds.
 */
final class BookkeepingFigure {
    /** The file name, without extension. */
    static final String FILE = "thermo-collision";

    private BookkeepingFigure() {
    }

    /**
     * @param b the collision engine's bookkeeping against its map
     * @return the chart
     */
    static JFreeChart chart(MachineBookkeeping.Result b) {
        List<CollisionBookkeeping.Row> rows = b.rows();
        int n = rows.size();
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = rows.get(k).t();
        }
        ChartBuilder heat = new ChartBuilder("", RunFigure.TIME, "heat Q_k(t) into bath k");
        ChartBuilder work = new ChartBuilder("", RunFigure.TIME, "switching work W_k(t)");
        for (int bath = 0; bath < b.baths().size(); bath++) {
            String name = b.baths().get(bath);
            Color c = ChartBuilder.color(bath);
            int i = bath;
            heat.add(series(name + " collision ± SE", t, rows, r -> r.heat()[i]), c, false);
            heat.add(Series.line(name + " exact map", t, map(rows, r -> r.mapHeat()[i])), c.darker(), true);
            work.add(series(name + " collision ± SE", t, rows, r -> r.work()[i]), c, false);
            work.add(Series.line(name + " exact map", t, map(rows, r -> r.mapWork()[i])), c.darker(), true);
        }
        String title = "Heat, work and entropy of the collisions";
        if (!Double.isFinite(rows.get(n - 1).mapTotal())) {
            return ChartBuilder.stacked(title, heat, work);
        }
        ChartBuilder entropy = new ChartBuilder("", RunFigure.TIME, "entropy production Σ(t)");
        entropy.add(series("collision ± SE", t, rows, CollisionBookkeeping.Row::entropy), ChartBuilder.color(0), false);
        entropy.addReference(Series.line("exact map", t, map(rows, CollisionBookkeeping.Row::mapTotal)), true, true);
        return ChartBuilder.stacked(title, heat, work, entropy);
    }

    private static Series series(String label, double[] t, List<CollisionBookkeeping.Row> rows,
            java.util.function.Function<CollisionBookkeeping.Row, Estimate> pick) {
        double[] y = new double[t.length];
        double[] se = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            Estimate e = pick.apply(rows.get(k));
            y[k] = e.mean();
            se[k] = Double.isFinite(e.se()) ? e.se() : 0;
        }
        return new Series(label, t, y, se);
    }

    private static double[] map(List<CollisionBookkeeping.Row> rows,
            java.util.function.ToDoubleFunction<CollisionBookkeeping.Row> pick) {
        return rows.stream().mapToDouble(pick).toArray();
    }
}
