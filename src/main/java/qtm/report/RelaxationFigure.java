package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/**
 * D(ρ̄(t), ρ∞) per engine (jackknife band) and exact, on a log axis, with the reference slope e^{−gap·t}; only
 * where the steady state is unique. An engine's curve levels off where D reaches its own statistical noise.
 */
final class RelaxationFigure implements RunFigure {
    @Override
    public String file() {
        return "relaxation";
    }

    @Override
    public String title() {
        return "Relaxation";
    }

    @Override
    public String caption() {
        return "Trace distance to the steady state on a log axis. The master equation's curve approaches the grey "
                + "reference e^(−gap·t) set by the Liouvillian's spectral gap; an engine's curve levels off at its "
                + "own statistical noise.";
    }

    @Override
    public boolean applies(RunCurves in) {
        return in.gapSlope() != null;
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        ChartBuilder b = new ChartBuilder("Relaxation toward the steady state", TIME,
                "trace distance D(ρ(t), ρ∞) (dimensionless)").logY();
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            b.add(RunFigure.series("D(ρ̄, ρ∞) " + e.name() + " ± SE", in.t(), e.curves().relaxation()),
                    ChartBuilder.color(i++), false);
        }
        b.addReference(RunFigure.series("exact D(ρ(t), ρ∞)", in.t(), in.exact().relaxation()), false, true);
        b.add(RunFigure.series("spectral gap: e^(-" + RunFigure.fmt(in.gap()) + " t)", in.t(), in.gapSlope()),
                Color.GRAY, true);
        return b.build();
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        RunFigure.bands(lines, in, "D(ρ̄, ρ∞) ", RunCurves.Curves::relaxation, 0);
        lines.add(RunFigure.exact("D(ρ(t), ρ∞) " + ME, in.exact().relaxation().y(), EXACT, false));
        lines.add(RunFigure.exact("e^(−gap·t)", in.gapSlope().y(), Color.GRAY, true));
        return List.of(new InteractivePlot(TIME, "trace distance to ρ∞", true, in.t(), lines));
    }
}
