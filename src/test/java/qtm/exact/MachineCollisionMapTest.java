package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.math.Hermitian;
import qtm.math.HermitianBasis;
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
import qtm.scenario.ScenarioReader;

/**
 * Issue 25, the collision map on a machine: its one-step map against Kraus operators built from scratch in
 * {@link ScratchCollision} (a Taylor series of e^{−iθG} on system⊗ancilla), trace preservation and complete
 * positivity, and the refusals of steps that are too long.
 */
class MachineCollisionMapTest {
    /**
     * A qubit c and a harmonic qutrit h, each with a bosonic bath at T &gt; 0 (so both ancilla states occur), an
     * exchange and a density coupling (so the Bohr components of X_h split into several frequencies), s = 1 on h: the
     * qutrit's A†A has eigenvalues 1 and 2, where the presets' closed form does not hold.
     */
    static Machine harmonicQutrit() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.1, 2.2}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 0.05), new Coupling.Density("c", "h", 0.3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.4, 0.03),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 2.0, 0.02, 1.0, 0.0)));
    }

    static Machine scenario(String name) {
        return ScenarioReader.readAny(Path.of("scenarios", name + ".yaml"), List.of()).machine();
    }

    /** The machines, each with a step that makes the collisions strong (θ·‖A‖ or p about 1/2 to 1). */
    static List<Object[]> machines() {
        return List.of(new Object[] {"harmonic qutrit", harmonicQutrit(), 12.0},
                new Object[] {"machine-three-baths", scenario("machine-three-baths"), 60.0},
                new Object[] {"machine-detuned-flux", scenario("machine-detuned-flux"), 40.0},
                new Object[] {"machine-qutrit", scenario("machine-qutrit"), 60.0});
    }

    static ZMatrixRMaj randomState(SplittableRandom r, int d) {
        ZMatrixRMaj g = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                g.set(i, j, r.nextGaussian(), r.nextGaussian());
            }
        }
        ZMatrixRMaj rho = Ops.mult(g, Ops.dagger(g));
        return Ops.scale(1 / Ops.traceRe(rho), 0, rho);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void oneStepAgreesWithKrausOperatorsBuiltFromScratch(String name, Machine m, double dt) {
        MachineCollisionMap map = new MachineCollisionMap(m, new TimeGrid(dt, 2), dt);
        ScratchCollision scratch = new ScratchCollision(m, dt);
        assertEquals(scratch.events.size(), map.collision().events().size(), name + ": collisions per step");
        HermitianBasis basis = map.basis();
        DMatrixRMaj step = map.step();
        SplittableRandom r = new SplittableRandom(25);
        for (int trial = 0; trial < 3; trial++) {
            ZMatrixRMaj rho = randomState(r, m.dimension());
            ZMatrixRMaj expected = scratch.apply(rho);
            assertEquals(0, Ops.maxAbsDiff(expected, map.apply(rho)), 1e-10, name + ": apply");
            double[] v = basis.coordinates(rho, new double[basis.size()]);
            double[] w = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v.length; j++) {
                    w[i] += step.get(i, j) * v[j];
                }
            }
            ZMatrixRMaj viaMatrix = basis.matrix(w, new ZMatrixRMaj(m.dimension(), m.dimension()));
            assertEquals(0, Ops.maxAbsDiff(expected, viaMatrix), 1e-10, name + ": superoperator");
            // A strong step moves the state by much more than the tolerance, so agreement is not vacuous.
            assertTrue(Ops.maxAbsDiff(expected, rho) > 1e-3, name + ": the step does something");
        }
        // Each collision's own Kraus operators against the scratch ones, as maps.
        ZMatrixRMaj rho = randomState(r, m.dimension());
        for (int i = 0; i < scratch.events.size(); i++) {
            MachineCollision.Event e = map.collision().events().get(i);
            assertEquals(scratch.events.get(i).bath(), e.bath(), name + ": bath of collision " + i);
            ZMatrixRMaj mine = new ZMatrixRMaj(rho.numRows, rho.numCols);
            for (ZMatrixRMaj k : e.kraus()) {
                mine = Ops.add(1.0, mine, 1.0, Ops.mult(Ops.mult(k, rho), Ops.dagger(k)));
            }
            assertEquals(0, Ops.maxAbsDiff(ScratchCollision.collide(scratch.events.get(i), rho), mine), 1e-10,
                    name + ": Kraus operators of collision " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void gridStepsAgreeWithScratchStepsRepeated(String name, Machine m, double dt) {
        TimeGrid grid = new TimeGrid(3 * 4 * dt, 4);
        List<ZMatrixRMaj> states = new MachineCollisionMap(m, grid, dt).evolve(randomState(new SplittableRandom(7),
                m.dimension()));
        ScratchCollision scratch = new ScratchCollision(m, dt);
        ZMatrixRMaj rho = randomState(new SplittableRandom(7), m.dimension());
        for (int k = 1; k < grid.points(); k++) {
            for (int s = 0; s < 4; s++) {
                rho = scratch.apply(rho);
            }
            assertEquals(0, Ops.maxAbsDiff(rho, states.get(k)), 1e-10, name + ": grid point " + k);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void theStepPreservesTraceAndIsCompletelyPositive(String name, Machine m, double dt) {
        MachineCollisionMap map = new MachineCollisionMap(m, new TimeGrid(dt, 2), dt);
        int d = m.dimension();
        for (MachineCollision.Event e : map.collision().events()) {
            ZMatrixRMaj sum = new ZMatrixRMaj(d, d);
            for (ZMatrixRMaj k : e.kraus()) {
                sum = Ops.add(1.0, sum, 1.0, Ops.mult(Ops.dagger(k), k));
            }
            assertEquals(0, Ops.maxAbsDiff(sum, ScratchCollision.identity(d)), 1e-13, name + ": sum K^+K = 1");
        }
        // The Choi matrix Σ_ij |i⟩⟨j| ⊗ M(|i⟩⟨j|) of the whole step is positive semidefinite.
        ZMatrixRMaj choi = new ZMatrixRMaj(d * d, d * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                ZMatrixRMaj image = map.apply(Ops.unit(d, i, j));
                assertEquals(i == j ? 1 : 0, Ops.traceRe(image), 1e-13, name + ": trace of M(|i><j|)");
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        choi.set(i * d + a, j * d + b, image.getReal(a, b), image.getImag(a, b));
                    }
                }
            }
        }
        double[] eig = Hermitian.eigenvalues(choi);
        assertTrue(eig[eig.length - 1] > -1e-12, name + ": smallest Choi eigenvalue " + eig[eig.length - 1]);
        double[] trace = map.basis().traceFunctional();
        DMatrixRMaj step = map.step();
        for (int c = 0; c < trace.length; c++) {
            double t = 0;
            for (int r = 0; r < trace.length; r++) {
                t += trace[r] * step.get(r, c);
            }
            assertEquals(trace[c], t, 1e-13, name + ": trace functional, column " + c);
        }
    }

    @Test
    void stepsTooLongForTheCollisionPictureAreRefused() {
        Machine q = harmonicQutrit();
        // θ‖A‖ ≤ π/2: the hot qutrit's channels are A = a on its ladder, ‖A‖ = √2, so Δt = 25, where every θ is below
        // π/2 (the largest, 1.38, on the hot channel at ω = 1.4), is refused there.
        IllegalArgumentException swap = assertThrows(IllegalArgumentException.class,
                () -> MachineCollision.of(q, new TimeGrid(25, 2), 25));
        assertTrue(swap.getMessage().contains("exceed pi/2") && swap.getMessage().contains("hot"), swap.getMessage());
        MachineCollision.of(q, new TimeGrid(16, 2), 16);
        Machine resets = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "h", 0.01)),
                List.of(new MachineBath("cold", "c", BathKind.RESET, 1.0, 0.05),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 0.5, 1e-3)));
        IllegalArgumentException reset = assertThrows(IllegalArgumentException.class,
                () -> MachineCollision.of(resets, new TimeGrid(30, 2), 30));
        assertTrue(reset.getMessage().contains("exceed 1") && reset.getMessage().contains("dt <= 20"),
                reset.getMessage());
        MachineCollision.of(resets, new TimeGrid(20, 2), 20);
        Machine global = new Machine(Approach.GLOBAL, q.sites(), q.couplings(), q.baths());
        assertThrows(IllegalArgumentException.class, () -> MachineCollision.of(global, new TimeGrid(1, 2), 1));
        assertThrows(IllegalArgumentException.class, () -> MachineCollision.of(q, new TimeGrid(1, 2), 0));
    }

    @Test
    void theStepIsShortenedToFillTheGrid() {
        MachineCollision c = MachineCollision.of(harmonicQutrit(), new TimeGrid(10, 2), 3);
        assertEquals(4, c.stepsPerPoint());
        assertEquals(2.5, c.dt(), 1e-15);
        assertTrue(c.shortened());
    }
}
