package qtm.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.model.Collision;
import qtm.observe.Snapshot;
import qtm.stats.Convergence;
import qtm.stats.Verdict;
import qtm.stats.ZTests;
import qtm.verify.CollisionBookkeeping;
import qtm.verify.CountingReference;
import qtm.verify.CountingVerdict;
import qtm.verify.DetectedVerdict;
import qtm.verify.WaitingVerdict;

/**
 * One engine's ensemble with the exact solution it must converge to.
 *
 * @param name engine name
 * @param kind engine kind
 * @param result the ensemble
 * @param reference exact states on the grid (master equation, or the collision map)
 * @param verdict the comparison
 * @param collision the collision step used (null for trajectories)
 * @param referenceRows the observables of the reference on the grid
 * @param biasMax for the collision model: max over t and Hermitian coordinates of |ρ_map − ρ_ME| (NaN otherwise)
 * @param biasFinalConcurrence for the collision model: C(ρ_map) − C(ρ_ME) at the final time (NaN otherwise)
 * @param countingReference the exact counting statistics the engine's counts converge to (null: none known)
 * @param counting the counts against it (null: not judged)
 * @param waiting the waiting-time histograms against the exact distributions (trajectories only; null when not
 *     judged, see {@link #waitingAbsence})
 * @param waitingAbsence why there is no waiting-time verdict (null when there is one)
 * @param bookkeeping for the collision model: its heat, work and entropy production against the exact map's (null
 *     for trajectories, or where not recorded, see {@link CollisionBookkeeping#of})
 * @param detected the detected counts against their exact statistics (issue 28; null without detectors, or for the
 *     collision model)
 * @param homodyne the diffusive engine's homodyne current and spectrum against exact (issue 29; null for the other
 *     engines or with fewer than two trajectories)
 */
public record EngineOutcome(String name, EngineKind kind, EnsembleSummary result, List<ZMatrixRMaj> reference,
        Verdict verdict, Collision collision, List<Snapshot> referenceRows, double biasMax,
        double biasFinalConcurrence, CountingReference countingReference, CountingVerdict counting,
        WaitingVerdict.Result waiting, String waitingAbsence, CollisionBookkeeping.Result bookkeeping,
        DetectedVerdict detected, qtm.verify.HomodyneVerdict homodyne) {
    /**
     * An outcome without the collision bookkeeping.
     *
     * @param name engine name
     * @param kind engine kind
     * @param result the ensemble
     * @param reference exact states on the grid
     * @param verdict the comparison
     * @param collision the collision step used (null for trajectories)
     * @param referenceRows the observables of the reference on the grid
     * @param biasMax see the canonical constructor
     * @param biasFinalConcurrence see the canonical constructor
     * @param countingReference the exact counting statistics (null: none known)
     * @param counting the counts against it (null: not judged)
     * @param waiting the waiting-time verdict (null: not judged)
     * @param waitingAbsence why there is no waiting-time verdict (null when there is one)
     */
    public EngineOutcome(String name, EngineKind kind, EnsembleSummary result, List<ZMatrixRMaj> reference,
            Verdict verdict, Collision collision, List<Snapshot> referenceRows, double biasMax,
            double biasFinalConcurrence, CountingReference countingReference, CountingVerdict counting,
            WaitingVerdict.Result waiting, String waitingAbsence) {
        this(name, kind, result, reference, verdict, collision, referenceRows, biasMax, biasFinalConcurrence,
                countingReference, counting, waiting, waitingAbsence, null, null, null);
    }

    /**
     * @return the whole verdict: the state's, and the counts', detected counts', waiting times' and collision
     *     bookkeeping's where they are judged
     */
    public boolean converged() {
        return verdict.converged() && (counting == null || counting.converged())
                && (waiting == null || waiting.passed()) && (bookkeeping == null || bookkeeping.converged())
                && (detected == null || detected.converged()) && (homodyne == null || homodyne.converged());
    }

    /**
     * @return the verdict in words for a console line: "converged", or "not converged:" and, for each part that
     *     failed, its worst test ("ρ̄ p11 at t = 2050, z = -5.42, p = 0.0002") or the χ² that failed
     */
    public String verdictWords() {
        if (converged()) {
            return "converged";
        }
        List<String> parts = new ArrayList<>();
        if (!verdict.converged()) {
            parts.add(verdict.maxZPValue() >= Convergence.ALPHA
                    ? String.format(Locale.ROOT, "ρ̄ final χ² p = %.3g", verdict.pValue())
                    : "ρ̄ " + words(verdict.worst()));
        }
        if (counting != null && !counting.converged()) {
            parts.add(counting.maxZPValue() >= Convergence.ALPHA ? "counts' final histogram"
                    : "counts " + words(counting.worst()));
        }
        if (detected != null && !detected.converged()) {
            parts.add("detected counts " + words(detected.worst()));
        }
        if (waiting != null && !waiting.passed()) {
            parts.add("waiting times' χ²");
        }
        if (homodyne != null && !homodyne.converged()) {
            parts.add("homodyne records " + words(homodyne.worst()));
        }
        if (bookkeeping != null && !bookkeeping.converged()) {
            parts.add("heat, work, Σ " + words(bookkeeping.worst()));
        }
        return "not converged: " + String.join("; ", parts);
    }

    /** @return "p11 at t = 2050, z = -5.42, p = 0.0002" */
    static String words(ZTests.Worst w) {
        if (w == null) {
            return "(nothing judged)";
        }
        return String.format(Locale.ROOT, "%s at t = %s, z = %.3g, p = %.2g", w.element(),
                new BigDecimal(String.format(Locale.ROOT, "%.6g", w.t())).stripTrailingZeros().toPlainString(),
                w.z(), w.pValue());
    }
}
