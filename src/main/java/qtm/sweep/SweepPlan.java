package qtm.sweep;

import qtm.model.Model;

/** What a sweep computes; each kind turns a machine and an optimiser into a {@link SweepTable}. */
public sealed interface SweepPlan permits OptimumCurves, HotThresholdCurve, ConcurrenceMap,
        LocalGlobalSweep {
    /**
     * Runs the sweep. Points are independent (or follow one curve in order), so the result never depends on the
     * number of threads.
     *
     * @param model the machine: kind, E, U, temperatures, and couplings where the plan keeps them fixed
     * @param optimizer how couplings are optimised where the plan optimises them
     * @return the table and its charts
     */
    SweepTable run(Model model, CouplingOptimizer optimizer);
}
