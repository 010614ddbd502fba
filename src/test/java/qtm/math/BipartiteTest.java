package qtm.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 24's state functions on states whose reduced states and negativities are known in closed form. */
public class BipartiteTest {
    private static final double TOL = 1e-12;
    private static final int[] QUBITS = {2, 2};

    /** |ψ⟩⟨ψ| for real amplitudes, normalised here (also the entanglement tests' states). */
    public static ZMatrixRMaj pure(double... psi) {
        double n = 0;
        for (double x : psi) {
            n += x * x;
        }
        ZMatrixRMaj rho = new ZMatrixRMaj(psi.length, psi.length);
        for (int i = 0; i < psi.length; i++) {
            for (int j = 0; j < psi.length; j++) {
                rho.set(i, j, psi[i] * psi[j] / n, 0);
            }
        }
        return rho;
    }

    private static ZMatrixRMaj mix(double p, ZMatrixRMaj a, ZMatrixRMaj b) {
        return Ops.add(p, a, 1 - p, b);
    }

    private static ZMatrixRMaj maximallyMixed(int d) {
        ZMatrixRMaj m = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            m.set(i, i, 1.0 / d, 0);
        }
        return m;
    }

    @Test
    void aBellPairHasNegativityOneHalfAndLogNegativityOne() {
        ZMatrixRMaj bell = pure(1, 0, 0, 1);
        assertEquals(0.5, Bipartite.negativity(bell, QUBITS, 0), TOL);
        assertEquals(0.5, Bipartite.negativity(bell, QUBITS, 1), TOL);
        assertEquals(1.0, Bipartite.logNegativity(bell, QUBITS, 0), TOL);
        // The partial transpose of (|00⟩ + |11⟩)/√2 is the swap over 2.
        ZMatrixRMaj swap = new ZMatrixRMaj(4, 4);
        for (int[] e : new int[][] {{0, 0}, {1, 2}, {2, 1}, {3, 3}}) {
            swap.set(e[0], e[1], 0.5, 0);
        }
        assertEquals(0, Ops.maxAbsDiff(Bipartite.partialTranspose(bell, QUBITS, 0), swap), TOL);
        assertEquals(0, Ops.maxAbsDiff(Bipartite.partialTranspose(bell, QUBITS, 1), swap), TOL);
    }

    @Test
    void aProductStateHasNone() {
        // (|0⟩ + 2|1⟩) ⊗ (3|0⟩ − |1⟩), unnormalised amplitudes a_i b_j.
        ZMatrixRMaj product = pure(3, -1, 6, -2);
        assertEquals(0, Bipartite.negativity(product, QUBITS, 0), TOL);
        assertEquals(0, Bipartite.logNegativity(product, QUBITS, 0), TOL);
        assertEquals(0, Bipartite.negativity(maximallyMixed(8), new int[] {2, 2, 2}, 0, 2), TOL);
    }

    @Test
    void aWernerStatesNegativityIsThreePMinusOneOverFour() {
        // p|Ψ⁻⟩⟨Ψ⁻| + (1 − p)·1/4: ρ^{T_A} has eigenvalues (1 + p)/4 three times and (1 − 3p)/4.
        for (double p : new double[] {0.2, 1.0 / 3, 0.5, 0.8, 1.0}) {
            ZMatrixRMaj w = mix(p, pure(0, 1, -1, 0), maximallyMixed(4));
            assertEquals(Math.max(0, (3 * p - 1) / 4), Bipartite.negativity(w, QUBITS, 0), TOL, "p = " + p);
        }
    }

    @Test
    void aMaximallyEntangledQutritPairHasNegativityOne() {
        // (|00⟩ + |11⟩ + |22⟩)/√3: N = (d − 1)/2, log-negativity log₂ d.
        double[] psi = new double[9];
        psi[0] = 1;
        psi[4] = 1;
        psi[8] = 1;
        ZMatrixRMaj rho = pure(psi);
        assertEquals(1.0, Bipartite.negativity(rho, new int[] {3, 3}, 0), TOL);
        assertEquals(Math.log(3) / Math.log(2), Bipartite.logNegativity(rho, new int[] {3, 3}, 1), TOL);
    }

    @Test
    void theWStatesCutOfOneQubitHasNegativityRootTwoOverThree() {
        // |W⟩ = √(1/3)|1⟩|00⟩ + √(2/3)|0⟩|ψ⁺⟩: for a pure state N = ((Σ√λ)² − 1)/2 = √2/3 for every cut 1|2.
        ZMatrixRMaj w = pure(0, 1, 1, 0, 1, 0, 0, 0);
        int[] dims = {2, 2, 2};
        for (int s = 0; s < 3; s++) {
            assertEquals(Math.sqrt(2) / 3, Bipartite.negativity(w, dims, s), TOL);
        }
        assertEquals(Math.sqrt(2) / 3, Bipartite.negativity(w, dims, 1, 2), TOL);
    }

    @Test
    void partialTracesOfGhzAndW() {
        int[] dims = {2, 2, 2};
        ZMatrixRMaj ghz = pure(1, 0, 0, 0, 0, 0, 0, 1);
        ZMatrixRMaj pair = new ZMatrixRMaj(4, 4);
        pair.set(0, 0, 0.5, 0);
        pair.set(3, 3, 0.5, 0);
        assertEquals(0, Ops.maxAbsDiff(Bipartite.partialTrace(ghz, dims, 0, 2), pair), TOL);
        // Tr_m |W⟩⟨W| = (1/3)|00⟩⟨00| + (2/3)|ψ⁺⟩⟨ψ⁺| on (c, h).
        ZMatrixRMaj w = pure(0, 1, 1, 0, 1, 0, 0, 0);
        ZMatrixRMaj expected = Ops.add(1.0 / 3, pure(1, 0, 0, 0), 2.0 / 3, pure(0, 1, 1, 0));
        assertEquals(0, Ops.maxAbsDiff(Bipartite.partialTrace(w, dims, 0, 2), expected), TOL);
        // Nothing kept: the trace.
        assertEquals(1.0, Bipartite.partialTrace(w, dims).getReal(0, 0), TOL);
        // All kept: ρ itself.
        assertEquals(0, Ops.maxAbsDiff(Bipartite.partialTrace(w, dims, 0, 1, 2), w), 0.0);
    }

    @Test
    void populationsPerSiteOfAQubitQutritState() {
        // |ψ⟩ ∝ |0 1⟩ + 2|1 2⟩ on a qubit (most significant) and a qutrit: index 3 n_c + n_q.
        ZMatrixRMaj rho = pure(0, 1, 0, 0, 0, 2);
        int[] dims = {2, 3};
        assertArrayEquals(new double[] {0.2, 0.8}, Bipartite.populations(rho, dims, 0), TOL);
        assertArrayEquals(new double[] {0.0, 0.2, 0.8}, Bipartite.populations(rho, dims, 1), TOL);
        ZMatrixRMaj reduced = Bipartite.partialTrace(rho, dims, 1);
        assertEquals(0, Ops.maxAbsDiff(reduced, Ops.of(new double[][] {{0, 0, 0}, {0, 0.2, 0}, {0, 0, 0.8}}, null)),
                TOL);
    }

    @Test
    void complexCoherencesArePartiallyTransposed() {
        // ρ = (|00⟩⟨00| + |11⟩⟨11|)/2 + (i/2)(|00⟩⟨11|) − (i/2)|11⟩⟨00|, a Bell pair with a phase: ρ^{T_A} moves the
        // coherence to ⟨01|·|10⟩ and keeps N = 1/2.
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        rho.set(0, 0, 0.5, 0);
        rho.set(3, 3, 0.5, 0);
        rho.set(0, 3, 0, 0.5);
        rho.set(3, 0, 0, -0.5);
        ZMatrixRMaj t = Bipartite.partialTranspose(rho, QUBITS, 0);
        assertEquals(0.5, t.getImag(2, 1), 0.0);
        assertEquals(-0.5, t.getImag(1, 2), 0.0);
        assertEquals(0.5, Bipartite.negativity(rho, QUBITS, 0), TOL);
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bipartite.negativity(maximallyMixed(4), new int[] {2, 3}, 0));
        assertThrows(IllegalArgumentException.class, () -> Bipartite.negativity(maximallyMixed(4), QUBITS));
        assertThrows(IllegalArgumentException.class, () -> Bipartite.partialTrace(maximallyMixed(4), QUBITS, 1, 0));
    }
}
