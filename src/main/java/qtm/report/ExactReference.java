package qtm.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import qtm.observe.Snapshot;
import qtm.run.RunCurves;

/**
 * An engine's own exact reference where it is not the master equation (the collision model's discrete map), for
 * the interactive charts.
 *
 * @param engine the engine
 * @param label what it is, e.g. "exact collision map (Δt = 2)"
 * @param rows its observables at every grid point
 */
record ExactReference(String engine, String label, List<Snapshot> rows) {
    /** @return the rows at the drawn points of the run's curves */
    double[] drawn(ToDoubleFunction<Snapshot> f) {
        int[] ks = RunCurves.drawn(rows.size());
        double[] y = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            y[i] = f.applyAsDouble(rows.get(ks[i]));
        }
        return y;
    }
}
