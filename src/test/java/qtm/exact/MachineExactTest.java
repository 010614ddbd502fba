package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import qtm.math.Hermitian;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Site;
import qtm.model.TimeGrid;

/**
 * The exact layer for any machine against results known without it: the two-qubit layer on the presets, the Gibbs
 * state at equal temperatures, a qubit's exponential decay and its gap, the first law where the couplings commute with
 * H₀ (and its failure where they do not), and the heat per bath as −Tr(H L_k ρ).
 */
class MachineExactTest {
    private static final double T = 0.7;

    private static List<Model> presets() {
        return List.of(new ResetModel(1, 1.6e-3, new Bath(0.0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3)),
                new ResetModel(2.5, 0.1, new Bath(0.4, 0.2), new Bath(5.0, 0.05)),
                new FluxModel(1, 1.6e-3, new Bath(0.0, 1e-2), new Bath(100, 1e-5)),
                new FluxModel(1, 0.05, new Bath(0.3, 1e-3), new Bath(2.0, 2e-3), Approach.LOCAL, 2),
                new FluxModel(1, 0.08, new Bath(0.0, 1e-3), new Bath(1.5, 3e-3), Approach.GLOBAL, 1),
                new DotModel(1, 1e-3, 0.5, new Bath(0.1, 1e-2), new Bath(1.0, 2e-2)));
    }

    @Test
    void onThePresetsTheGeneratorAndSteadyStateAreTheTwoQubitLayers() {
        for (Model m : presets()) {
            MachineExact exact = new MachineExact(MachinePresets.of(m));
            DMatrixRMaj mine = exact.generator();
            DMatrixRMaj theirs = new Liouvillian(m).matrix();
            double scale = NormOps_DDRM.normPInf(theirs);
            double diff = 0;
            for (int k = 0; k < mine.data.length; k++) {
                diff = Math.max(diff, Math.abs(mine.data[k] - theirs.data[k]));
            }
            assertEquals(0, diff, 1e-15 * scale, m.title());
            assertEquals(0, Ops.maxAbsDiff(exact.steadyState(), SteadyState.of(m)), 1e-12, m.title());
        }
    }

    private static ZMatrixRMaj gibbs(ZMatrixRMaj h, double t) {
        ZMatrixRMaj w = Hermitian.apply(h, x -> Math.exp(-x / t));
        return Ops.scale(1 / Ops.traceRe(w), 0, w);
    }

    /** Five qubits in a detuned chain (d = 32, L is 1024 × 1024), two kinds of bath. */
    private static Machine fiveQubits(Approach approach, double tCold, double tHot) {
        List<Site> sites = new ArrayList<>();
        List<Coupling> couplings = new ArrayList<>();
        String[] names = {"a", "b", "c", "d", "e"};
        for (int k = 0; k < 5; k++) {
            sites.add(new Site(names[k], 0.0, 1.0 + 0.05 * k));
            if (k > 0) {
                couplings.add(new Coupling.Exchange(names[k - 1], names[k], 1e-3 * k));
            }
        }
        return new Machine(approach, sites, couplings, List.of(
                new MachineBath("cold", "a", BathKind.BOSONIC, tCold, 2e-3, 1, 0),
                new MachineBath("hot", "e", BathKind.BOSONIC, tHot, 3e-3)));
    }

    @Test
    void aGlobalFiveQubitChainAtEqualTemperaturesIsTheGibbsStateOfH() {
        Machine m = fiveQubits(Approach.GLOBAL, T, T);
        MachineExact exact = new MachineExact(m);
        ZMatrixRMaj rho = exact.steadyState();
        double residual = exact.residual(rho);
        double norm = NormOps_DDRM.normPInf(exact.generator());
        double trace = Math.abs(Ops.traceRe(rho) - 1);
        double gibbs = Ops.maxAbsDiff(rho, gibbs(m.hamiltonian(), T));
        System.out.printf("d = 32 global: |L rho| = %.2e (|L| = %.2e), |Tr rho - 1| = %.2e, Gibbs %.2e%n", residual,
                norm, trace, gibbs);
        assertEquals(0, gibbs, 1e-10);
        assertTrue(residual <= 1e-15 * norm, "residual " + residual);
        assertTrue(trace <= 1e-13, "trace error " + trace);
    }

    @Test
    void aLocalFiveQubitChainWithAResetBathIsSolvedToRounding() {
        Machine base = fiveQubits(Approach.LOCAL, 0.0, 5.0);
        List<MachineBath> baths = new ArrayList<>(base.baths());
        baths.add(new MachineBath("mid", "c", BathKind.RESET, Double.POSITIVE_INFINITY, 1e-3));
        Machine m = new Machine(Approach.LOCAL, base.sites(), base.couplings(), baths);
        MachineExact exact = new MachineExact(m);
        ZMatrixRMaj rho = exact.steadyState();
        double residual = exact.residual(rho);
        double norm = NormOps_DDRM.normPInf(exact.generator());
        double trace = Math.abs(Ops.traceRe(rho) - 1);
        System.out.printf("d = 32 local: |L rho| = %.2e (|L| = %.2e), |Tr rho - 1| = %.2e%n", residual, norm, trace);
        assertTrue(residual <= 1e-15 * norm, "residual " + residual);
        assertTrue(trace <= 1e-13, "trace error " + trace);
        double smallest = Hermitian.eigenvalues(rho)[31];
        assertTrue(smallest > -1e-13, "positive: " + smallest);
    }

