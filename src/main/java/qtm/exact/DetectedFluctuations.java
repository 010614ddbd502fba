package qtm.exact;

import java.util.List;
import qtm.model.Detection.Detector;

/**
 * The stationary statistics of every bath's detected count (issue 28), keyed by bath name in bath order: each bath's
 * detector, and the cumulants of its detected quanta and detected heat with the Fano factor, as
 * {@link Fluctuations.Bath} holds the true ones.
 *
 * @param names the bath names, in order
 * @param detectors each bath's detector (perfect for a bath the scenario does not list)
 * @param baths the detected statistics of each
 */
public record DetectedFluctuations(List<String> names, List<Detector> detectors, List<Fluctuations.Bath> baths) {
    /** @throws IllegalArgumentException if the three lists differ in length */
    public DetectedFluctuations {
        names = List.copyOf(names);
        detectors = List.copyOf(detectors);
        baths = List.copyOf(baths);
        if (names.size() != detectors.size() || names.size() != baths.size()) {
            throw new IllegalArgumentException("one detector and one statistics per bath name");
        }
    }
}
