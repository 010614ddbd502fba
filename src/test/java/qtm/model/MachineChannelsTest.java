package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;

/**
 * Issue 24's channels on machines whose Bohr components are known by hand. Bose and Fermi factors are written out
 * here with Math.exp, not taken from {@link Thermal}.
 */
class MachineChannelsTest {
    private static final double R2 = Math.sqrt(0.5);

    private static double bose(double w, double t) {
        return 1 / (Math.exp(w / t) - 1);
    }

    private static double fermi(double x, double t) {
        return 1 / (Math.exp(x / t) + 1);
    }

    private static List<MachineChannel> ofBath(Machine m, int k) {
        return m.channels().stream().filter(c -> c.bath() == k).toList();
    }

    private static ZMatrixRMaj matrix(int d, double[][] entries) {
        ZMatrixRMaj a = new ZMatrixRMaj(d, d);
        for (double[] e : entries) {
            a.set((int) e[0], (int) e[1], e[2], 0);
        }
        return a;
    }

    private static void channel(MachineChannel c, ZMatrixRMaj operator, double rate, double energy, double heat,
            int count) {
        assertEquals(0, Ops.maxAbsDiff(c.operator(), operator), 1e-15, c.label());
        assertEquals(rate, c.rate(), 1e-15 * Math.max(1, rate), c.label());
        assertEquals(energy, c.energy(), 1e-15, c.label());
        assertEquals(heat, c.heat(), 1e-15, c.label());
        assertEquals(count, c.count(), c.label());
    }

