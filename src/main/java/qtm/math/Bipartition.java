package qtm.math;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A split of a machine's sites into two non-empty sides, named as issue 24 fixes so that outputs of independent
 * implementations share their keys: the smaller side first, or if both are equal the side holding the first site;
 * within a side the names in site order joined by commas; the sides joined by {@code |} ({@code c|m,h}). In a CSV
 * header, where those characters are awkward, the same split is {@code c_vs_m_h}.
 *
 * @param first the first side's site indices, increasing
 * @param second the other side's site indices, increasing
 * @param names all site names, in site order
 */
public record Bipartition(List<Integer> first, List<Integer> second, List<String> names) {
    /** @throws IllegalArgumentException if the sides are empty, overlap, miss a site or break the naming order */
    public Bipartition {
        first = List.copyOf(first);
        second = List.copyOf(second);
        names = List.copyOf(names);
        if (first.isEmpty() || second.isEmpty() || first.size() + second.size() != names.size()) {
            throw new IllegalArgumentException("a bipartition splits all " + names.size()
                    + " sites into two non-empty sides");
        }
        boolean[] seen = new boolean[names.size()];
        for (List<Integer> side : List.of(first, second)) {
            for (int m = 0; m < side.size(); m++) {
                int s = side.get(m);
                if (s < 0 || s >= names.size() || seen[s] || m > 0 && s < side.get(m - 1)) {
                    throw new IllegalArgumentException("sides must be disjoint increasing site indices");
                }
                seen[s] = true;
            }
        }
        if (first.size() > second.size() || first.size() == second.size() && first.get(0) != 0) {
            throw new IllegalArgumentException("the first side is the smaller one, or if equal the one holding the "
                    + "first site");
        }
    }

    /**
     * Every bipartition of the sites, 2^{k−1} − 1 of them: by the first side's size, then by its site indices in
     * lexicographic order ({@code c|m,h}, {@code m|c,h}, {@code h|c,m}).
     *
     * @param names the site names, 1 to 30 of them
     * @return a new list, empty for a single site (which has no bipartition)
     */
    public static List<Bipartition> all(List<String> names) {
        int k = names.size();
        if (k < 1 || k > 30) {
            throw new IllegalArgumentException("bipartitions need 1 to 30 sites, got " + k);
        }
        List<Bipartition> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << k) - 1; mask++) {
            int size = Integer.bitCount(mask);
            // Keep each split once, from the side that names it.
            if (2 * size > k || 2 * size == k && (mask & 1) == 0) {
                continue;
            }
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                ((mask >> s & 1) == 1 ? a : b).add(s);
            }
            out.add(new Bipartition(a, b, names));
        }
        Comparator<List<Integer>> lexicographic = (x, y) -> {
            for (int m = 0; m < x.size(); m++) {
                int c = Integer.compare(x.get(m), y.get(m));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        out.sort(Comparator.<Bipartition>comparingInt(p -> p.first().size())
                .thenComparing(Bipartition::first, lexicographic));
        return out;
    }

    /** @return the first side's site indices as an array, for {@link Bipartite} */
    public int[] firstSites() {
        return first.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return e.g. {@code c|m,h} */
    public String label() {
        return join(first, ",") + "|" + join(second, ",");
    }

    /** @return e.g. {@code c_vs_m_h} */
    public String headerKey() {
        return join(first, "_") + "_vs_" + join(second, "_");
    }

    /**
     * @param quantity e.g. "negativity"
     * @return e.g. {@code negativity_c_vs_m_h}
     */
    public String column(String quantity) {
        return quantity + "_" + headerKey();
    }

    private String join(List<Integer> side, String separator) {
        return side.stream().map(names::get).collect(Collectors.joining(separator));
    }
}
