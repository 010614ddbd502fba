package qtm.report;

import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import qtm.model.Side;
import qtm.run.RunCurves;

/**
 * A figure of the net counts N_k(t): drawn only where every engine recorded them (grids of at most
 * {@link qtm.observe.NetCounts#MAX_POINTS} points). Its curves are one per bath and engine with jackknife bands,
 * and the exact pair (N_h dashed).
 */
abstract class CountFigure implements RunFigure {
    @Override
    public boolean applies(RunCurves in) {
        return in.exact().countVariance() != null
                && in.engines().stream().allMatch(e -> e.curves().countVariance() != null);
    }

    /**
     * @param b the chart's frame
     * @param in the run's curves
     * @param symbol the quantity's symbol before the bath's letter ("Var N_", "F_")
     * @param curves the quantity per bath, of an engine's or the exact curves
     * @return the chart
     */
    static JFreeChart perBath(ChartBuilder b, RunCurves in, String symbol,
            Function<RunCurves.Curves, RunCurves.Curve[]> curves) {
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            for (Side side : Side.values()) {
                b.add(RunFigure.series(symbol + side.key().charAt(0) + " " + e.name() + " ± SE", in.t(),
                        curves.apply(e.curves())[side.ordinal()]), ChartBuilder.color(i++), false);
            }
        }
        b.add(RunFigure.series("exact " + symbol + "c", in.t(), curves.apply(in.exact())[0]), EXACT, false);
        b.add(RunFigure.series("exact " + symbol + "h", in.t(), curves.apply(in.exact())[1]), EXACT, true);
        return b.build();
    }
}
