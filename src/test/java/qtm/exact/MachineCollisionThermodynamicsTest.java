package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineCollision;
import qtm.model.Site;
import qtm.model.TimeGrid;

/**
 * Issue 25: the heat, switching work and entropy production of every collision on a machine, each against an
 * independent computation in the test: the joint state V(ρ⊗ρ_A)V† with V and ρ_A built by {@link ScratchCollision},
 * the heat as the ancilla's energy change, Σ_k = I(S′:A′) + D(ρ_A′‖ρ_A) ≥ 0 from that joint state, and the work
 * against the change of the coupling energy ⟨H − H₀⟩ (less μ per electron a lead takes) for a swap, whose V conserves
 * H₀ + H_A, and against the change of ⟨H⟩ less the site levels' energy for a reset, whose V conserves only those and
 * the copy's. On 20 random machines (seed 2025) of one to three baths of mixed kinds, qudits, both ladders,
 * detuning, density couplings, μ ≠ 0 and the temperatures 0 and ∞.
 */
class MachineCollisionThermodynamicsTest {
    private static final int MACHINES = 20;

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return lo * Math.pow(hi / lo, r.nextDouble());
    }

    static Machine random(SplittableRandom r) {
        int n = 2 + r.nextInt(2);
        int qutrit = r.nextInt(n + 1);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int d = i == qutrit ? 3 : 2;
            double[] levels = new double[d];
            for (int k = 1; k < d; k++) {
                levels[k] = levels[k - 1] + 0.6 + r.nextDouble();
            }
            sites.add(new Site("s" + i, levels, r.nextBoolean() ? Ladder.HARMONIC : Ladder.UNIT));
        }
        List<Coupling> couplings = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            couplings.add(new Coupling.Exchange("s" + i, "s" + (i + 1), logUniform(r, 0.01, 0.06)));
            if (r.nextBoolean()) {
                couplings.add(new Coupling.Density("s" + i, "s" + (i + 1), 0.5 * r.nextDouble()));
            }
        }
        List<MachineBath> baths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (baths.size() == 3 || (i > 0 && r.nextInt(4) == 0)) {
                continue;
            }
            boolean qubit = sites.get(i).dimension() == 2;
            BathKind kind = BathKind.values()[r.nextInt(qubit ? 3 : 2) == 1 && !qubit ? 2 : r.nextInt(3)];
            if (kind == BathKind.FERMIONIC && !qubit) {
                kind = BathKind.RESET;
            }
            int pick = r.nextInt(6);
            double t = pick == 0 ? 0 : pick == 1 && kind != BathKind.BOSONIC ? Double.POSITIVE_INFINITY
                    : logUniform(r, 0.1, 10);
            double rate = logUniform(r, 0.01, 0.06);
            double s = kind == BathKind.RESET ? 0 : r.nextInt(3) - 1;
            double mu = kind == BathKind.FERMIONIC ? 2 * r.nextDouble() - 1 : 0;
            baths.add(new MachineBath("b" + i, "s" + i, kind, t, rate, s, mu));
        }
        return new Machine(Approach.LOCAL, sites, couplings, baths);
    }

    /** The longest step of 8, 4, 2, 1 … that the collision picture accepts: strong collisions. */
    static double strongStep(Machine m) {
        double dt = 8;
        while (true) {
            try {
                MachineCollision.of(m, new TimeGrid(dt, 2), dt);
                return dt;
            } catch (IllegalArgumentException e) {
                dt /= 2;
            }
        }
    }

    @Test
    void everyCollisionBooksWhatItsJointStateSaysOnRandomMachines() {
        SplittableRandom r = new SplittableRandom(2025);
        int kinds = 0;
        int finite = 0;
        for (int trial = 0; trial < MACHINES; trial++) {
            Machine m = random(r);
            double dt = strongStep(m);
            MachineCollisionThermodynamics thermo = new MachineCollisionThermodynamics(m, new TimeGrid(dt, 2), dt);
            ScratchCollision scratch = new ScratchCollision(m, dt);
            assertEquals(scratch.events.size(), thermo.collisions(), "machine " + trial);
            ZMatrixRMaj h = m.hamiltonian();
            ZMatrixRMaj coupling = Ops.add(1.0, h, -1.0, m.bareHamiltonian());
            ZMatrixRMaj interaction = Ops.add(1.0, h, -1.0, siteLevels(m));
            ZMatrixRMaj rho = MachineCollisionMapTest.randomState(r, m.dimension());
            for (int step = 0; step < 3; step++) {
                rho = thermo.free(rho);
                for (int i = 0; i < thermo.collisions(); i++) {
                    String at = "machine " + trial + " " + m + ", step " + step + ", collision " + i;
                    MachineCollisionThermodynamics.Ledger l = thermo.collide(i, rho);
                    ScratchCollision.Event e = scratch.events.get(i);
                    MachineBath bath = m.baths().get(e.bath());
                    Booked b = book(e, rho);
                    assertEquals(0, Ops.maxAbsDiff(b.after, l.after()), 1e-10, at + ": state after");
                    assertEquals(b.heat, l.heat(), 1e-10, at + ": heat");
                    double lead = bath.kind() == BathKind.FERMIONIC ? bath.mu() * b.excitation : 0;
                    // A swap conserves H0 + H_A (A_w lowers H0 by w), a reset only the site's levels + the copy's.
                    ZMatrixRMaj kept = bath.kind() == BathKind.RESET ? interaction : coupling;
                    double dCoupling = Ops.traceProductRe(kept, l.after()) - Ops.traceProductRe(kept, rho);
                    assertEquals(dCoupling - lead, l.work(), 1e-10, at + ": work = change of <H - conserved> - mu dn");
                    assertTrue(l.entropyProduction() >= -1e-12, at + ": Sigma_k = " + l.entropyProduction());
                    if (bath.temperature() == 0) {
                        assertTrue(b.heat > 0 && b.sigma == Double.POSITIVE_INFINITY, at + ": T = 0");
                        assertEquals(Double.POSITIVE_INFINITY, l.entropyProduction(), at);
                    } else {
                        assertEquals(b.sigma, l.entropyProduction(), 1e-9, at + ": Sigma_k = I(S':A') + D");
                        finite++;
                    }
                    rho = l.after();
                }
            }
            kinds |= m.baths().stream().mapToInt(x -> 1 << x.kind().ordinal()).reduce(0, (x, y) -> x | y);
        }
        assertEquals(7, kinds, "every bath kind occurs");
        assertTrue(finite > 100, "finite entropy productions checked: " + finite);
    }

    /** Σ_sites Σ_n E_n |n⟩⟨n|: H without any coupling. */
    private static ZMatrixRMaj siteLevels(Machine m) {
        int d = m.dimension();
        ZMatrixRMaj out = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            double e = 0;
            for (int k = 0; k < m.sites().size(); k++) {
                e += m.sites().get(k).level(m.space().level(i, k));
            }
            out.set(i, i, e, 0);
        }
        return out;
    }

    /** What the test books from its own joint state. */
    private record Booked(ZMatrixRMaj after, double heat, double excitation, double sigma) {
    }

    private static Booked book(ScratchCollision.Event e, ZMatrixRMaj rho) {
        int da = e.ancilla().length;
        int d = rho.numRows;
        ZMatrixRMaj a0 = new ZMatrixRMaj(da, da);
        for (int x = 0; x < da; x++) {
            a0.set(x, x, e.ancilla()[x], 0);
        }
        ZMatrixRMaj joint = Ops.mult(Ops.mult(e.joint(), Ops.kron(rho, a0)), Ops.dagger(e.joint()));
        ZMatrixRMaj system = new ZMatrixRMaj(d, d);
        ZMatrixRMaj ancilla = new ZMatrixRMaj(da, da);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int x = 0; x < da; x++) {
                    system.set(i, j, system.getReal(i, j) + joint.getReal(i * da + x, j * da + x),
                            system.getImag(i, j) + joint.getImag(i * da + x, j * da + x));
                }
            }
        }
        for (int x = 0; x < da; x++) {
            for (int y = 0; y < da; y++) {
                for (int i = 0; i < d; i++) {
                    ancilla.set(x, y, ancilla.getReal(x, y) + joint.getReal(i * da + x, i * da + y),
                            ancilla.getImag(x, y) + joint.getImag(i * da + x, i * da + y));
                }
            }
        }
        double heat = 0;
        // D(ρ_A′‖ρ_A) = −S(ρ_A′) − Tr ρ_A′ ln ρ_A, ρ_A diagonal (ρ_A′ need not be).
        double relative = -ScratchCollision.entropy(ancilla);
        for (int x = 0; x < da; x++) {
            double p = ancilla.getReal(x, x);
            heat += e.energies()[x] * (p - e.ancilla()[x]);
            if (p > 0) {
                relative -= p * Math.log(e.ancilla()[x]);
            }
        }
        double mutual = ScratchCollision.entropy(system) + ScratchCollision.entropy(ancilla)
                - ScratchCollision.entropy(joint);
        double excitation = da == 2 ? ancilla.getReal(1, 1) - e.ancilla()[1] : 0;
        return new Booked(system, heat, excitation, mutual + relative);
    }

    @Test
    void steadyHeatRatesApproachTheMasterEquationsAtFirstOrder() {
        Machine m = MachineCollisionMapTest.scenario("machine-three-baths");
        Map<String, Double> exact = new MachineExact(m).heat(new MachineExact(m).steadyState());
        double scale = exact.values().stream().mapToDouble(Math::abs).max().orElseThrow();
        double[] x = new double[4];
        double[] y = new double[4];
        for (int i = 0; i < x.length; i++) {
            double dt = 8.0 / (1 << i);
            MachineCollisionThermodynamics.Rates rates =
                    new MachineCollisionThermodynamics(m, new TimeGrid(dt, 2), dt).steady();
            double err = 0;
            for (int k = 0; k < m.baths().size(); k++) {
                err = Math.max(err, Math.abs(rates.heat()[k] - exact.get(m.baths().get(k).name())));
                if (m.baths().get(k).temperature() > 0) {
                    assertTrue(rates.entropy()[k] >= 0, "steady Sigma of bath " + k);
                }
            }
            x[i] = Math.log(dt);
            y[i] = Math.log(err / scale);
        }
        assertEquals(1.0, MachineCollisionConvergenceTest.slope(x, y), 0.1, java.util.Arrays.toString(y));
        assertTrue(Math.exp(y[3]) < 1e-2, "relative heat error at dt = 1: " + Math.exp(y[3]));
    }
}
