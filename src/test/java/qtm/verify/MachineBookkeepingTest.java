package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.EngineKind;
import qtm.engine.MachineCollisionEngine;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.MachineCollisionThermodynamics;
import qtm.exact.ScratchCollision;
import qtm.model.Machine;
import qtm.model.TimeGrid;
import qtm.run.RunPlan;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * Issue 25: a machine's collision engine books heat and switching work per bath as its exact map does. On the
 * qutrit machine and the three-bath machine of scenarios/ (their machines, on a shorter grid, from the uniform
 * superposition of the basis states), the engine's cumulative
 * Q_k(t) and W_k(t) of every bath lie within 4 SE of the same quantities computed in the test from the text
 * ({@link ScratchCollision}: each collision's joint unitary applied to ρ_S ⊗ ρ_A, Q_k the ancilla's energy gain, ΔE_S
 * the change of Tr[Hρ_S], W_k = ΔE_S + Q_k); the production map's series equals the scratch one to 1e-10; the
 * verdict converges; and against a reference that forgets ΔE_S (W_k = Q_k), or the coupling energy (W_k = 0), it
 * fails.
 */
class MachineBookkeepingTest {
    private static final long N = 4000;

    /** Cumulative per bath on the grid: [0] heat, [1] work, each [bath][k], from the text. */
    private static double[][][] scratch(Machine m, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        int steps = (int) Math.ceil(grid.step() / dt - 1e-9);
        return new ScratchCollision(m, grid.step() / steps).bookkeeping(m, rho0, steps, grid.points());
    }

    /**
     * The uniform superposition of every basis state: from a basis state no coherence between the exchange's
     * partners ever forms, ⟨H − H₀⟩ stays 0 and so does every bath's work, which would test nothing.
     */
    private static ZMatrixRMaj uniform(int d) {
        ZMatrixRMaj rho = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rho.set(i, j, 1.0 / d, 0);
            }
        }
        return rho;
    }

    private static MachineBookkeeping.Result check(String file, TimeGrid grid, double dt, long seed)
            throws Exception {
        return check(ScenarioReader.readForRun(Path.of("scenarios", file), List.of("observe.collision_work=true")),
                file, grid, dt, seed);
    }

    private static MachineBookkeeping.Result check(Scenario s, String file, TimeGrid grid, double dt, long seed) {
        Machine m = s.machine();
        ZMatrixRMaj rho0 = uniform(m.dimension());
        EnsembleResult r = EnsembleRunner.run(() -> new MachineCollisionEngine(m, rho0, grid, dt),
                RunPlan.quantities(s, EngineKind.COLLISION.key()).stream()
                        .filter(q -> !(q instanceof qtm.observe.Fidelity)).toList(),
                grid, EnsembleSettings.count(N, seed, 2));
        MachineBookkeeping.Result b = MachineBookkeeping.of(m, rho0, grid, dt, r);
        assertNotNull(b);
        double[][][] x = scratch(m, rho0, grid, dt);
        MachineCollisionThermodynamics.Series exact = new MachineCollisionThermodynamics(m, grid, dt).evolve(rho0);
        int last = grid.points() - 1;
        for (int bath = 0; bath < m.baths().size(); bath++) {
            for (int k = 0; k < grid.points(); k++) {
                assertEquals(x[0][bath][k], exact.heat()[bath][k], 1e-10, file + " map heat " + bath);
                assertEquals(x[1][bath][k], exact.work()[bath][k], 1e-10, file + " map work " + bath);
            }
            CollisionBookkeeping.Row row = b.rows().get(last);
            String name = m.bathNames().get(bath);
            assertTrue(Math.abs(row.heat()[bath].mean() - x[0][bath][last]) <= 4 * row.heat()[bath].se(),
                    file + " heat " + name + ": " + row.heat()[bath] + " vs " + x[0][bath][last]);
            assertTrue(Math.abs(row.work()[bath].mean() - x[1][bath][last]) <= 4 * row.work()[bath].se(),
                    file + " work " + name + ": " + row.work()[bath] + " vs " + x[1][bath][last]);
        }
        assertTrue(b.converged(), file + ": " + b.worst());
        assertTrue(b.tests() >= (grid.points() - 1) * m.baths().size(), file + ": " + b.tests() + " z-tests");
        // A reference that books the ancilla's energy alone as the work (W_k = Q_k, no ΔE_S) must fail.
        MachineCollisionThermodynamics.Series wrong = new MachineCollisionThermodynamics.Series(exact.states(),
                exact.heat(), exact.heat(), exact.entropy());
        MachineBookkeeping.Result bad = MachineBookkeeping.of(m, rho0, grid, dt, r, wrong,
                MachineBookkeeping.heatReference(m, rho0, grid, dt));
        assertFalse(bad.converged(), file + ": W = Q passed with max |z| " + bad.maxAbsZ());
        // Nor may one that forgets the coupling energy, which is all the work of a bosonic bath (W_k = 0).
        MachineCollisionThermodynamics.Series none = new MachineCollisionThermodynamics.Series(exact.states(),
                exact.heat(), new double[m.baths().size()][grid.points()], exact.entropy());
        MachineBookkeeping.Result zero = MachineBookkeeping.of(m, rho0, grid, dt, r, none,
                MachineBookkeeping.heatReference(m, rho0, grid, dt));
        assertFalse(zero.converged(), file + ": W = 0 passed with max |z| " + zero.maxAbsZ());
        return b;
    }

    @Test
    void qutritMachineBooksHeatAndWorkAsItsMap() throws Exception {
        check("machine-qutrit.yaml", new TimeGrid(1000, 6), 10, 31);
    }

    /** Slow: the tilted map's six moments of Q_k for three baths at d = 8 take seconds. */
    @org.junit.jupiter.api.Tag("slow")
    @Test
    void threeBathMachineBooksHeatAndWorkAsItsMap() throws Exception {
        check("machine-three-baths.yaml", new TimeGrid(600, 6), 10, 32);
    }

    /**
     * A stronger exchange and a density coupling U n_c n_h: a reset of h changes U n_c n_h, which neither the site's
     * levels nor its copy's book, so the hot bath's work is far from 0, and the comparison has teeth.
     */
    @Test
    void aResetBathDoesTheDensityCouplingsWork(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("qutrit-u.yaml");
        java.nio.file.Files.writeString(file, MachineCountFixtures.QUTRIT);
        TimeGrid grid = new TimeGrid(60, 7);
        MachineBookkeeping.Result b = check(ScenarioReader.readForRun(file, List.of("observe.collision_work=true")),
                "qutrit-u", grid, 1.0, 33);
        CollisionBookkeeping.Row last = b.rows().get(grid.points() - 1);
        for (int bath = 0; bath < 2; bath++) {
            assertTrue(Math.abs(last.mapWork()[bath]) > 5 * last.work()[bath].se(), "work " + bath + ": "
                    + last.mapWork()[bath] + " ± " + last.work()[bath].se());
        }
        // T_h = ∞ and T_c > 0: Σ(t) is finite and judged, and the engine's is within 4 SE of the map's.
        assertTrue(Double.isFinite(last.mapTotal()) && last.mapTotal() > 0, "Σ " + last.mapTotal());
        assertTrue(Math.abs(last.entropy().mean() - last.mapTotal()) <= 4 * last.entropy().se(), last.entropy()
                + " vs " + last.mapTotal());
    }
}
