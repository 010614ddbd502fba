package qtm.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The diffusive engine's settings (issue 29), {@code diffusive: {dt: h, <bath>: {phase: φ}}}: the step asked for and
 * each listed bath's local-oscillator phase. A bath not listed is watched at phase 0. The efficiency of each bath is
 * not here: it is the detector's, {@code detection.<bath>.efficiency} ({@link Scenario#detection()}).
 *
 * @param dt the step asked for, or NaN for the default (the longest step the rate check allows,
 *     {@code qtm.run.DiffusiveSteps})
 * @param phases φ by bath name, in the order given
 */
public record Diffusive(double dt, Map<String, Double> phases) {
    /** No {@code diffusive} section: the default step, every phase 0. */
    public static final Diffusive DEFAULT = new Diffusive(Double.NaN, Map.of());

    /** Copies the map, keeping its order. */
    public Diffusive {
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    /**
     * @param bath a bath's name
     * @return its phase φ, 0 when the bath is not listed
     */
    public double phase(String bath) {
        return phases.getOrDefault(bath, 0.0);
    }

    /** @return whether the scenario gave a step */
    public boolean hasDt() {
        return !Double.isNaN(dt);
    }
}
