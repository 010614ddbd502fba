package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Quantities;

/**
 * Issue 14, point 1: the collision engine's cumulative heat, switching work and total entropy production agree with
 * the exact bookkeeping of the map within 4 SE (fixed seed), for the three models. The initial state
 * (|00⟩ + |01⟩ + |10⟩)/√3 holds a real coherence ρ_01,10, so ⟨H_int⟩ ≠ 0 and the work is not trivially 0: from a basis
 * state Re ρ_01,10 stays 0 (the collisions only scale it, e^{−iHt} conserves it), and so does every bath's work.
 */
class CollisionBookkeepingTest {
    private static final TimeGrid GRID = new TimeGrid(60, 13);
    private static final double DT = 1.0;
    private static final long N = 20_000;

    private static ZMatrixRMaj initial() {
        double a = 1 / Math.sqrt(3);
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rho.set(i, j, a * a, 0);
            }
        }
        return rho;
    }

    private static CollisionBookkeeping.Result run(Model m, ZMatrixRMaj rho0) {
        EnsembleResult r = EnsembleRunner.run(() -> EngineKind.COLLISION.create(m, rho0, GRID, DT),
                Quantities.of(m, rho0, GRID, EngineKind.COLLISION), GRID, EnsembleSettings.count(N, 14, 4));
        return CollisionBookkeeping.of(m, rho0, GRID, DT, r);
    }

    private static void check(Model m, boolean finite) {
        CollisionBookkeeping.Result b = run(m, initial());
        assertNotNull(b);
        assertTrue(b.maxAbsZ() <= 4, m + ": max |z| " + b.maxAbsZ());
        assertTrue(b.converged(), m + ": p " + b.maxZPValue());
        CollisionBookkeeping.Row last = b.rows().get(b.rows().size() - 1);
        for (Side side : Side.values()) {
            int i = side.ordinal();
            // The comparison has teeth: the map's heat and work stand well clear of the engine's error bars.
            assertTrue(Math.abs(last.mapWork()[i]) > 5 * last.work()[i].se(), m + " " + side + " work "
                    + last.mapWork()[i] + " ± " + last.work()[i].se());
            assertTrue(Math.abs(last.mapHeat()[i]) > 5 * last.heat()[i].se(), m + " " + side);
        }
        if (finite) {
            assertTrue(Double.isFinite(last.mapTotal()) && last.mapTotal() > 0, m + ": Σ " + last.mapTotal());
            assertTrue(Math.abs(last.entropy().mean() - last.mapTotal()) <= 4 * last.entropy().se(), m + ": Σ "
                    + last.entropy() + " vs " + last.mapTotal());
        } else {
            assertEquals(Double.POSITIVE_INFINITY, last.mapTotal());
            assertEquals(Double.POSITIVE_INFINITY, last.entropy().mean());
        }
        int judged = b.tests();
        assertTrue(judged >= (GRID.points() - 1) * 4, m + ": " + judged + " z-scores");
    }

    @Test
    void resetEngineAgreesWithTheMap() {
        check(new ResetModel(1, 0.03, new Bath(0.2, 0.05), new Bath(3, 0.04)), true);
    }

    @Test
    void fluxEngineAgreesWithTheMap() {
        check(new FluxModel(1, 0.03, new Bath(0.2, 0.03), new Bath(3, 0.01)), true);
    }

    @Test
    void dotEngineAgreesWithTheMap() {
        check(new DotModel(1, 0.03, 0.7, new Bath(0.2, 0.05), new Bath(3, 0.04)), true);
    }

    @Test
    void aColdBathAtZeroTemperatureMakesTheTotalInfinite() {
        check(new FluxModel(1, 0.03, new Bath(0, 0.05), new Bath(3, 0.01)), false);
    }

    @Test
    void fromABasisStateNoBathDoesWork() {
        Model m = new DotModel(1, 0.03, 0.7, new Bath(0.2, 0.05), new Bath(3, 0.04));
        CollisionBookkeeping.Result b = run(m, qtm.model.TwoQubits.basisState("01"));
        for (CollisionBookkeeping.Row row : b.rows()) {
            for (Side side : Side.values()) {
                assertEquals(0, row.mapWork()[side.ordinal()], 1e-13);
                assertEquals(0, row.work()[side.ordinal()].mean(), 0);
            }
        }
        assertTrue(b.converged());
    }
}
