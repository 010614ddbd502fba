package qtm.exact;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered pair of baths whose waiting times are recorded: from a counted jump of bath {@code from} to the next
 * counted jump of bath {@code to} (a counted jump moves energy, N_k ≠ 0).
 *
 * @param from index of the bath whose jump starts the interval
 * @param to index of the bath whose jump ends it
 * @param key the pair's name in output files, the two bath names joined by "_" ("cold_hot"); bath names never hold
 *     "_", so the key names its pair unambiguously
 */
public record WaitingPair(int from, int to, String key) {
    /** @throws IllegalArgumentException on a negative index or a missing key */
    public WaitingPair {
        if (from < 0 || to < 0 || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a waiting pair needs two bath indices >= 0 and a key");
        }
    }

    /**
     * @param baths the bath names, in bath order
     * @param from the starting bath's index
     * @param to the index of the bath waited for
     * @return the pair, keyed "&lt;from&gt;_&lt;to&gt;"
     */
    public static WaitingPair of(List<String> baths, int from, int to) {
        return new WaitingPair(from, to, baths.get(from) + "_" + baths.get(to));
    }

    /**
     * @param baths the bath names, in bath order
     * @return every ordered pair (a, b), a the outer loop, each in bath order: for baths cold and hot, cold_cold,
     *     cold_hot, hot_cold, hot_hot
     */
    public static List<WaitingPair> all(List<String> baths) {
        List<WaitingPair> out = new ArrayList<>();
        for (int a = 0; a < baths.size(); a++) {
            for (int b = 0; b < baths.size(); b++) {
                out.add(of(baths, a, b));
            }
        }
        return List.copyOf(out);
    }
}
