package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import qtm.math.Hermitian;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.BathSpectra;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.observe.Observables;
import qtm.testing.RedfieldTensor;

class BlochRedfieldTest {
    /** Flux and dot machines with frequency-dependent rates (finite T, s ≠ 0) and the degenerate case U = 2g. */
    private static List<BathSpectra> machines() {
        return List.of(
                new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5)),
                new FluxModel(1.3, 4e-3, new Bath(0.2, 2e-3), new Bath(3, 1e-3), Approach.LOCAL, 1),
                new FluxModel(0.8, 5e-2, new Bath(0.5, 1e-3), new Bath(0.5, 4e-4), Approach.GLOBAL, 3),
                new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2)),
                new DotModel(1, 3e-3, 6e-3, new Bath(0.3, 2e-3), new Bath(2, 5e-3), Approach.LOCAL, 2),
                new DotModel(0.7, 2e-2, 0, new Bath(0.1, 1e-3), new Bath(0.4, 3e-3)));
    }

    @Test
    void secularPairsAloneAreTheGlobalLindbladGenerator() {
        for (BathSpectra m : machines()) {
            DMatrixRMaj secular = BlochRedfield.secular(m).matrix();
            DMatrixRMaj global = new Liouvillian(m.withApproach(Approach.GLOBAL, m.spectralExponent())).matrix();
            assertTrue(maxAbsDiff(secular, global) < 1e-12, m + ": " + maxAbsDiff(secular, global));
            // Not vacuous: the non-secular pairs change the generator.
            assertTrue(maxAbsDiff(new BlochRedfield(m).matrix(), global) > 1e-6, m.toString());
        }
    }

    @Test
    void preservesTraceAndHermiticity() {
        HermitianBasis basis = new HermitianBasis(4);
        for (BathSpectra m : machines()) {
            BlochRedfield r = new BlochRedfield(m);
            DMatrixRMaj l = r.matrix();
            double[] t = basis.traceFunctional();
            double scale = Math.max(m.energy(), 1);
            for (int c = 0; c < l.numCols; c++) {
                double s = 0;
                for (int k = 0; k < t.length; k++) {
                    s += t[k] * l.get(k, c);
                }
                assertEquals(0, s, 1e-14 * scale, "trace of L(B_" + c + ")");
            }
            // The complex map, applied to an arbitrary Hermitian matrix, returns a Hermitian one.
            ZMatrixRMaj rho = Ops.of(new double[][] {{0.4, 0.1, -0.2, 0.05}, {0.1, 0.3, 0.07, 0.02},
                {-0.2, 0.07, 0.2, -0.1}, {0.05, 0.02, -0.1, 0.1}}, new double[][] {{0, 0.03, 0.01, -0.02},
                {-0.03, 0, 0.05, 0.04}, {-0.01, -0.05, 0, 0.06}, {0.02, -0.04, -0.06, 0}});
            ZMatrixRMaj out = r.apply(rho);
            assertTrue(Ops.maxAbsDiff(out, Ops.dagger(out)) < 1e-14 * scale, m.toString());
            assertEquals(0, Ops.traceRe(out), 1e-14 * scale);
        }
    }

    @Test
    void agreesWithTheRedfieldTensorBuiltElementByElement() {
        for (BathSpectra m : machines()) {
            DMatrixRMaj built = new BlochRedfield(m).matrix();
            DMatrixRMaj tensor = RedfieldTensor.generator(m, List.of(Side.COLD, Side.HOT), true);
            assertTrue(maxAbsDiff(built, tensor) < 1e-12, m + ": " + maxAbsDiff(built, tensor));
        }
    }

    /**
     * With the rates in detailed balance at one temperature and no Lamb shift, the Gibbs state of H is an exact
     * fixed point: A(ω)ρ_G = e^{−βω}ρ_G A(ω) turns each emission term of D(ρ_G) into minus an absorption term, pair
     * by pair. That holds only with each rate on the operator that acts first on ρ, so this also checks the index
     * placement. The distance is rounding at every Γ, not O(Γ/g).
     */
    @Test
    void equalTemperaturesGiveTheGibbsStateOfTheFullHamiltonianAtEveryRate() {
        for (double rate : new double[] {1e-3, 1e-4, 1e-5}) {
            for (BathSpectra m : List.<BathSpectra>of(
                    new FluxModel(1, 1e-2, new Bath(0.5, rate), new Bath(0.5, rate / 3), Approach.LOCAL, 1),
                    new DotModel(1, 1e-2, 2, new Bath(0.4, rate), new Bath(0.4, 2 * rate)))) {
                ZMatrixRMaj rho = new BlochRedfield(m).steadyState();
                double t = m.cold().temperature();
                ZMatrixRMaj gibbs = Hermitian.apply(m.hamiltonian(), e -> Math.exp(-e / t));
                gibbs = Ops.scale(1 / Ops.traceRe(gibbs), 0, gibbs);
                double d = Observables.traceDistance(rho, gibbs);
                assertTrue(d < 1e-13, m + ": " + d);
                // The local equation's steady state is not this Gibbs state: it misses the coherence g makes.
                assertTrue(Observables.traceDistance(SteadyState.of(m), gibbs) > 1e-4, m.toString());
            }
        }
    }

    /**
     * The two limits. At g ≪ Γ the Redfield generator differs from the local one only in the rates at E ± g instead
     * of E (summed over ω the components give back A, so the non-secular pairs are what makes the local channels
     * whole): the distance is O(g/E), slope 1 in g, and below g/E since the rates change by less than that fraction
     * (n_B(E ± g) at T ≫ E changes by g/E, and T = 0 rates not at all). At g ≫ Γ it differs from the global one by
     * the non-secular pairs, which drive the coherence between (|01⟩ ± |10⟩)/√2 at a rate ≤ Γ while it rotates at
     * 2g, so the distance is O(Γ/g) with slope −1 and below Γ/(2g). Each is measured over a decade where the other
     * small parameter is far smaller (Γ = 1e-2 for the first, 1e-4 for the second, Γ the larger rate).
     */
    @Test
    void closeToLocalAtSmallCouplingAndToGlobalAtLargeCoupling() {
        double[] small = {1e-6, 1e-5};
        double[] large = {1e-3, 1e-2};
        double rate = 1e-4;
        double[] toLocal = new double[2];
        double[] toGlobal = new double[2];
        for (int i = 0; i < 2; i++) {
            BathSpectra a = flux(small[i], 1e-2);
            toLocal[i] = Observables.traceDistance(new BlochRedfield(a).steadyState(), SteadyState.of(a));
            BathSpectra b = flux(large[i], rate);
            toGlobal[i] = Observables.traceDistance(new BlochRedfield(b).steadyState(),
                    SteadyState.of(b.withApproach(Approach.GLOBAL, 0)));
        }
        assertEquals(1, Math.log10(toLocal[1] / toLocal[0]), 0.01, java.util.Arrays.toString(toLocal));
        assertEquals(-1, Math.log10(toGlobal[1] / toGlobal[0]), 0.01, java.util.Arrays.toString(toGlobal));
        for (int i = 0; i < 2; i++) {
            assertTrue(toLocal[i] < small[i], "within g/E of local: " + toLocal[i]);
            assertTrue(toGlobal[i] < rate / (2 * large[i]), "within Γ/2g of global: " + toGlobal[i]);
        }
    }

    @Test
    void steadyHeatCurrentsBalanceAndTheSecularOnesAreTheJumpEnergies() {
        for (BathSpectra m : machines()) {
            BlochRedfield r = new BlochRedfield(m);
            ZMatrixRMaj rho = r.steadyState();
            double qc = r.heat(Side.COLD, rho);
            double qh = r.heat(Side.HOT, rho);
            // The floor is the rounding of terms of size E·Γ ≤ 1e-2: one machine has equal temperatures, Q = 0.
            assertEquals(0, qc + qh, 1e-12 * Math.abs(qc) + 1e-18);
            // Global: −Tr[H D_k(ρ)] equals Σ_j ω_j γ_j Tr(A_j†A_j ρ) over the Bohr-frequency jumps.
            Model global = m.withApproach(Approach.GLOBAL, m.spectralExponent());
            ZMatrixRMaj sigma = SteadyState.of(global);
            double byJumps = 0;
            for (qtm.model.Jump j : global.jumps()) {
                if (j.side() == Side.COLD) {
                    byJumps += j.rate() * j.energy()
                            * Ops.traceProductRe(Ops.mult(Ops.dagger(j.operator()), j.operator()), sigma);
                }
            }
            assertEquals(byJumps, BlochRedfield.secular(m).heat(Side.COLD, sigma),
                    1e-12 * Math.abs(byJumps) + 1e-18);
        }
    }

    @Test
    void refusesTheResetModel() {
        // Its collisions have no bath spectrum, so it lacks the capability Bloch-Redfield takes and cannot be given.
        Model m = new ResetModel(1, 1e-3, new Bath(0, 1e-2), new Bath(1, 1e-3));
        assertFalse(m instanceof BathSpectra, m.toString());
        // The one caller that takes any model refuses it by name.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new qtm.sweep.LocalGlobalSweep(1e-2, 1, 3).run(m, null));
        assertTrue(e.getMessage().contains("reset") && e.getMessage().contains("Bloch-Redfield"), e.getMessage());
    }

    /** The flux optimum's baths scaled: Γ_c at T = 0 and Γ_h = 1e-3·Γ_c at T = 100 (transition rate 0.2·Γ_c). */
    private static BathSpectra flux(double g, double coldRate) {
        return new FluxModel(1, g, new Bath(0, coldRate), new Bath(100, 1e-3 * coldRate));
    }

    private static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        return CommonOps_DDRM.elementMaxAbs(d);
    }
}
