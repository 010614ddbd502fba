package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.EngineKind;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/** The first stop condition reached wins, and the result says which. */
class StopConditionTest {
    private final TimeGrid grid = new TimeGrid(2000, 21);
    private final ZMatrixRMaj rho0 = TwoQubits.basisState("00");

    private EnsembleResult run(EnsembleSettings s) {
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(Fixtures.FLUX, rho0, grid, 0), Fixtures.FLUX,
                grid, s);
    }

    @Test
    void countStopsAtExactlyN() {
        EnsembleResult r = run(EnsembleSettings.count(1234, 1, 2));
        assertEquals(1234, r.trajectories());
        assertEquals(StopReason.TRAJECTORIES, r.stopReason());
    }

    @Test
    void targetSeStopsEarlyWithTheTargetMet() {
        EnsembleResult r = run(new EnsembleSettings(10_000_000, 1, 0.01, Double.POSITIVE_INFINITY, 2));
        assertEquals(StopReason.TARGET_SE, r.stopReason());
        assertTrue(r.trajectories() < 10_000_000);
        assertTrue(r.concurrence(grid.points() - 1).se() <= 0.01, r.concurrence(grid.points() - 1).toString());
        // the stop point depends on the seed alone, not on the threads
        EnsembleResult one = run(new EnsembleSettings(10_000_000, 1, 0.01, Double.POSITIVE_INFINITY, 1));
        assertEquals(r.trajectories(), one.trajectories());
    }

    @Test
    void timeBudgetStopsARunThatWouldNotEnd() {
        EnsembleResult r = run(new EnsembleSettings(Long.MAX_VALUE / 2, 1, 0, 0.2, 2));
        assertEquals(StopReason.TIME_BUDGET, r.stopReason());
        assertTrue(r.trajectories() > 0);
    }
}
