package qtm.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import qtm.model.Model;

/**
 * Runs the sweeps of several studies, optimising only once where their curves sweeps differ in nothing but what they
 * plot: Figs. 2(a)–(c) chart the concurrence, the heat current and the purity of the same optima. The optima are a
 * deterministic function of the machine, the optimiser and the plan's x and series, so a study that reuses another's
 * gets the table a run of its own would give, row for row.
 *
 * <p>One runner serves one command and keeps every curves sweep's rows it computed; it is not thread-safe.
 */
public final class SweepRunner {
    private final Function<CouplingOptimizer, OptimumCurves.Maximiser> maximiser;
    private final List<Pass> passes = new ArrayList<>();

    /** A runner that optimises with each study's own optimiser. */
    public SweepRunner() {
        this(o -> o::maximise);
    }

    /** @param maximiser what each optimiser's maximise is replaced by (a seam that lets tests count the calls) */
    SweepRunner(Function<CouplingOptimizer, OptimumCurves.Maximiser> maximiser) {
        this.maximiser = maximiser;
    }

    /**
     * @param study a study with a sweep
     * @return its table, from the optima of an earlier study of this runner where they are the same
     * @throws IllegalArgumentException if the study has no sweep, or as {@link SweepPlan#run}
     */
    public SweepTable run(Study study) {
        if (study.sweep() == null) {
            throw new IllegalArgumentException("study " + study.name() + " has no sweep");
        }
        if (!(study.sweep() instanceof OptimumCurves curves)) {
            return study.sweep().run(study.model(), study.optimizer());
        }
        for (Pass p : passes) {
            if (p.model().equals(study.model()) && p.optimizer().equals(study.optimizer())
                    && p.curves().sharesOptimaWith(curves)) {
                return curves.table(p.rows());
            }
        }
        List<double[]> rows = curves.optima(study.model(), maximiser.apply(study.optimizer()));
        passes.add(new Pass(study.model(), study.optimizer(), curves, rows));
        return curves.table(rows);
    }

    /** @return how many optimisation passes over a curves sweep this runner has run */
    public int passes() {
        return passes.size();
    }

    private record Pass(Model model, CouplingOptimizer optimizer, OptimumCurves curves, List<double[]> rows) {
    }
}
