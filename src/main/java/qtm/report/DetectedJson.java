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
            SummaryJson.bath(x, b);
            x.set("efficiency", Json.number(detector.efficiency()));
            x.set("dark_rate", Json.number(detector.darkRate()));
        }
    }
}
