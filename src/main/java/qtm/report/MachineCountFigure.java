package qtm.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/**
 * The mean net count N_k(t) of every bath of a machine (issue 25), one panel per bath: each engine's with its ±SE
 * band and the master equation's exact mean black dashed; the machine counterpart of {@link CountFigure}, whose two
 * panels are a preset's cold and hot. Drawn where every engine recorded the counts.
 */
final class MachineCountFigure implements RunFigure {
    private static final String PREFIX = "count_";

    @Override
    public String file() {
        return "counts";
    }

    @Override
    public String title() {
        return "Net counts per bath";
    }

    @Override
    public String caption() {
        return "The mean net number of quanta N_k(t) that moved into each bath (+1 into it, −1 out of it), one panel per "
                + "bath, for each engine with its ±SE band; the master equation's exact mean black dashed (the "
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
            if (c.startsWith(PREFIX)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        List<String> columns = baths(in);
        ChartBuilder[] panels = new ChartBuilder[columns.size()];
        for (int b = 0; b < panels.length; b++) {
            String column = columns.get(b);
            ChartBuilder p = new ChartBuilder("", TIME, "N of bath " + column.substring(PREFIX.length()));
            int i = 0;
            for (RunCurves.EngineCurves e : in.engines()) {
                p.add(RunFigure.series(e.name() + " ± SE", in.t(), e.curves().sites().get(column)),
                        ChartBuilder.color(i++), false);
            }
            p.addReference(RunFigure.series("exact (" + ME + ")", in.t(), in.exact().sites().get(column)), true,
                    b == 0);
            panels[b] = p;
        }
        return ChartBuilder.stacked(title(), panels);
    }
}
