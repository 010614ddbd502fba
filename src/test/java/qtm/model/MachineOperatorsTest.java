package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;

/** Issue 24's operators, against matrices written out by hand. */
class MachineOperatorsTest {
    private static final double R2 = Math.sqrt(2);

    @Test
    void theLaddersOfAQutrit() {
        Site harmonic = new Site("q", new double[] {0, 1, 2}, Ladder.HARMONIC);
        Site unit = new Site("q", 0, 1, 2);
        assertEquals(0, Ops.maxAbsDiff(harmonic.lowering(),
                Ops.of(new double[][] {{0, 1, 0}, {0, 0, R2}, {0, 0, 0}}, null)), 0.0);
        assertEquals(0, Ops.maxAbsDiff(unit.lowering(),
                Ops.of(new double[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}, null)), 0.0);
        assertEquals(0, Ops.maxAbsDiff(harmonic.number(),
                Ops.of(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 2}}, null)), 0.0);
        // The harmonic ladder is a truncated oscillator: [a, a†] = 1 except on the top level, where it is 1 − d.
        ZMatrixRMaj a = harmonic.lowering();
        ZMatrixRMaj c = Ops.commutator(a, Ops.dagger(a));
        assertEquals(0, Ops.maxAbsDiff(c, Ops.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, -2}}, null)), 1e-15);
        assertEquals(1.0, harmonic.gap(), 0.0);
    }

    @Test
    void theHamiltonianOfAQubitAndAHarmonicQutrit() {
        // |n_c n_h⟩ → 3 n_c + n_h. H = E_c(n_c) + E_h(n_h) + U n_c n_h + g(a_c† a_h + h.c.).
        double g = 0.1;
        double u = 0.3;
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0),
                new Site("h", new double[] {0.0, 1.5, 2.5}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", g), new Coupling.Density("c", "h", u)), List.of());
        double[] diag = {0, 1.5, 2.5, 1, 1 + 1.5 + u, 1 + 2.5 + 2 * u};
        ZMatrixRMaj expected = new ZMatrixRMaj(6, 6);
        for (int i = 0; i < 6; i++) {
            expected.set(i, i, diag[i], 0);
        }
        // a_c† a_h |0 1⟩ = |1 0⟩ with weight 1; a_c† a_h |0 2⟩ = √2 |1 1⟩.
        expected.set(3, 1, g, 0);
        expected.set(1, 3, g, 0);
        expected.set(4, 2, g * R2, 0);
        expected.set(2, 4, g * R2, 0);
        assertEquals(0, Ops.maxAbsDiff(m.hamiltonian(), expected), 1e-15);
        ZMatrixRMaj bare = expected.copy();
        for (int[] e : new int[][] {{3, 1}, {1, 3}, {4, 2}, {2, 4}}) {
            bare.set(e[0], e[1], 0, 0);
        }
        assertEquals(0, Ops.maxAbsDiff(m.bareHamiltonian(), bare), 0.0);
    }

    @Test
    void theFirstSiteIsMostSignificant() {
        ProductSpace s = new ProductSpace(2, 3, 2);
        assertEquals(12, s.dimension());
        // index 7 = 1·6 + 0·2 + 1 → |1 0 1⟩.
        assertEquals(1, s.level(7, 0));
        assertEquals(0, s.level(7, 1));
        assertEquals(1, s.level(7, 2));
        ZMatrixRMaj flip = s.embed(2, Ops.unit(2, 0, 1));
        assertEquals(1.0, flip.getReal(6, 7), 0.0);
        assertEquals(1.0, Ops.traceRe(Ops.mult(Ops.dagger(flip), flip)) / 6, 0.0);
    }
}