    @Test
    void aQubitDecaysExponentiallyAndItsGapIsHalfTheRate() {
        double gamma = 2e-3;
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("q", 0.0, 1.0)), List.of(),
                List.of(new MachineBath("cold", "q", BathKind.BOSONIC, 0.0, gamma)));
        MachineExact exact = new MachineExact(m);
        TimeGrid grid = new TimeGrid(1000, 11);
        List<ZMatrixRMaj> states = exact.evolve(Ops.unit(2, 1, 1), grid);
        for (int k = 0; k < grid.points(); k++) {
            double t = grid.time(k);
            assertEquals(Math.exp(-gamma * t), states.get(k).getReal(1, 1), 1e-12, "t = " + t);
            assertEquals(1, Ops.traceRe(states.get(k)), 1e-12);
        }
        // L's eigenvalues: 0, −γ (population), −γ/2 ± i (coherence): the slowest decay is γ/2.
        assertEquals(gamma / 2, exact.gap(), 1e-12);
    }

    /** A qubit and a qutrit, local, with the qutrit's levels given: equal gaps commute with H₀, unequal do not. */
    private static Machine qubitQutrit(double top, double tCold, double tHot) {
        return new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0),
                new Site("h", new double[] {0.0, 1.0, top}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 5e-3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, tCold, 1e-2),
                        new MachineBath("hot", "h", BathKind.RESET, tHot, 2e-3)));
    }

    @Test
    void theLocalApproachConservesEnergyOnlyWhereTheCouplingsCommuteWithH0() {
        MachineExact resonant = new MachineExact(qubitQutrit(2.0, 0.0, Double.POSITIVE_INFINITY));
        Map<String, Double> q = resonant.heat(resonant.steadyState());
        double scale = Math.abs(q.get("cold")) + Math.abs(q.get("hot"));
        assertTrue(resonant.couplingsCommuteWithBareHamiltonian());
        assertTrue(scale > 1e-6, "heat flows: " + q);
        assertEquals(0, q.get("cold") + q.get("hot"), 1e-12 * scale, q.toString());

        MachineExact detuned = new MachineExact(qubitQutrit(2.3, 0.0, Double.POSITIVE_INFINITY));
        Map<String, Double> d = detuned.heat(detuned.steadyState());
        assertTrue(!detuned.couplingsCommuteWithBareHamiltonian());
        assertTrue(Math.abs(d.get("cold") + d.get("hot")) > 1e-6 * (Math.abs(d.get("cold")) + Math.abs(d.get("hot"))),
                d.toString());
    }

    /** −Tr(K D_k(ρ)), D_k the dissipator of bath k alone. */
    private static double heatByDissipator(Machine m, int bath, ZMatrixRMaj k, ZMatrixRMaj rho) {
        ZMatrixRMaj out = new ZMatrixRMaj(rho.numRows, rho.numCols);
        for (MachineChannel c : m.channels()) {
            if (c.bath() == bath) {
                ZMatrixRMaj a = c.operator();
                ZMatrixRMaj ad = Ops.dagger(a);
                out = Ops.add(1, out, c.rate(),
                        Ops.add(1, Ops.mult(a, rho, ad), -0.5, Ops.anticommutator(Ops.mult(ad, a), rho)));
            }
        }
        return -Ops.traceProductRe(k, out);
    }

    /** Σ |γ · heat| Tr(A ρ A†) over a bath's channels: the gross flows whose difference is its heat. */
    private static double gross(Machine m, int bath, ZMatrixRMaj rho) {
        double s = 0;
        for (MachineChannel c : m.channels()) {
            if (c.bath() == bath) {
                s += Math.abs(c.rate() * c.heat()) * Ops.traceProductRe(Ops.mult(Ops.dagger(c.operator()),
                        c.operator()), rho);
            }
        }
        return s;
    }

    @Test
    void theHeatIntoEachBathIsMinusTheEnergyItsDissipatorRemoves() {
        // Global: every channel is an eigenoperator of H, so Q_k = −Tr(H D_k ρ).
        Machine global = new Machine(Approach.GLOBAL, List.of(new Site("c", 0.0, 1.0),
                new Site("h", new double[] {0.0, 1.1, 2.3}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 2e-2)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.2, 1e-2, 1, 0),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 3.0, 2e-3)));
        MachineExact g = new MachineExact(global);
        ZMatrixRMaj rho = g.steadyState();
        Map<String, Double> q = g.heat(rho);
        for (int k = 0; k < 2; k++) {
            double want = heatByDissipator(global, k, global.hamiltonian(), rho);
            // A net heat is a difference of gross flows (down minus up jumps): its rounding is theirs.
            assertEquals(want, q.get(global.baths().get(k).name()), 1e-12 * gross(global, k, rho), "global bath " + k);
            assertTrue(Math.abs(want) > 1e-3 * gross(global, k, rho), "a net flow, not rounding: " + want);
        }
        // Local with a reset bath: Q_k = −Tr(H₀ D_k ρ), the reset's E_m − E_n per jump included.
        Machine local = qubitQutrit(2.3, 0.3, 4.0);
        MachineExact l = new MachineExact(local);
        rho = l.steadyState();
        q = l.heat(rho);
        for (int k = 0; k < 2; k++) {
            double want = heatByDissipator(local, k, local.bareHamiltonian(), rho);
            assertEquals(want, q.get(local.baths().get(k).name()), 1e-12 * gross(local, k, rho), "local bath " + k);
        }
    }

    @Test
    void aFermionicLeadCarriesOmegaMinusMuPerElectron() {
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("d", 0.0, 1.0), new Site("e", 0.0, 1.0)),
                List.of(new Coupling.Exchange("d", "e", 2e-3)),
                List.of(new MachineBath("left", "d", BathKind.FERMIONIC, 0.5, 1e-2, 0, 0.4),
                        new MachineBath("right", "e", BathKind.FERMIONIC, 0.2, 1e-2, 0, -0.3)));
        MachineExact exact = new MachineExact(m);
        ZMatrixRMaj rho = exact.steadyState();
        Map<String, Double> q = exact.heat(rho);
        ZMatrixRMaj n = Ops.add(1, m.space().embed(0, m.sites().get(0).number()), 1,
                m.space().embed(1, m.sites().get(1).number()));
        double[] mu = {0.4, -0.3};
        for (int k = 0; k < 2; k++) {
            ZMatrixRMaj h = Ops.add(1, m.bareHamiltonian(), -mu[k], n);
            double want = heatByDissipator(m, k, h, rho);
            assertEquals(want, q.get(m.baths().get(k).name()), 1e-12 * gross(m, k, rho), "lead " + k);
        }
    }

    @Test
    void aSiteNoBathReachesIsRefused() {
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.0),
                new Site("m", 0.0, 1.0)), List.of(new Coupling.Exchange("c", "h", 1e-3),
                new Coupling.Density("h", "m", 2.0)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.1, 1e-3)));
        assertEquals(List.of(2), MachineExact.unreachedSites(m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MachineExact(m));
        assertTrue(e.getMessage().contains("site m"), e.getMessage());
    }

    /**
     * Every site reached, yet two steady states (issue 24: "a machine whose steady state is not unique ... is exit 2";
     * found by the independent check, {@code IndependentSteadyTest}): on the resonant chain c–m–h with its one bath
     * on m, D = (|100⟩ − |001⟩)/√2 and D₂ = (|110⟩ − |011⟩)/√2 are eigenstates of H (energies 1 and 2: the two hops
     * onto m cancel) that X_m maps only into each other, so (|D⟩⟨D| + e^{−1/T}|D₂⟩⟨D₂|)/(1 + e^{−1/T}) is stationary
     * beside the bright steady state. The solve used to return an arbitrary mixture of the two.
     */
    @Test
    void aDarkStateThatEveryBathMissesIsRefused() {
        double t = 0.3;
        Machine m = new Machine(Approach.GLOBAL, List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.0),
                new Site("h", 0.0, 1.0)), List.of(new Coupling.Exchange("c", "m", 1e-3),
                new Coupling.Exchange("m", "h", 1e-3)),
                List.of(new MachineBath("mid", "m", BathKind.BOSONIC, t, 1e-4)));
        assertEquals(List.of(), MachineExact.unreachedSites(m));
        MachineExact exact = new MachineExact(m);
        double up = Math.exp(-1 / t);
        ZMatrixRMaj dark = new ZMatrixRMaj(8, 8);
        int[][] pairs = {{4, 1}, {6, 3}};
        double[] weight = {1 / (1 + up), up / (1 + up)};
        for (int k = 0; k < 2; k++) {
            int a = pairs[k][0];
            int b = pairs[k][1];
            dark.set(a, a, weight[k] / 2, 0);
            dark.set(b, b, weight[k] / 2, 0);
            dark.set(a, b, -weight[k] / 2, 0);
            dark.set(b, a, -weight[k] / 2, 0);
        }
        assertEquals(0, exact.residual(dark), 1e-16, "the dark mixture is stationary");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, exact::steadyState);
        assertTrue(e.getMessage().contains("not unique"), e.getMessage());
    }
}
