package qtm.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import qtm.output.Json;
import qtm.stats.RareEvents;
import qtm.verify.DetectedVerdict;

/**
 * The detected counts of a run (issue 28) in an engine's object of summary.json: {@code detection}, one object per
 * detected bath with its detector and, at the final time, the detected and the true count as the ensemble estimates
 * them and as the exact solution has them, with both Fano factors (finite-time and stationary), and the detected heat
 * (its mean and variance, estimated and exact, beside the true heat's estimate); and {@code detection_verdict}, the
 * z-tests of the detected counts' and heat's mean and variance over the grid and the χ² of each judged final-count
 * histogram.
 */
final class DetectionJson {
    private DetectionJson() {
    }

    /**
     * @param engine the engine's object
     * @param v its detected verdict; nothing is written when null
     */
    static void write(ObjectNode engine, DetectedVerdict v) {
        if (v == null) {
            return;
        }
        ObjectNode root = engine.putObject("detection");
        for (DetectedVerdict.Bath b : v.baths()) {
            ObjectNode x = root.putObject(b.name());
            x.set("efficiency", Json.number(b.efficiency()));
            x.set("dark_rate", Json.number(b.darkRate()));
            estimate(x, "detected_count", b.detected());
            estimate(x, "detected_count_var", b.detectedVariance());
            estimate(x, "detected_fano", b.detectedFano());
            estimate(x, "true_count", b.count());
            estimate(x, "true_count_var", b.countVariance());
            estimate(x, "true_fano", b.fano());
            x.set("exact_detected_count", Json.number(b.exact()[0]));
            x.set("exact_detected_count_var", Json.number(b.exact()[1]));
            x.set("exact_detected_fano", Json.number(b.exact()[2]));
            x.set("exact_true_count", Json.number(b.exactTrue()[0]));
            x.set("exact_true_count_var", Json.number(b.exactTrue()[1]));
            x.set("exact_true_fano", Json.number(b.exactTrue()[2]));
            x.set("stationary_detected_fano", Json.number(b.stationaryFano()[0]));
            x.set("stationary_true_fano", Json.number(b.stationaryFano()[1]));
            estimate(x, "detected_energy", b.heat());
            estimate(x, "detected_energy_var", b.heatVariance());
            estimate(x, "true_energy", b.trueHeat());
            x.set("exact_detected_energy", Json.number(b.exactHeat()[0]));
            x.set("exact_detected_energy_var", Json.number(b.exactHeat()[1]));
        }
        ObjectNode c = engine.putObject("detection_verdict");
        c.put("max_abs_z", v.maxAbsZ());
        c.set("worst_z", SummaryJson.worst(v.worst()));
        c.put("z_tests", v.tests());
        c.put("max_z_p_value", v.maxZPValue());
        for (DetectedVerdict.Histogram h : v.histograms()) {
            ObjectNode j = c.putObject("histogram_" + h.bath());
            j.put("chi_square", h.chiSquare());
            j.put("dof", h.dof());
            j.put("p_value", h.pValue());
        }
        if (v.waiting() != null) {
            for (qtm.verify.WaitingVerdict.PairResult w : v.waiting().pairs()) {
                // A detector's pair is its bath to itself, keyed "<bath>_<bath>": named by the bath alone.
                String key = w.pair().key();
                ObjectNode j = c.putObject("waiting_" + key.substring(0, (key.length() - 1) / 2));
                j.put("starts", w.starts());
                j.put("judged", w.judged());
                j.set("chi_square", Json.number(w.chiSquare()));
                j.put("dof", w.dof());
                j.set("p_value", Json.number(w.pValue()));
            }
        }
        c.put("converged", v.converged());
    }

    /** {mean, se, reliable}, or nothing where the run does not record the estimate. */
    private static void estimate(ObjectNode x, String key, RareEvents.Flagged e) {
        if (e != null) {
            x.putObject(key).put("mean", e.mean()).put("se", e.se()).put("reliable", e.reliable());
        }
    }
}
