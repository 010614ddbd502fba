package qtm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import qtm.model.Side;
import qtm.observe.Estimates;
import qtm.observe.Snapshot;
import qtm.run.EngineOutcome;
import qtm.run.EnsembleSummary;
import qtm.run.Skipped;
import qtm.stats.Verdict;

/**
 * The rows of the report's tables, taken from a run's outcome: the verdicts, the final values against exact, the
 * stationary fluctuations and the skipped ensembles. Apart from {@link RunWriter} so that what the page shows of an
 * engine is chosen in one place, as {@link SummaryJson} chooses what summary.json states.
 */
final class RunTables {
    private RunTables() {
    }

    /**
     * An engine's rows of the convergence table, in the page's order: its ρ̄ verdict, then where judged its counts,
     * its waiting times and its heat, work and Σ bookkeeping.
     *
     * @param e the engine's outcome
     * @param reference the exact solution it is judged against, in words
     * @return the rows
     */
    static List<HtmlReport.VerdictRow> verdicts(EngineOutcome e, String reference) {
        EnsembleSummary r = e.result();
        Verdict v = e.verdict();
        List<HtmlReport.VerdictRow> verdicts = new ArrayList<>();
        verdicts.add(new HtmlReport.VerdictRow(e.name(), r.trajectories(), r.stopReason().words(), v.maxAbsZ(),
                v.worst(), v.maxZPValue(), v.pValue(), Double.NaN, v.converged(), reference));
        qtm.verify.CountingVerdict cv = e.counting();
        if (cv != null) {
            double histogram = Double.NaN;
            for (qtm.verify.CountingVerdict.Histogram x : cv.histograms()) {
                histogram = Double.isNaN(histogram) ? x.pValue() : Math.min(histogram, x.pValue());
            }
            verdicts.add(new HtmlReport.VerdictRow(e.name() + ": counts", r.trajectories(), r.stopReason().words(),
                    cv.maxAbsZ(), cv.worst(), cv.maxZPValue(), Double.NaN, histogram, cv.converged(),
                    reference + ", tilted"));
        }
        qtm.verify.DetectedVerdict dv = e.detected();
        if (dv != null) {
            double histogram = Double.NaN;
            for (qtm.verify.DetectedVerdict.Histogram x : dv.histograms()) {
                histogram = Double.isNaN(histogram) ? x.pValue() : Math.min(histogram, x.pValue());
            }
            verdicts.add(new HtmlReport.VerdictRow(e.name() + ": detected counts", r.trajectories(),
                    r.stopReason().words(), dv.maxAbsZ(), dv.worst(), dv.maxZPValue(), Double.NaN, histogram,
                    dv.converged(), reference + ", tilted with the detectors"));
        }
        qtm.verify.HomodyneVerdict hv = e.homodyne();
        if (hv != null) {
            verdicts.add(new HtmlReport.VerdictRow(e.name() + ": homodyne current and spectrum", r.trajectories(),
                    r.stopReason().words(), hv.maxAbsZ(), hv.worst(), hv.maxZPValue(), Double.NaN, Double.NaN,
                    hv.converged(), reference + ", regression theorem"));
        }
        if (e.waiting() != null) {
            verdicts.add(waiting(e, e.name() + ": waiting times", e.waiting(), reference));
        }
        if (dv != null && dv.waiting() != null) {
            verdicts.add(waiting(e, e.name() + ": waiting times of detected clicks", dv.waiting(),
                    reference + ", with the detectors"));
        }
        qtm.verify.CollisionBookkeeping.Result b = e.bookkeeping();
        if (e.collision() != null && b != null) {
            verdicts.add(new HtmlReport.VerdictRow(e.name() + ": heat, work, Σ", r.trajectories(),
                    r.stopReason().words(), b.maxAbsZ(), b.worst(), b.maxZPValue(), Double.NaN, Double.NaN,
                    b.converged(), "the exact bookkeeping of every collision of the map (" + RunCsv.THERMO_CSV
                            + ")"));
        }
        return verdicts;
    }

    /** The waiting times' row: the smallest χ² p-value, the largest |z| and the worst test over the judged pairs. */
    private static HtmlReport.VerdictRow waiting(EngineOutcome e, String name, qtm.verify.WaitingVerdict.Result w,
            String reference) {
        EnsembleSummary r = e.result();
        double chi = Double.NaN;
        double z = Double.NaN;
        qtm.stats.ZTests.Worst worst = null;
        for (qtm.verify.WaitingVerdict.PairResult x : w.pairs()) {
            if (x.judged()) {
                chi = Double.isNaN(chi) ? x.pValue() : Math.min(chi, x.pValue());
                z = Double.isNaN(z) ? x.maxAbsZ() : Math.max(z, x.maxAbsZ());
                if (x.worst() != null && (worst == null || x.worst().pValue() < worst.pValue())) {
                    worst = x.worst();
                }
            }
        }
        return new HtmlReport.VerdictRow(name, r.trajectories(), r.stopReason().words(), z, worst,
                worst == null ? Double.NaN : worst.pValue(), chi, Double.NaN, w.passed(), reference);
    }

