package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.EngineKind;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The diffusive engine (issue 29) in the ensemble runner: the same bits on any number of threads. Pure states only:
 * the recorders of the standard quantities read no mixed conditional state yet.
 */
class DiffusiveEnsembleTest {
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        TimeGrid grid = new TimeGrid(200, 11);
        ZMatrixRMaj rho0 = TwoQubits.basisState("01");
        EnsembleResult[] r = new EnsembleResult[2];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            r[i] = EnsembleRunner.run(() -> EngineKind.DIFFUSIVE.create(Fixtures.FLUX, rho0, grid, 2.0),
                    Fixtures.FLUX, rho0, grid, EnsembleSettings.count(301, 42, threads[i]));
        }
        assertEquals(301, r[1].trajectories());
        boolean spread = false;
        for (int k = 0; k < grid.points(); k++) {
            for (String c : r[0].columns()) {
                assertEquals(Double.doubleToLongBits(r[0].estimate(c, k).mean()),
                        Double.doubleToLongBits(r[1].estimate(c, k).mean()), "mean " + k + "," + c);
                assertEquals(Double.doubleToLongBits(r[0].estimate(c, k).se()),
                        Double.doubleToLongBits(r[1].estimate(c, k).se()), "se " + k + "," + c);
                spread |= r[0].estimate(c, k).se() > 0;
            }
        }
        assertTrue(spread, "the trajectories must differ");
    }
}
