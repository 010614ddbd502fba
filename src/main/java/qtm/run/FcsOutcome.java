package qtm.run;

import java.util.List;
import java.util.Map;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.MachineFluctuations;

/**
 * The exact counting statistics of one scenario, as {@code qtm fcs} prints them: a preset's baths are named cold and
 * hot, a machine's as in its file.
 *
 * @param fluctuations the stationary cumulants of every bath, the entropy production and the TUR ratio
 * @param dt the collision model's step in use, or null for the master equation
 * @param times the times of the count distributions
 * @param counts by bath name in bath order, the distribution P(N = n, t) of the net quanta into it at each of
 *     {@code times}
 * @param detected by bath name in bath order, the distribution P(N_det = n, t) of the count a scenario's detectors
 *     see (issue 28) at each of {@code times}, laid out as {@code counts}; empty without {@code detection}
 */
public record FcsOutcome(MachineFluctuations fluctuations, Double dt, List<Double> times,
        Map<String, List<Distribution>> counts, Map<String, List<Distribution>> detected) {
    /**
     * Without detectors: no detected distributions.
     *
     * @param fluctuations the stationary cumulants of every bath
     * @param dt the collision model's step, or null
     * @param times the times of the count distributions
     * @param counts by bath name, the distributions at those times
     */
    public FcsOutcome(MachineFluctuations fluctuations, Double dt, List<Double> times,
            Map<String, List<Distribution>> counts) {
        this(fluctuations, dt, times, counts, Map.of());
    }
}
