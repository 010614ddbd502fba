package qtm.sweep;

import java.util.List;
import java.util.function.Function;

/**
 * A scenario read for {@code qtm optimize} or {@code qtm threshold} over any keys (issue 26): what to search and, for
 * any values of the searched keys, the validated point.
 *
 * @param name the scenario's name
 * @param file the file it came from
 * @param optimizer the keys maximised ({@code optimize.vary}); for a threshold, the inner optimiser, or null
 * @param threshold the key brought to a zero of the observable ({@code threshold}), or null for {@code optimize}
 * @param models the point at the searched keys' values: the threshold key first (if any), then the optimiser's keys;
 *     IllegalArgumentException where they do not give a valid scenario
 * @param columns the steady observables every point reports, by name
 */
public record KeySearch(String name, String file, KeyOptimizer optimizer, KeyThreshold threshold,
        Function<double[], PointModel> models, List<String> columns) {
    /** Copies the columns. */
    public KeySearch {
        columns = List.copyOf(columns);
    }
}
