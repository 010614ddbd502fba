package qtm.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 24's labels: smaller side first, or if equal the side holding the first site; names in site order. */
class BipartitionTest {
    private static List<String> labels(List<String> names) {
        return Bipartition.all(names).stream().map(Bipartition::label).toList();
    }

    @Test
    void twoSites() {
        assertEquals(List.of("c|h"), labels(List.of("c", "h")));
        assertEquals("negativity_c_vs_h", Bipartition.all(List.of("c", "h")).get(0).column("negativity"));
    }

    @Test
    void threeSitesPutTheLoneSiteFirst() {
        List<Bipartition> all = Bipartition.all(List.of("c", "m", "h"));
        assertEquals(List.of("c|m,h", "m|c,h", "h|c,m"), all.stream().map(Bipartition::label).toList());
        assertEquals("negativity_c_vs_m_h", all.get(0).column("negativity"));
        assertEquals("m_vs_c_h", all.get(1).headerKey());
    }

    @Test
    void equalSidesStartWithTheFirstSite() {
        assertEquals(List.of("a|b,c,d", "b|a,c,d", "c|a,b,d", "d|a,b,c", "a,b|c,d", "a,c|b,d", "a,d|b,c"),
                labels(List.of("a", "b", "c", "d")));
        assertEquals(15, Bipartition.all(List.of("a", "b", "c", "d", "e")).size());
        assertThrows(IllegalArgumentException.class, () -> new Bipartition(List.of(2, 3), List.of(0, 1),
                List.of("a", "b", "c", "d")));
        // A single site has no bipartition (a one-site machine's run records none); no site at all is an error.
        assertEquals(List.of(), Bipartition.all(List.of("c")));
        assertThrows(IllegalArgumentException.class, () -> Bipartition.all(List.of()));
    }
}
