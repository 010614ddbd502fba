package qtm.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The names a few keystrokes from a mistyped one, for "did you mean" in scenario messages: the same rule as the
 * command line's (one edit for a word of two letters, two for a longer one, none for a single letter).
 */
public final class Nearest {
    private Nearest() {
    }

    /**
     * @param typed what was typed
     * @param names the names allowed there
     * @return the allowed names at the fewest edits from typed (none when nothing is close), in the order given
     */
    public static List<String> of(String typed, Collection<String> names) {
        int limit = typed.length() < 2 ? 0 : typed.length() == 2 ? 1 : 2;
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        List<String> best = new ArrayList<>();
        int least = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance.apply(typed, name);
            if (d < 0 || d > least || name.equals(typed)) {
                continue;
            }
            if (d < least) {
                best.clear();
                least = d;
            }
            best.add(name);
        }
        return best;
    }

    /**
     * @param typed what was typed
     * @param names the names allowed there
     * @return {@code "; did you mean g?"}, or {@code ""} when nothing is close
     */
    public static String didYouMean(String typed, Collection<String> names) {
        List<String> found = of(typed, names);
        return found.isEmpty() ? "" : "; did you mean " + String.join(" or ", found) + "?";
    }
}
