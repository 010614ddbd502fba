package qtm.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imperfect detectors of the quanta that flow into the baths (issue 28): per bath an efficiency η, the probability
 * that each of its jumps is detected (independently), and a dark rate θ of clicks that come from no jump, each
 * counted +1 or −1 with probability ½ and carrying ± the first transition energy ω₁ of the bath's site. A bath not
 * listed has a perfect detector (η = 1, θ = 0).
 *
 * @param detectors by bath name, in the order given
 */
public record Detection(Map<String, Detector> detectors) {
    /** Copies the map, keeping its order. */
    public Detection {
        detectors = Collections.unmodifiableMap(new LinkedHashMap<>(detectors));
    }

    /**
     * @param bath a bath's name
     * @return its detector, perfect when the bath is not listed
     */
    public Detector of(String bath) {
        return detectors.getOrDefault(bath, Detector.PERFECT);
    }

    /**
     * One bath's detector.
     *
     * @param efficiency η ∈ (0, 1]
     * @param darkRate θ ≥ 0, finite
     */
    public record Detector(double efficiency, double darkRate) {
        /** Sees every jump and nothing else. */
        public static final Detector PERFECT = new Detector(1, 0);

        /** @throws IllegalArgumentException for η outside (0, 1] or θ not a finite number ≥ 0 */
        public Detector {
            if (!(efficiency > 0 && efficiency <= 1)) {
                throw new IllegalArgumentException("efficiency must be in (0, 1]: " + efficiency);
            }
            if (!(darkRate >= 0) || Double.isInfinite(darkRate)) {
                throw new IllegalArgumentException("dark rate must be finite and >= 0: " + darkRate);
            }
        }

        /** @return whether it sees every jump and nothing else */
        public boolean perfect() {
            return efficiency == 1 && darkRate == 0;
        }
    }
}
