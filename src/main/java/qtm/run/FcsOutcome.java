package qtm.run;

import java.util.List;
import java.util.Map;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.Fluctuations;
import qtm.model.Collision;
import qtm.model.Side;

/**
 * The exact counting statistics of one scenario, as {@code qtm fcs} prints them.
 *
 * @param fluctuations the stationary cumulants of both baths, the entropy production and the TUR ratio
 * @param step the collision model's step, or null for the master equation
 * @param times the times of the count distributions
 * @param counts per bath, the distribution P(N = n, t) of the net quanta into it at each of {@code times}
 */
public record FcsOutcome(Fluctuations fluctuations, Collision step, List<Double> times,
        Map<Side, List<Distribution>> counts) {
}
