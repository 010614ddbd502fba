package qtm.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/**
 * The mean and variance of the net count N_k(t) of every bath of a machine (issue 25), two panels per bath: each
 * engine's with its ±SE band and the master equation's exact values black dashed; the machine counterpart of
 * {@link CountFigure} and {@link CountVarianceFigure}, whose panels are a preset's cold and hot. Drawn where every
 * engine recorded the counts.
 */
final class MachineCountFigure implements RunFigure {
    private static final String PREFIX = "count_";
    private static final String VARIANCE = "_var";

    @Override
    public String file() {
        return "counts";
    }

    @Override
    public String title() {
        return "Net counts per bath: mean and variance";
    }

    @Override
    public String caption() {
        return "The mean and the variance of the net number of quanta N_k(t) that moved into each bath (+1 into it, −1 "
                + "out of it), two panels per bath, for each engine with its ±SE band; the master equation's exact "
                + "values black dashed (the "
                + "collision engine is judged against its own exact map, which differs from it at order Δt).";
    }

    @Override
    public boolean applies(RunCurves in) {
        return !in.engines().isEmpty() && !baths(in).isEmpty()
                && in.engines().stream().allMatch(e -> e.curves().sites().keySet().containsAll(baths(in)));
    }

    /** The count columns the exact curves hold, one per bath in bath order. */
    private static List<String> baths(RunCurves in) {
        List<String> out = new ArrayList<>();
        for (String c : in.exact().sites().keySet()) {
            if (c.startsWith(PREFIX) && !c.endsWith(VARIANCE)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        List<ChartBuilder> panels = new ArrayList<>();
        boolean first = true;
        for (String column : baths(in)) {
            String bath = column.substring(PREFIX.length());
            panels.add(panel(in, column, "⟨N⟩ of bath " + bath, first));
            if (in.exact().sites().containsKey(column + VARIANCE)
                    && in.engines().stream().allMatch(e -> e.curves().sites().containsKey(column + VARIANCE))) {
                panels.add(panel(in, column + VARIANCE, "Var N of bath " + bath, false));
            }
            first = false;
        }
        return ChartBuilder.stacked(title(), panels.toArray(ChartBuilder[]::new));
    }

    private static ChartBuilder panel(RunCurves in, String column, String label, boolean listed) {
        ChartBuilder p = new ChartBuilder("", TIME, label);
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            p.add(RunFigure.series(e.name() + " ± SE", in.t(), e.curves().sites().get(column)), ChartBuilder.color(i++),
                    false);
        }
        p.addReference(RunFigure.series("exact (" + ME + ")", in.t(), in.exact().sites().get(column)), true, listed);
        return p;
    }
}
