package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.model.Side;
import qtm.observe.Snapshot;
import qtm.run.RunCurves;

/**
 * Q_c(t) above and Q_h(t) below on a shared time axis: per engine the formula on ρ̄ and jump counting (per output
 * bin, the noisier, drawn thin and translucent), both with bands, and the exact current in solid black on top. The
 * panels keep the two currents, of opposite sign, from sharing one crowded scale; the interactive twins are one
 * chart per bath.
 */
final class HeatFigure implements RunFigure {
    @Override
    public String file() {
        return "heat";
    }

    @Override
    public String title() {
        return "Heat currents";
    }

    @Override
    public String caption() {
        return "Q_k is the heat flowing from qubit k into bath k. Each engine estimates it twice: by the formula on ρ̄ "
                + "and by counting the energy its jumps move per output bin (thin, translucent). Cold bath above, hot "
                + "below; the master equation's currents in solid black.";
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        ChartBuilder[] panels = new ChartBuilder[2];
        for (Side side : Side.values()) {
            String k = String.valueOf(side.key().charAt(0));
            ChartBuilder b = new ChartBuilder("", TIME, "Q_" + k + " into the " + side.key() + " bath (units of E²)");
            int i = 0;
            for (RunCurves.EngineCurves e : in.engines()) {
                b.add(RunFigure.series(e.name() + ", formula on ρ̄ ± SE", in.t(),
                        e.curves().heatFormula()[side.ordinal()]), ChartBuilder.color(i++), false);
                if (e.curves().heatCount() != null) {
                    b.addLight(RunFigure.series(e.name() + ", jump counting ± SE", in.t(),
                            e.curves().heatCount()[side.ordinal()]), ChartBuilder.color(i++));
                }
            }
            b.addReference(RunFigure.series("exact (master equation)", in.t(),
                    in.exact().heatFormula()[side.ordinal()]), false, true);
            panels[side.ordinal()] = b;
        }
        return ChartBuilder.stacked("Heat currents into the baths", panels);
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        return List.of(plot(in, references, Side.COLD), plot(in, references, Side.HOT));
    }

    /** One bath's current, as the static chart's panel of that bath; an engine's own exact map dashed grey. */
    private static InteractivePlot plot(RunCurves in, List<ExactReference> references, Side side) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        int i = 0;
        String q = "Q_" + side.key().charAt(0);
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(RunFigure.band(q + " " + e.name() + " formula on ρ̄", e.curves().heatFormula()[side.ordinal()],
                    ChartBuilder.color(i++)));
            if (e.curves().heatCount() != null) {
                lines.add(RunFigure.band(q + " " + e.name() + " jump counting",
                        e.curves().heatCount()[side.ordinal()], ChartBuilder.color(i++)));
            }
        }
        for (ExactReference r : references) {
            lines.add(RunFigure.exact(q + " " + r.label(),
                    r.drawn(side == Side.COLD ? Snapshot::heatCold : Snapshot::heatHot), Color.DARK_GRAY, true));
        }
        // Last, so that uPlot draws it over the noisy estimates, as the static chart does.
        lines.add(RunFigure.exact(q + " " + ME, in.exact().heatFormula()[side.ordinal()].y(), EXACT, false));
        return new InteractivePlot(TIME, q + " into the " + side.key() + " bath (units of E²)", false, in.t(), lines);
    }
}
