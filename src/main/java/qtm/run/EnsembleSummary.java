package qtm.run;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.StopReason;

import java.util.LinkedHashMap;
import java.util.Map;
import qtm.stats.RareEvents;

/**
 * What a run keeps of a finished ensemble once its sums are written: the size, why it stopped, every column's
 * estimate at the final time and the curves the charts draw. Holding this instead of the sums keeps a run's memory
 * to one ensemble's at a time.
 *
 * @param trajectories number of trajectories
 * @param stopReason why it stopped
 * @param seconds wall time (not part of the data)
 * @param finals every column at the final time, in column order
 * @param curves the curves drawn (null when the ensemble is empty)
 * @param finalRho the mean of every ρ coordinate at the final time ({@link qtm.math.HermitianBasis} order), for
 *     summary.json's {@code final.rho}
 * @param finalRhoSe their standard errors
 */
public record EnsembleSummary(long trajectories, StopReason stopReason, double seconds,
        Map<String, RareEvents.Flagged> finals, RunCurves.Curves curves, double[] finalRho, double[] finalRhoSe) {
    /** Copies the map, keeping its order, and the arrays. */
    public EnsembleSummary {
        finals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(finals));
        finalRho = finalRho.clone();
        finalRhoSe = finalRhoSe.clone();
    }

    @Override
    public double[] finalRho() {
        return finalRho.clone();
    }

    @Override
    public double[] finalRhoSe() {
        return finalRhoSe.clone();
    }

    /**
     * @param name engine name
     * @param r the result
     * @param steady ρ∞ (for the relaxation curve), or null
     * @return its summary
     */
    static EnsembleSummary of(String name, EnsembleResult r, org.ejml.data.ZMatrixRMaj steady) {
        return of(r, r.trajectories() == 0 ? null : EnsembleCurves.of(name, r, steady));
    }

    /**
     * @param name engine name
     * @param r a machine's result (issue 24)
     * @return its summary, with the curves per site and bipartition only
     */
    static EnsembleSummary ofMachine(String name, EnsembleResult r) {
        return of(r, r.trajectories() == 0 ? null : EnsembleCurves.ofMachine(name, r));
    }

    private static EnsembleSummary of(EnsembleResult r, RunCurves.Curves curves) {
        Map<String, RareEvents.Flagged> f = new LinkedHashMap<>();
        int last = r.grid().points() - 1;
        for (String c : r.columns()) {
            f.put(c, r.estimate(c, last));
        }
        return new EnsembleSummary(r.trajectories(), r.stopReason(), r.seconds(), f, curves, r.rhoMeans(last),
                r.rhoStandardErrors(last));
    }

    /**
     * @param column a column name
     * @return whether the ensemble has it (the diffusive engine's have no jump-driven columns, issue 29)
     */
    public boolean has(String column) {
        return finals.containsKey(column);
    }

    /**
     * @param column a column name
     * @return its final-time estimate
     */
    public RareEvents.Flagged last(String column) {
        RareEvents.Flagged x = finals.get(column);
        if (x == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return x;
    }
}