    /**
     * @param skipped the ensembles a stop came before
     * @return their rows, for the note under the convergence table
     */
    static List<HtmlReport.Skipped> skipped(List<Skipped> skipped) {
        List<HtmlReport.Skipped> rows = new ArrayList<>();
        for (Skipped x : skipped) {
            rows.add(new HtmlReport.Skipped(x.label(), x.reason().key(), x.why()));
        }
        return rows;
    }

    /**
     * @param description the scenario's description
     * @param missing the missing ranges [from, to) by ensemble label; empty for a complete result
     * @return the description, after a sentence naming the missing ranges of a partial result
     */
    static String description(String description, Map<String, List<long[]>> missing) {
        if (missing.isEmpty()) {
            return description;
        }
        StringBuilder text = new StringBuilder("Partial result: a merge of shards that lacks trajectories");
        for (Map.Entry<String, List<long[]>> e : missing.entrySet()) {
            text.append(" · ").append(e.getKey()).append(":");
            for (long[] r : e.getValue()) {
                text.append(" [").append(r[0]).append(", ").append(r[1]).append(")");
            }
        }
        return text + ". " + description;
    }

    static List<HtmlReport.Row> fluctuationRows(qtm.exact.Fluctuations f) {
        List<HtmlReport.Row> rows = new ArrayList<>();
        if (f == null) {
            return rows;
        }
        for (qtm.model.Side side : qtm.model.Side.values()) {
            qtm.exact.Fluctuations.Bath b = f.bath(side);
            rows.add(new HtmlReport.Row(side.key() + " bath", new double[] {b.quanta().current(), b.quanta().noise(),
                b.quanta().third(), b.fano(), b.heat().current(), b.heat().noise()}));
        }
        rows.add(new HtmlReport.Row("machine: σ, TUR ratio", new double[] {f.entropyProduction(), f.tur()}));
        return rows;
    }

    static List<HtmlReport.Final> finals(String name, EnsembleSummary r, Snapshot x) {
        List<HtmlReport.Final> rows = new ArrayList<>();
        rows.add(fin(name, "concurrence", r.last(Estimates.concurrence()), x.concurrence()));
        rows.add(fin(name, "Q_c (formula)", r.last(Estimates.heatFormula(Side.COLD)), x.heatCold()));
        // The diffusive engine (issue 29) counts no jumps.
        if (r.has(Estimates.heatCount(Side.COLD))) {
            rows.add(fin(name, "Q_c (jump counting)", r.last(Estimates.heatCount(Side.COLD)), x.heatCold()));
        }
        rows.add(fin(name, "Q_h (formula)", r.last(Estimates.heatFormula(Side.HOT)), x.heatHot()));
        rows.add(fin(name, "purity", r.last(Estimates.purity()), x.purity()));
        return List.copyOf(rows);
    }

    /**
     * The detected counts at the final time (issue 28), per detected bath: mean, variance and Fano factor of N_det,
     * and beside them the true count's Fano factor, each against exact.
     *
     * @param e the engine's outcome
     * @return the rows (none without detectors)
     */
    static List<HtmlReport.Final> detectedFinals(EngineOutcome e) {
        List<HtmlReport.Final> rows = new ArrayList<>();
        if (e.detected() == null) {
            return rows;
        }
        for (qtm.verify.DetectedVerdict.Bath b : e.detected().baths()) {
            String k = b.name();
            rows.add(fin(e.name(), "N_det " + k, b.detected(), b.exact()[0]));
            rows.add(fin(e.name(), "Var N_det " + k, b.detectedVariance(), b.exact()[1]));
            rows.add(fin(e.name(), "Fano N_det " + k, b.detectedFano(), b.exact()[2]));
            if (b.fano() != null) {
                rows.add(fin(e.name(), "Fano N " + k + " (true)", b.fano(), b.exactTrue()[2]));
            }
            rows.add(fin(e.name(), "Q_det " + k, b.heat(), b.exactHeat()[0]));
            rows.add(fin(e.name(), "Var Q_det " + k, b.heatVariance(), b.exactHeat()[1]));
        }
        return rows;
    }

    private static HtmlReport.Final fin(String name, String what, qtm.stats.RareEvents.Flagged e, double exact) {
        return new HtmlReport.Final(name, what, e.mean(), e.se(), exact, e.reliable());
    }
}
