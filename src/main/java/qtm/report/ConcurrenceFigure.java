package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.observe.Snapshot;
import qtm.run.RunCurves;

/**
 * C(ρ̄(t)) per engine with its jackknife band, the mean concurrence of the trajectories' pure states (lighter), the
 * exact C(t) and the steady-state value (dashed).
 */
final class ConcurrenceFigure implements RunFigure {
    @Override
    public String file() {
        return "concurrence";
    }

    @Override
    public String title() {
        return "Concurrence";
    }

    @Override
    public String caption() {
        return "C(ρ̄(t)) of each engine's mean state with its jackknife ±SE band; the master equation's C(ρ(t)) in "
                + "black; its steady-state value dashed. The lighter curves are the mean concurrence of the "
                + "trajectories' pure states, a property of the unravelling, not of ρ.";
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        ChartBuilder b = new ChartBuilder("Concurrence of the mean state", TIME, "concurrence C (dimensionless)");
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            b.add(RunFigure.series("C(ρ̄) " + e.name() + " ± SE", in.t(), e.curves().concurrence()),
                    ChartBuilder.color(i++), false);
        }
        for (RunCurves.EngineCurves e : in.engines()) {
            b.addLight(RunFigure.series("mean trajectory C " + e.name(), in.t(), e.curves().pureConcurrence()),
                    ChartBuilder.color(i++));
        }
        b.addReference(RunFigure.series("exact C(ρ(t))", in.t(), in.exact().concurrence()), false, true);
        if (!Double.isNaN(in.steadyConcurrence())) {
            b.add(Series.line("steady state C = " + RunFigure.fmt(in.steadyConcurrence()), in.t(), steady(in)),
                    Color.GRAY, true);
        }
        return b.build();
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        int i = RunFigure.bands(lines, in, "C(ρ̄) ", RunCurves.Curves::concurrence, 0);
        i = RunFigure.bands(lines, in, "mean trajectory C ", RunCurves.Curves::pureConcurrence, i);
        lines.add(RunFigure.exact("C " + ME, in.exact().concurrence().y(), EXACT, false));
        for (ExactReference r : references) {
            lines.add(RunFigure.exact("C " + r.label(), r.drawn(Snapshot::concurrence), ChartBuilder.color(i++).darker(),
                    true));
        }
        if (!Double.isNaN(in.steadyConcurrence())) {
            lines.add(RunFigure.exact("C steady state (" + ME + ")", steady(in), Color.GRAY, true));
        }
        return List.of(new InteractivePlot(TIME, "concurrence C", false, in.t(), lines));
    }

    private static double[] steady(RunCurves in) {
        double[] y = new double[in.t().length];
        Arrays.fill(y, in.steadyConcurrence());
        return y;
    }
}
