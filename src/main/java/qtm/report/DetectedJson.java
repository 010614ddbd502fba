package qtm.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import qtm.exact.DetectedFluctuations;
import qtm.exact.Fluctuations;
import qtm.model.Detection.Detector;
import qtm.output.Json;

/**
 * The detected statistics (issue 28) in the layout of {@code qtm fcs --json}: inside each bath's object, beside its
 * true statistics, a {@code "detected"} object with the same cumulants of the detected count and the detector's
 * efficiency and dark rate.
 */
public final class DetectedJson {
    private DetectedJson() {
    }

    /**
     * @param root the object that holds one object per bath, keyed by bath name ({@link SummaryJson#fluctuations})
     * @param d the detected statistics of those baths
     */
    public static void write(ObjectNode root, DetectedFluctuations d) {
        for (int k = 0; k < d.names().size(); k++) {
            Fluctuations.Bath b = d.baths().get(k);
            Detector detector = d.detectors().get(k);
            ObjectNode x = ((ObjectNode) root.get(d.names().get(k))).putObject("detected");
            x.set("current", Json.number(b.quanta().current()));
            x.set("noise", Json.number(b.quanta().noise()));
            x.set("third", Json.number(b.quanta().third()));
            x.set("fano", Json.number(b.fano()));
            x.set("heat_current", Json.number(b.heat().current()));
            x.set("heat_noise", Json.number(b.heat().noise()));
            x.set("efficiency", Json.number(detector.efficiency()));
            x.set("dark_rate", Json.number(detector.darkRate()));
        }
    }
}
