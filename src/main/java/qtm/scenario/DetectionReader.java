package qtm.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qtm.input.InputException;
import qtm.model.Detection;
import qtm.model.Detection.Detector;

/**
 * Reads {@code detection: {<bath>: {efficiency: η, dark_rate: θ}}} (issue 28), each bath named as the model names it
 * (a preset's cold and hot, a machine's bath names), both keys optional with the defaults of a perfect detector.
 */
final class DetectionReader {
    /** Keys of one bath's detector. */
    static final Set<String> KEYS = Set.of("efficiency", "dark_rate");

    private DetectionReader() {
    }

    /**
     * @param root the scenario's root mapping
     * @param baths the model's bath names
     * @return the detectors, or null when the scenario has no {@code detection}
     * @throws InputException naming the key for an unknown bath or key, or a value out of range
     */
    static Detection read(Node root, List<String> baths) {
        if (!root.has("detection")) {
            return null;
        }
        Node d = root.child("detection");
        Map<String, Detector> out = new LinkedHashMap<>();
        for (String bath : d.keys()) {
            if (!baths.contains(bath)) {
                throw d.error(bath, "unknown bath; the baths are " + String.join(", ", baths)
                        + Nearest.didYouMean(bath, baths));
            }
            Node b = d.child(bath);
            b.allowOnly(KEYS);
            out.put(bath, new Detector(efficiency(b), darkRate(b)));
        }
        return new Detection(out);
    }

    private static double efficiency(Node b) {
        String allowed = "expected a number in (0, 1]: the probability that each jump of the bath is detected";
        if (!b.has("efficiency")) {
            return 1.0;
        }
        double eta;
        try {
            eta = b.number("efficiency", 0, 1);
        } catch (InputException e) {
            throw b.error("efficiency", allowed);
        }
        if (!(eta > 0)) {
            throw b.error("efficiency", allowed);
        }
        return eta;
    }

    private static double darkRate(Node b) {
        try {
            return b.number("dark_rate", 0, Double.MAX_VALUE, 0.0);
        } catch (InputException e) {
            throw b.error("dark_rate", "expected a finite number >= 0: dark clicks per unit time");
        }
    }
}
