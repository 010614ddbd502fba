package qtm.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.observe.DetectedCounts;
import qtm.observe.Estimates;
import qtm.run.RunCurves;

/**
 * What an imperfect detector sees of a machine's heat flow (issue 28): per detected bath, the mean and the variance of
 * the true net count N_k(t) beside the detected one N_det(t), each engine's ± SE and the exact values dashed. Thinning
 * by η scales the mean by η but the variance by less (η²·Var N + η(1 − η)·activity), and dark clicks add θt to the
 * variance only, so the detected Fano factor stands apart from the true one. Drawn where the jump engine recorded
 * detected counts.
 */
final class MachineDetectedFigure implements RunFigure {
    private static final String PREFIX = "detected_count_";
    private static final String VARIANCE = "_var";

    @Override
    public String file() {
        return "detected-counts";
    }

    @Override
    public String title() {
        return "Detected against true counts";
    }

    @Override
    public String caption() {
        return "Per detected bath, the mean and the variance of the true net count N_k(t) (solid) and of the count an "
                + "imperfect detector records N_det(t) (lighter), each engine's with its ±SE band, and their exact "
                + "values (dashed): thinning lowers the mean by η and the variance by less, dark clicks add to the "
                + "variance alone.";
    }

    @Override
    public boolean applies(RunCurves in) {
        return !baths(in).isEmpty() && in.engines().stream().anyMatch(e -> e.curves().sites().keySet()
                .containsAll(columns(baths(in).get(0))));
    }

    /** The detected baths' names, in the detection's order, that also have true counts. */
    private static List<String> baths(RunCurves in) {
        List<String> out = new ArrayList<>();
        for (String c : in.exact().sites().keySet()) {
            if (c.startsWith(PREFIX) && !c.endsWith(VARIANCE)) {
                String bath = c.substring(PREFIX.length());
                if (in.exact().sites().containsKey(Estimates.count(bath))) {
                    out.add(bath);
                }
            }
        }
        return out;
    }

    private static List<String> columns(String bath) {
        return List.of(Estimates.count(bath), Estimates.countVariance(bath), DetectedCounts.count(bath),
                DetectedCounts.variance(bath));
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        List<ChartBuilder> panels = new ArrayList<>();
        for (String bath : baths(in)) {
            List<String> c = columns(bath);
            panels.add(panel(in, c.get(0), c.get(2), "⟨N⟩ of bath " + bath));
            panels.add(panel(in, c.get(1), c.get(3), "Var N of bath " + bath));
        }
        return ChartBuilder.stacked(title(), panels.toArray(ChartBuilder[]::new));
    }

    private static ChartBuilder panel(RunCurves in, String trueColumn, String detectedColumn, String label) {
        ChartBuilder p = new ChartBuilder("", TIME, label);
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            if (e.curves().sites().containsKey(detectedColumn)) {
                p.add(RunFigure.series(e.name() + " true ± SE", in.t(), e.curves().sites().get(trueColumn)),
                        ChartBuilder.color(i), false);
                p.add(RunFigure.series(e.name() + " detected ± SE", in.t(), e.curves().sites().get(detectedColumn)),
                        ChartBuilder.color(i).brighter(), false);
                i++;
            }
        }
        p.add(RunFigure.series("exact true", in.t(), in.exact().sites().get(trueColumn)), java.awt.Color.BLACK, true);
        p.add(RunFigure.series("exact detected", in.t(), in.exact().sites().get(detectedColumn)), java.awt.Color.GRAY,
                true);
        return p;
    }
}
