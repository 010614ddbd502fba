package qtm.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.math.Bipartition;
import qtm.observe.ConditionalNegativity;
import qtm.observe.Estimates;
import qtm.run.RunCurves;

/**
 * Entanglement along trajectories depends on the unravelling (issue 29): the mean conditional concurrence (the
 * presets) or the mean conditional negativity of the first bipartition (a machine) of the jump engine and the
 * diffusive engine on one chart, each with its ±SE band, and the master equation's entanglement of the mean state in
 * black, which both engines' ρ̄ share. Drawn only for a run with the diffusive engine.
 */
final class UnravellingFigure implements RunFigure {
    private static final String DIFFUSIVE = "diffusive";

    @Override
    public String file() {
        return "unravellings";
    }

    @Override
    public String title() {
        return "Entanglement along jump and homodyne trajectories";
    }

    @Override
    public String caption() {
        return "The mean entanglement of each engine's conditional states (the presets: Wootters' concurrence; a "
                + "machine: the negativity of its first bipartition) with its ±SE band, and in black the master "
                + "equation's value for the mean state ρ(t). Both engines' ρ̄ converge to the same ρ(t), so their "
                + "entanglement of ρ̄ agrees; the conditional means differ because they depend on how the baths are "
                + "watched (jumps or homodyne detection), and by convexity both lie above the mean state's.";
    }

    @Override
    public boolean applies(RunCurves in) {
        boolean diffusive = in.engines().stream().anyMatch(e -> e.name().equals(DIFFUSIVE));
        if (!diffusive) {
            return false;
        }
        if (preset(in)) {
            return true;
        }
        String column = machineColumn(in);
        return column != null && in.engines().stream().allMatch(e -> e.curves().sites().containsKey(column));
    }

    /** @return whether every engine has the presets' mean trajectory concurrence (a machine's have none) */
    private static boolean preset(RunCurves in) {
        return in.engines().stream().allMatch(e -> e.curves().pureConcurrence() != null);
    }

    /** The conditional negativity of the machine's first bipartition, or null for a machine of one site. */
    private static String machineColumn(RunCurves in) {
        return in.sites().bipartitions().isEmpty() ? null
                : ConditionalNegativity.column(in.sites().bipartitions().get(0));
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        boolean machine = !preset(in);
        String what = machine ? "negativity N " + in.sites().bipartitions().get(0).label() : "concurrence C";
        ChartBuilder b = new ChartBuilder("Mean conditional " + what + " by unravelling", TIME, what);
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            b.add(RunFigure.series("mean conditional " + e.name() + " ± SE", in.t(), curve(in, e)),
                    ChartBuilder.color(i++), false);
        }
        b.addReference(RunFigure.series("exact, mean state ρ(t)", in.t(), exact(in)), false, true);
        return b.build();
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(RunFigure.band("mean conditional " + e.name(), curve(in, e), ChartBuilder.color(i++)));
        }
        lines.add(RunFigure.exact("mean state (" + ME + ")", exact(in).y(), EXACT, false));
        return List.of(new InteractivePlot(TIME, preset(in) ? "concurrence C" : "negativity N", false,
                in.t(), lines));
    }

    private static RunCurves.Curve curve(RunCurves in, RunCurves.EngineCurves e) {
        return preset(in) ? e.curves().pureConcurrence() : e.curves().sites().get(machineColumn(in));
    }

    private static RunCurves.Curve exact(RunCurves in) {
        if (preset(in)) {
            return in.exact().concurrence();
        }
        Bipartition p = in.sites().bipartitions().get(0);
        return in.exact().sites().get(Estimates.negativity(p));
    }
}
