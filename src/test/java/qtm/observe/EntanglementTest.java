package qtm.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 24's keyed entanglement of any machine's state, on states with known values. */
class EntanglementTest {
    private static final double TOL = 1e-12;

    private static ZMatrixRMaj pure(double... psi) {
        return qtm.math.BipartiteTest.pure(psi);
    }

    @Test
    void theWStatesPairsEachHaveConcurrenceTwoThirds() {
        ZMatrixRMaj w = pure(0, 1, 1, 0, 1, 0, 0, 0);
        List<String> names = List.of("c", "m", "h");
        int[] dims = {2, 2, 2};
        Map<String, Double> c = Entanglement.pairConcurrence(w, names, dims);
        assertEquals(List.of("c,m", "c,h", "m,h"), List.copyOf(c.keySet()));
        for (double v : c.values()) {
            assertEquals(2.0 / 3, v, TOL);
        }
        Map<String, Double> n = Entanglement.negativity(w, names, dims);
        assertEquals(List.of("c|m,h", "m|c,h", "h|c,m"), List.copyOf(n.keySet()));
        for (double v : n.values()) {
            assertEquals(Math.sqrt(2) / 3, v, TOL);
        }
        for (double v : Entanglement.logNegativity(w, names, dims).values()) {
            assertEquals(Math.log1p(2 * Math.sqrt(2) / 3) / Math.log(2), v, TOL);
        }
    }

    @Test
    void onTwoQubitsThePairConcurrenceIsTheConcurrence() {
        ZMatrixRMaj bell = pure(0, 1, 1, 0);
        Map<String, Double> c = Entanglement.pairConcurrence(bell, List.of("c", "h"), new int[] {2, 2});
        assertEquals(List.of("c,h"), List.copyOf(c.keySet()));
        assertEquals(1.0, c.get("c,h"), TOL);
        assertEquals(0.5, Entanglement.negativity(bell, List.of("c", "h"), new int[] {2, 2}).get("c|h"), TOL);
    }

    @Test
    void onlyQubitSitesFormPairs() {
        // Qubit, qutrit, qubit: only (a, b) is a qubit pair. The state is (|0 0 0⟩ + |1 2 1⟩)/√2.
        int[] dims = {2, 3, 2};
        double[] psi = new double[12];
        psi[0] = 1;
        psi[1 * 6 + 2 * 2 + 1] = 1;
        Map<String, Double> c = Entanglement.pairConcurrence(pure(psi), List.of("a", "q", "b"), dims);
        assertEquals(List.of("a,b"), List.copyOf(c.keySet()));
        // Tracing q out of a GHZ-like state leaves a classical mixture: no concurrence.
        assertEquals(0.0, c.get("a,b"), TOL);
        assertThrows(IllegalArgumentException.class, () -> Entanglement.pairConcurrence(pure(psi), dims, 0, 1));
    }
}
