package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.Thermal;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.testing.RandomModels;

/**
 * Issue 14, point 1: the heat, switching work and entropy production of every collision, each checked against an
 * independent expression — the work against the change of ⟨H_int⟩ read off the system's states, Σ_k = ΔS_S + Q_k/T_k
 * against I(S′:A′) + D(ρ_A′‖ρ_A) of the joint state, and the per-time rates as Δt → 0 against the local master
 * equation's steady state (heat Σ_j ω_j γ_j Tr[A_jρA_j†], work −(κ_k/2)⟨H_int⟩ in closed form).
 */
class CollisionThermodynamicsTest {
    /** A random full-rank density matrix (Ginibre: GG†/Tr GG†). */
    static ZMatrixRMaj randomState(SplittableRandom r) {
        ZMatrixRMaj g = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                g.set(i, j, r.nextGaussian(), r.nextGaussian());
            }
        }
        ZMatrixRMaj rho = Ops.mult(g, Ops.dagger(g));
        return Ops.scale(1 / Ops.traceRe(rho), 0, rho);
    }

    /**
     * A step that makes the largest swap angle about 1 (or p_kΔt about 1/2), so that every collision moves a good
     * share of the state and the identities are tested far from the weak-collision limit.
     */
    private static double strongStep(Model m) {
        double total = 0;
        for (Jump j : m.jumps()) {
            total = Math.max(total, j.rate());
        }
        double bath = Math.max(m.cold().rate(), m.hot().rate());
        return m instanceof ResetModel ? 0.5 / bath : 0.5 / (2 * total);
    }

    private static CollisionThermodynamics thermo(Model m, double dt) {
        return new CollisionThermodynamics(m, new TimeGrid(dt, 2), dt);
    }

    /** What a test checks of one collision. */
    private interface CollisionCheck {
        /** @return whether the collision counts as checked */
        boolean check(Model m, CollisionThermodynamics t, int c, CollisionThermodynamics.Ledger l);
    }

    /**
     * Every collision of the first {@code count} random models at Δt = 1 and at a strong step, a step's collisions in
     * order from a random state, each from the state the last one left.
     *
     * @return how many collisions counted as checked
     */
    private static int eachCollision(long modelSeed, long stateSeed, int count, CollisionCheck check) {
        RandomModels models = new RandomModels(modelSeed);
        SplittableRandom r = new SplittableRandom(stateSeed);
        int checked = 0;
        for (int i = 0; i < count; i++) {
            Model m = models.any(i);
            for (double dt : new double[] {1.0, strongStep(m)}) {
                CollisionThermodynamics t = thermo(m, dt);
                ZMatrixRMaj rho = randomState(r);
                for (int c = 0; c < t.collisions(); c++) {
                    CollisionThermodynamics.Ledger l = t.collide(c, rho);
                    checked += check.check(m, t, c, l) ? 1 : 0;
                    rho = l.after();
                }
            }
        }
        return checked;
    }

    @Test
    void workIsTheChangeOfTheCouplingEnergy() {
        int checked = eachCollision(14, 1, 60, (m, t, c, l) -> {
            // ΔE_S + Q_k from the energies of system and ancilla, against Δ⟨H_int⟩ of the system alone.
            double direct = t.couplingEnergy(l.after()) - t.couplingEnergy(l.before());
            assertEquals(direct, l.work(), 1e-12, m + " collision " + c);
            assertEquals(l.systemEnergy() + l.heat(), l.work(), 0);
            return true;
        });
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void workIsNonzeroWhenTheCouplingHoldsACoherence() {
        // g does not commute with a local collision: a state with ⟨H_int⟩ ≠ 0 loses some of it at each collision.
        Model m = new FluxModel(1, 0.01, new Bath(0.3, 0.04), new Bath(1, 0.04));
        CollisionThermodynamics t = thermo(m, 1);
        ZMatrixRMaj rho = TwoQubits.basisState("01");
        rho.set(1, 1, 0.5, 0);
        rho.set(2, 2, 0.5, 0);
        rho.set(1, 2, 0.5, 0);
        rho.set(2, 1, 0.5, 0);
        CollisionThermodynamics.Ledger l = t.collide(0, rho);
        assertTrue(l.work() < -1e-4, "work " + l.work());
    }

    @Test
    void theTwoFormsOfTheEntropyProductionAgree() {
        int checked = eachCollision(15, 2, 90, (m, t, c, l) -> {
            double temperature = m.bath(l.side()).temperature();
            assertTrue(l.entropyProduction() >= -1e-12, m + " collision " + c + ": " + l.entropyProduction());
            double second = l.correlationForm();
            assertTrue(second >= -1e-12, m + " collision " + c + ": " + second);
            if (temperature > 0) {
                assertEquals(l.entropyProduction(), second, 1e-10, m + " collision " + c);
                return true;
            }
            if (l.heat() > 0) {
                assertEquals(Double.POSITIVE_INFINITY, l.entropyProduction());
                assertEquals(Double.POSITIVE_INFINITY, second);
            }
            return false;
        });
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void atZeroTemperatureTheEntropyProductionIsInfiniteWhenTheAncillaCanBeExcited() {
        SplittableRandom r = new SplittableRandom(3);
        List<Model> cold = List.of(new ResetModel(1, 0.01, new Bath(0, 0.02), new Bath(2, 0.02)),
                new FluxModel(1, 0.01, new Bath(0, 0.02), new Bath(2, 0.02)),
                new DotModel(1, 0.01, 3, new Bath(0, 0.02), new Bath(2, 0.02)));
        for (Model m : cold) {
            CollisionThermodynamics t = thermo(m, 1);
            ZMatrixRMaj mixed = randomState(r);
            ZMatrixRMaj ground = TwoQubits.basisState("00");
            ZMatrixRMaj rho = t.free(mixed);
            for (int c = 0; c < t.collisions(); c++) {
                CollisionThermodynamics.Ledger l = t.collide(c, rho);
                if (l.side() == Side.COLD) {
                    // A full-rank state has the cold qubit excited: the cold ancilla, in its ground state, takes E.
                    assertTrue(l.heat() > 0, m + " collision " + c);
                    assertEquals(Double.POSITIVE_INFINITY, l.entropyProduction());
                    assertEquals(Double.POSITIVE_INFINITY, l.correlationForm());
                    // From |00⟩ the T = 0 ancilla stays in its ground state: nothing is produced.
                    CollisionThermodynamics.Ledger quiet = t.collide(c, ground);
                    assertEquals(0, quiet.heat(), 0);
                    assertEquals(0, quiet.entropyProduction(), 1e-15);
                    assertEquals(0, quiet.correlationForm(), 1e-12);
                }
                rho = l.after();
            }
        }
    }

    @Test
    void theJointUnitariesReproduceTheCollisionMap() {
        RandomModels models = new RandomModels(16);
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 9; i++) {
            Model m = models.any(i);
            TimeGrid grid = new TimeGrid(40, 5);
            ZMatrixRMaj rho0 = randomState(r);
            List<ZMatrixRMaj> map = new CollisionMap(m, grid, 2.5).evolve(rho0);
            CollisionThermodynamics.Series s = new CollisionThermodynamics(m, grid, 2.5).evolve(rho0);
            for (int k = 0; k < grid.points(); k++) {
                assertTrue(Ops.maxAbsDiff(map.get(k), s.states().get(k)) < 1e-12, m + " at " + k);
                // Σ over collisions of ΔS_S telescopes to S(ρ(t)) − S(ρ(0)).
                double heatOverT = 0;
                boolean finite = true;
                for (Side side : Side.values()) {
                    double t = m.bath(side).temperature();
                    double q = s.heat()[side.ordinal()][k];
                    finite &= t > 0 || q == 0;
                    heatOverT += Double.isInfinite(t) || q == 0 ? 0 : q / t;
                }
                if (finite && k > 0) {
                    double total = CollisionThermodynamics.entropy(s.states().get(k))
                            - CollisionThermodynamics.entropy(rho0) + heatOverT;
                    assertEquals(total, s.totalEntropy(k), 1e-10, m + " at " + k);
                }
            }
        }
    }

    /** Three machines with rates large enough that the O(Δt) bias stands far above rounding at Δt = E⁻¹/64. */
    private static List<Model> machines() {
        return List.of(new ResetModel(1, 0.03, new Bath(0.2, 0.05), new Bath(3, 0.04)),
                new FluxModel(1, 0.03, new Bath(0.2, 0.03), new Bath(3, 0.01)),
                new DotModel(1, 0.03, 0.7, new Bath(0.2, 0.05), new Bath(3, 0.04)));
    }

    private static final double[] STEPS = {0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625};

    /** Heat into bath k of the master equation, Σ_j ω_j γ_j Tr[A_j ρ A_j†], from the channels directly. */
    private static double masterHeat(Model m, ZMatrixRMaj rho, Side side) {
        double q = 0;
        for (Jump j : m.jumps()) {
            if (j.side() == side) {
                ZMatrixRMaj a = j.operator();
                q += j.energy() * j.rate() * Ops.traceRe(Ops.mult(Ops.mult(a, rho), Ops.dagger(a)));
            }
        }
        return q;
    }

    /**
     * κ_k in closed form from the model's parameters: the total rate of bath k's transitions out of |01⟩ and |10⟩.
     * Reset: p_k (r_k + 1 − r_k) from each, 2p_k. Flux: γ↓ from the excited side, γ↑ from the empty one,
     * Γ(1 + n_B) + Γn_B. Double dot: from |10⟩ the cold dot empties with the hot dot empty, Γ(1 − n_F(E)); from |01⟩
     * it fills with the hot dot full, Γn_F(E + U).
     */
    private static double kappa(Model m, Side side) {
        Bath b = m.bath(side);
        double e = m.energy();
        if (m instanceof ResetModel) {
            return 2 * b.rate();
        }
        if (m instanceof FluxModel) {
            return b.rate() * (2 * Thermal.bose(e, b.temperature()) + 1);
        }
        return b.rate() * (Thermal.fermiHole(e, b.temperature()) + Thermal.fermi(e + m.coulomb(), b.temperature()));
    }

    private static double slope(double[] dt, double[] error) {
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < dt.length; i++) {
            fit.addData(Math.log(dt[i]), Math.log(error[i]));
        }
        return fit.getSlope();
    }

    @Test
    void perTimeHeatConvergesToTheMasterEquationAtFirstOrder() {
        for (Model m : machines()) {
            ZMatrixRMaj ss = SteadyState.of(m);
            for (Side side : Side.values()) {
                double exact = masterHeat(m, ss, side);
                double[] error = new double[STEPS.length];
                for (int i = 0; i < STEPS.length; i++) {
                    error[i] = Math.abs(thermo(m, STEPS[i]).steady().heat()[side.ordinal()] - exact);
                }
                double slope = slope(STEPS, error);
                assertTrue(slope > 0.9 && slope < 1.1, m + " " + side + ": slope " + slope + " errors "
                        + java.util.Arrays.toString(error));
                assertTrue(error[STEPS.length - 1] < 0.02 * Math.abs(exact), m + " " + side);
            }
        }
    }

    @Test
    void eachDissipatorDampsTheCouplingEnergyAtHalfItsRateOutOfTheOneExcitationStates() {
        RandomModels models = new RandomModels(17);
        SplittableRandom r = new SplittableRandom(5);
        List<Model> all = new ArrayList<>(machines());
        for (int i = 0; i < 30; i++) {
            all.add(models.any(i));
        }
        for (Model m : all) {
            ZMatrixRMaj rho = randomState(r);
            double coupling = Ops.traceProductRe(TwoQubits.hamiltonian(0, m.g(), 0), rho);
            for (Side side : Side.values()) {
                double closed = -kappa(m, side) / 2 * coupling;
                assertEquals(closed, dissipatorWork(m, side, rho), 1e-14 * kappa(m, side) * m.g(), m + " " + side);
            }
        }
    }

    /** Tr[H_int L_k(ρ)] with L_k bath k's dissipator alone, by the Liouvillian of its channels without H. */
    private static double dissipatorWork(Model m, Side side, ZMatrixRMaj rho) {
        List<Jump> own = new ArrayList<>();
        for (Jump j : m.jumps()) {
            if (j.side() == side) {
                own.add(j);
            }
        }
        return Ops.traceProductRe(TwoQubits.hamiltonian(0, m.g(), 0),
                new Liouvillian(new ZMatrixRMaj(4, 4), own).apply(rho));
    }

    @Test
    void perStepWorkConvergesToTheDissipatorsShareOfTheCouplingEnergy() {
        // On a state that holds ⟨H_int⟩ ≠ 0, one step's work on bath k per Δt tends to −(κ_k/2)⟨H_int⟩.
        SplittableRandom r = new SplittableRandom(6);
        for (Model m : machines()) {
            ZMatrixRMaj rho = randomState(r);
            double coupling = Ops.traceProductRe(TwoQubits.hamiltonian(0, m.g(), 0), rho);
            assertTrue(Math.abs(coupling) > 1e-4, "coupling energy " + coupling);
            for (Side side : Side.values()) {
                double closed = -kappa(m, side) / 2 * coupling;
                double[] error = new double[STEPS.length];
                for (int i = 0; i < STEPS.length; i++) {
                    CollisionThermodynamics t = thermo(m, STEPS[i]);
                    ZMatrixRMaj x = t.free(rho);
                    double w = 0;
                    for (int c = 0; c < t.collisions(); c++) {
                        CollisionThermodynamics.Ledger l = t.collide(c, x);
                        w += l.side() == side ? l.work() : 0;
                        x = l.after();
                    }
                    error[i] = Math.abs(w / STEPS[i] - closed);
                }
                if (m instanceof ResetModel && side == Side.COLD) {
                    // The cold reset comes first in a step and is linear: its work is −p_cΔt⟨H_int⟩ exactly.
                    for (double e : error) {
                        assertEquals(0, e, 1e-14, m + " " + side);
                    }
                    continue;
                }
                double slope = slope(STEPS, error);
                assertTrue(slope > 0.9 && slope < 1.1, m + " " + side + ": slope " + slope + " errors "
                        + java.util.Arrays.toString(error));
            }
        }
    }

    @Test
    void inTheSteadyStateEachBathsWorkVanishesAtEveryStep() {
        for (Model m : machines()) {
            // The master equation's ⟨H_int⟩ relaxes at (κ_c + κ_h)/2 and e^{−iHt} conserves it: 0 in its steady
            // state, so each bath's work per time −(κ_k/2)⟨H_int⟩ is 0 there.
            ZMatrixRMaj ss = SteadyState.of(m);
            assertEquals(0, Ops.traceProductRe(TwoQubits.hamiltonian(0, m.g(), 0), ss), 1e-15);
            for (double dt : STEPS) {
                CollisionThermodynamics.Rates rates = thermo(m, dt).steady();
                // The collision map keeps this at every Δt: each collision scales ρ_01,10 by a real factor (cos θ,
                // or 1 − p_kΔt) and e^{−iHΔt} conserves ⟨H_int⟩, so the fixed point's ⟨H_int⟩ = c⟨H_int⟩ with c < 1
                // is 0, and no collision of the steady state changes it.
                assertEquals(0, Ops.traceProductRe(TwoQubits.hamiltonian(0, m.g(), 0), rates.state()), 1e-13);
                for (Side side : Side.values()) {
                    assertEquals(0, dissipatorWork(m, side, ss), 1e-15);
                    assertEquals(0, rates.work()[side.ordinal()], 1e-12, m + " " + side + " dt " + dt);
                }
            }
        }
    }
}