    private static Machine qubits(Approach approach, double ec, double eh, List<Coupling> couplings, double s) {
        return new Machine(approach, List.of(new Site("c", 0.0, ec), new Site("h", 0.0, eh)), couplings,
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.3, 1e-3, s, 0),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 2.0, 2e-3, s, 0)));
    }

    @Test
    void detunedQubitsLocalHaveOnePairPerBathAtTheBareGaps() {
        Machine m = qubits(Approach.LOCAL, 1.0, 1.3, List.of(new Coupling.Exchange("c", "h", 0.01)), 0);
        List<MachineChannel> cold = ofBath(m, 0);
        List<MachineChannel> hot = ofBath(m, 1);
        assertEquals(2, cold.size());
        assertEquals(2, hot.size());
        ZMatrixRMaj sc = matrix(4, new double[][] {{0, 2, 1}, {1, 3, 1}});
        ZMatrixRMaj sh = matrix(4, new double[][] {{0, 1, 1}, {2, 3, 1}});
        channel(cold.get(0), sc, 1e-3 * (1 + bose(1.0, 0.3)), 1.0, 1.0, 1);
        channel(cold.get(1), Ops.dagger(sc), 1e-3 * bose(1.0, 0.3), -1.0, -1.0, -1);
        channel(hot.get(0), sh, 2e-3 * (1 + bose(1.3, 2.0)), 1.3, 1.3, 1);
        channel(hot.get(1), Ops.dagger(sh), 2e-3 * bose(1.3, 2.0), -1.3, -1.3, -1);
    }

    @Test
    void resonantQubitsGlobalHaveTheirChannelsAtEPlusAndMinusG() {
        // H's eigenstates: |00⟩ at 0, |±⟩ = (|01⟩ ± |10⟩)/√2 at E ± g, |11⟩ at 2E. X_c|01⟩ = |11⟩, X_c|10⟩ = |00⟩.
        double e = 1.0;
        double g = 0.05;
        double s = 1.0;
        Machine m = qubits(Approach.GLOBAL, e, e, List.of(new Coupling.Exchange("c", "h", g)), s);
        List<MachineChannel> cold = ofBath(m, 0);
        assertEquals(4, cold.size());
        // A_{E−g} = (−|00⟩⟨−| + |+⟩⟨11|)/√2 and A_{E+g} = (|00⟩⟨+| + |−⟩⟨11|)/√2, in the product basis.
        ZMatrixRMaj low = matrix(4, new double[][] {{0, 1, -0.5}, {0, 2, 0.5}, {1, 3, 0.5}, {2, 3, 0.5}});
        ZMatrixRMaj high = matrix(4, new double[][] {{0, 1, 0.5}, {0, 2, 0.5}, {1, 3, 0.5}, {2, 3, -0.5}});
        double wl = e - g;
        double wh = e + g;
        channel(cold.get(0), low, 1e-3 * wl * (1 + bose(wl, 0.3)), wl, wl, 1);
        channel(cold.get(1), Ops.dagger(low), 1e-3 * wl * bose(wl, 0.3), -wl, -wl, -1);
        channel(cold.get(2), high, 1e-3 * wh * (1 + bose(wh, 0.3)), wh, wh, 1);
        channel(cold.get(3), Ops.dagger(high), 1e-3 * wh * bose(wh, 0.3), -wh, -wh, -1);
        // X_h|01⟩ = |00⟩, X_h|10⟩ = |11⟩: A_{E−g} = (|00⟩⟨−| + |+⟩⟨11|)/√2, A_{E+g} = (|00⟩⟨+| − |−⟩⟨11|)/√2.
        List<MachineChannel> hot = ofBath(m, 1);
        assertEquals(4, hot.size());
        channel(hot.get(0), matrix(4, new double[][] {{0, 1, 0.5}, {0, 2, -0.5}, {1, 3, 0.5}, {2, 3, 0.5}}),
                2e-3 * wl * (1 + bose(wl, 2.0)), wl, wl, 1);
        channel(hot.get(2), matrix(4, new double[][] {{0, 1, 0.5}, {0, 2, 0.5}, {1, 3, -0.5}, {2, 3, 0.5}}),
                2e-3 * wh * (1 + bose(wh, 2.0)), wh, wh, 1);
    }

    @Test
    void aDensityCouplingSplitsAQubitsTransitionIntoEAndEPlusU() {
        double u = 0.4;
        double s = 2;
        Machine m = qubits(Approach.LOCAL, 1.0, 1.0, List.of(new Coupling.Density("c", "h", u)), s);
        List<MachineChannel> cold = ofBath(m, 0);
        assertEquals(4, cold.size());
        // At E: |00⟩⟨10| (h empty); at E + U: |01⟩⟨11| (h full). γ(ω) = rate·(ω/1)^s.
        channel(cold.get(0), matrix(4, new double[][] {{0, 2, 1}}), 1e-3 * (1 + bose(1, 0.3)), 1, 1, 1);
        channel(cold.get(2), matrix(4, new double[][] {{1, 3, 1}}),
                1e-3 * Math.pow(1 + u, s) * (1 + bose(1 + u, 0.3)), 1 + u, 1 + u, 1);
        channel(cold.get(3), matrix(4, new double[][] {{3, 1, 1}}), 1e-3 * Math.pow(1 + u, s) * bose(1 + u, 0.3),
                -(1 + u), -(1 + u), -1);
        // Without an exchange, H = H₀ and the global approach has the same channels.
        Machine global = qubits(Approach.GLOBAL, 1.0, 1.0, List.of(new Coupling.Density("c", "h", u)), s);
        for (int i = 0; i < m.channels().size(); i++) {
            channel(global.channels().get(i), m.channels().get(i).operator(), m.channels().get(i).rate(),
                    m.channels().get(i).energy(), m.channels().get(i).heat(), m.channels().get(i).count());
        }
    }

    @Test
    void aFermionicLeadMovesOmegaMinusMuOfHeatPerElectron() {
        double mu = 0.3;
        double t = 0.5;
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("d", 0.0, 1.0)), List.of(),
                List.of(new MachineBath("lead", "d", BathKind.FERMIONIC, t, 1e-2, 0, mu)));
        List<MachineChannel> c = m.channels();
        assertEquals(2, c.size());
        ZMatrixRMaj out = matrix(2, new double[][] {{0, 1, 1}});
        channel(c.get(0), out, 1e-2 * (1 - fermi(1 - mu, t)), 1, 1 - mu, 1);
        channel(c.get(1), Ops.dagger(out), 1e-2 * fermi(1 - mu, t), -1, -(1 - mu), -1);
    }

    @Test
    void aResetBathAtInfiniteTemperatureOnAQutrit() {
        // Sites c (qubit) then q (qutrit): the reset acts as 1 ⊗ |n⟩⟨m| with τ_n = 1/3.
        double[] levels = {0, 1, 3};
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("q", levels)), List.of(),
                List.of(new MachineBath("r", "q", BathKind.RESET, Double.POSITIVE_INFINITY, 0.06)));
        List<MachineChannel> c = m.channels();
        assertEquals(9, c.size());
        int k = 0;
        for (int n = 0; n < 3; n++) {
            for (int mm = 0; mm < 3; mm++) {
                ZMatrixRMaj op = matrix(6, new double[][] {{n, mm, 1}, {3 + n, 3 + mm, 1}});
                double heat = levels[mm] - levels[n];
                channel(c.get(k++), op, 0.02, heat, heat, (int) Math.signum(heat));
            }
        }
    }

    @Test
    void aResetBathAtZeroTemperatureResetsToTheGround() {
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("q", 0, 1, 3)), List.of(),
                List.of(new MachineBath(null, "q", BathKind.RESET, 0.0, 0.06)));
        List<MachineChannel> c = m.channels();
        for (int k = 0; k < 9; k++) {
            assertEquals(k < 3 ? 0.06 : 0.0, c.get(k).rate(), 0.0, c.get(k).label());
        }
        double[] tau = MachineChannels.gibbs(new Site("q", 0, 1, 3), 0.7);
        double z = 1 + Math.exp(-1 / 0.7) + Math.exp(-3 / 0.7);
        assertEquals(Math.exp(-3 / 0.7) / z, tau[2], 1e-16);
    }

    @Test
    void frequenciesCloserThanTheToleranceAreOneChannel() {
        // A harmonic qutrit alone: X has components at E₁ − E₀ = 1 (weight 1) and E₂ − E₁ = 1 + δ (weight √2).
        for (double delta : new double[] {1e-12, 1e-6}) {
            List<BohrComponents.Channel> c = components(new double[] {0, 1, 2 + delta});
            ZMatrixRMaj lower = matrix(3, new double[][] {{0, 1, 1}});
            ZMatrixRMaj upper = matrix(3, new double[][] {{1, 2, Math.sqrt(2)}});
            if (delta == 1e-12) {
                assertEquals(1, c.size());
                assertEquals(1 + delta / 2, c.get(0).frequency(), 1e-15);
                assertEquals(0, Ops.maxAbsDiff(c.get(0).operator(), Ops.add(1, lower, 1, upper)), 0.0);
            } else {
                assertEquals(2, c.size());
                assertEquals(1, c.get(0).frequency(), 0.0);
                assertEquals(1 + delta, c.get(1).frequency(), 1e-15);
                assertEquals(0, Ops.maxAbsDiff(c.get(0).operator(), lower), 0.0);
                assertEquals(0, Ops.maxAbsDiff(c.get(1).operator(), upper), 0.0);
            }
        }
        // The tolerance is relative above |ω| = 1: at ω ≈ 1e4 it is 1e-5, so a gap of 1e-6 joins.
        assertEquals(1, components(new double[] {0, 1e4, 2e4 + 1e-6}).size());
        assertEquals(2, components(new double[] {0, 1e4, 2e4 + 1e-4}).size());
    }

    @Test
    void aComponentWithinTheToleranceOfZeroIsDropped() {
        // E₂ − E₁ = 1e-12 joins ω = 0: only the component at 1 is left.
        List<BohrComponents.Channel> c = components(new double[] {0, 1, 1 + 1e-12});
        assertEquals(1, c.size());
        assertEquals(0, Ops.maxAbsDiff(c.get(0).operator(), matrix(3, new double[][] {{0, 1, 1}})), 0.0);
    }

    @Test
    void theEigenbasisPathGroupsAsTheDiagonalOne() {
        // A tiny exchange that only splits frequencies by far less than the tolerance: the global channels are the
        // local ones up to rounding and to the O(g) mixing of the states.
        double g = 1e-13;
        Machine global = qubits(Approach.GLOBAL, 1.0, 1.0, List.of(new Coupling.Exchange("c", "h", g)), 0);
        Machine local = qubits(Approach.LOCAL, 1.0, 1.0, List.of(new Coupling.Exchange("c", "h", g)), 0);
        assertEquals(local.channels().size(), global.channels().size());
    }

    @Test
    void globalChannelsOfAChainAreEigenoperatorsThatSumToX() {
        // c – m – h with a harmonic qutrit in the middle: H conserves the number of quanta and X changes it by one,
        // so X has no zero-frequency part and Σ_ω (A_ω + A_ω†) = X; each A_ω satisfies [H, A_ω] = −ω A_ω.
        Machine m = new Machine(Approach.GLOBAL, List.of(new Site("c", 0.0, 1.0),
                new Site("m", new double[] {0.0, 1.1, 2.3}, Ladder.HARMONIC), new Site("h", 0.0, 1.2)),
                List.of(new Coupling.Exchange("c", "m", 0.03), new Coupling.Exchange("m", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.2, 1e-3),
                        new MachineBath("mid", "m", BathKind.BOSONIC, 0.5, 1e-3),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 1.0, 1e-3)));
        ZMatrixRMaj h = m.hamiltonian();
        for (int k = 0; k < 3; k++) {
            ZMatrixRMaj sum = new ZMatrixRMaj(12, 12);
            for (MachineChannel c : ofBath(m, k)) {
                sum = Ops.add(1, sum, 1, c.operator());
                ZMatrixRMaj eigen = Ops.add(1, Ops.commutator(h, c.operator()), c.energy(), c.operator());
                assertEquals(0, Ops.maxAbsDiff(eigen, new ZMatrixRMaj(12, 12)), 1e-13, c.label());
            }
            assertEquals(0, Ops.maxAbsDiff(sum, m.couplingOperator(m.baths().get(k))), 1e-13);
        }
    }

    private static List<BohrComponents.Channel> components(double[] levels) {
        Site q = new Site("q", levels, Ladder.HARMONIC);
        ZMatrixRMaj a = q.lowering();
        ZMatrixRMaj h = new ZMatrixRMaj(3, 3);
        for (int n = 0; n < 3; n++) {
            h.set(n, n, levels[n], 0);
        }
        return BohrComponents.of(Ops.add(1, a, 1, Ops.dagger(a)), h);
    }
}
