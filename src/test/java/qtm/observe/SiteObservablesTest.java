package qtm.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.HermitianBasis;
import qtm.model.TwoQubits;

/**
 * Issue 24: the observables per site and bipartition that a run records, writes and draws, named from the sites and
 * valued against hand-derived results.
 */
class SiteObservablesTest {
    private static final double TOL = 1e-12;

    @Test
    void thePresetsColumnsAreNamedAsTheIssueKeysThem() {
        SiteObservables s = SiteObservables.of(new qtm.model.ResetModel(1, 1.6e-3, new qtm.model.Bath(0, 1e-2),
                new qtm.model.Bath(Double.POSITIVE_INFINITY, 1.1e-3)));
        assertEquals(List.of("negativity_c_vs_h", "pair_concurrence_c_h", "population_c_0", "population_c_1",
                "population_h_0", "population_h_1"), s.columns());
        assertEquals(List.of("c,h"), s.pairKeys());
        assertEquals("c|h", s.bipartitions().get(0).label());
        assertEquals(4, s.dimension());
    }

    @Test
    void threeSitesWithAQutritNameEveryBipartitionAndOnlyQubitPairs() {
        SiteObservables s = new SiteObservables(List.of("c", "m", "h"), new int[] {2, 3, 2});
        assertEquals(List.of("negativity_c_vs_m_h", "negativity_m_vs_c_h", "negativity_h_vs_c_m"),
                s.negativityColumns());
        assertEquals(List.of("pair_concurrence_c_h"), s.pairColumns());
        assertEquals(7, s.populationColumns().size());
        assertEquals("population_m_2", s.populationColumns().get(4));
    }

    /**
     * The Werner state p|Φ+⟩⟨Φ+| + (1 − p)·1/4: ρ^{T_A} has eigenvalues (1 + p)/4 (three times) and (1 − 3p)/4, so
     * the signed negativity is (3p − 1)/4 on both sides of p = 1/3 and the negativity its positive part.
     */
    @Test
    void theSignedNegativityOfWernerStatesIsLinearThroughTheSeparableBorder() {
        for (double p : new double[] {0, 0.2, 1.0 / 3, 0.5, 0.9, 1}) {
            ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
            for (int i = 0; i < 4; i++) {
                rho.set(i, i, (1 - p) / 4, 0);
            }
            for (int i : new int[] {0, 3}) {
                for (int j : new int[] {0, 3}) {
                    rho.set(i, j, rho.getReal(i, j) + p / 2, 0);
                }
            }
            assertEquals((3 * p - 1) / 4, SiteObservables.signedNegativity(rho, new int[] {2, 2}, 0), TOL, "p " + p);
            double[] v = new SiteObservables(List.of("c", "h"), new int[] {2, 2}).values(rho);
            assertEquals(Math.max(0, (3 * p - 1) / 4), v[0], TOL, "N, p " + p);
            assertEquals(Math.max(0, (3 * p - 1) / 2), v[1], TOL, "C, p " + p);
            for (int k = 2; k < 6; k++) {
                assertEquals(0.5, v[k], TOL, "a Werner state's sites are maximally mixed");
            }
        }
    }

    /**
     * RhoElements keeps its columns and adds the site observables after them; evaluated on a mean vector (here an X
     * state's coordinates) they are the closed forms of N and C for X states and the sums of the populations.
     */
    @Test
    void rhoElementsAddsTheSiteColumnsAfterItsOwnAndTheyEvaluateToTheClosedForms() {
        List<String> names = new ArrayList<>();
        for (Column c : new RhoElements().columns()) {
            names.add(c.name());
        }
        assertEquals(List.of("p00", "p01", "p10", "p11", "rho_01_10_re", "rho_01_10_im", "concurrence", "purity",
                "negativity_c_vs_h", "pair_concurrence_c_h", "population_c_0", "population_c_1", "population_h_0",
                "population_h_1"), names);
        // Positive (|c|² ≤ p01 p10) and entangled (|c| > √(p00 p11)).
        double p00 = 0.45;
        double p01 = 0.25;
        double p10 = 0.25;
        double p11 = 0.05;
        double re = 0.16;
        double im = -0.12;
        ZMatrixRMaj rho = TwoQubits.basisState("00");
        rho.set(0, 0, p00, 0);
        rho.set(1, 1, p01, 0);
        rho.set(2, 2, p10, 0);
        rho.set(3, 3, p11, 0);
        rho.set(1, 2, re, im);
        rho.set(2, 1, re, -im);
        double[] v = new HermitianBasis(4).coordinates(rho, new double[16]);
        double abs = Math.hypot(re, im);
        // |ρ_01,10| is the X state's coherence; the 00–11 one is 0, so the other block of ρ^{T_A} is positive.
        double n = Math.sqrt(Math.pow((p00 - p11) / 2, 2) + abs * abs) - (p00 + p11) / 2;
        double c = 2 * (abs - Math.sqrt(p00 * p11));
        assertTrue(n > 0 && c > 0, "an entangled X state");
        double[] expected = {n, c, p00 + p01, p10 + p11, p00 + p10, p01 + p11};
        List<Column> site = new RhoElements().columns().subList(8, 14);
        for (int k = 0; k < expected.length; k++) {
            Column.OfMean f = (Column.OfMean) site.get(k);
            assertEquals(expected[k], f.function().applyAsDouble(v), TOL, f.name());
        }
    }
}
