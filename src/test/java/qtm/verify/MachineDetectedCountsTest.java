package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import qtm.engine.MachineTrajectories;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.observe.DetectedCounts;
import qtm.observe.Quantity;
import qtm.stats.RareEvents;

/**
 * Issue 28's detected counts on a machine of three qubits (a bosonic bath at T = 0 on c, which only takes quanta, and a
 * fermionic lead with μ = 0.2 on m, whose jumps at ω = 1 are counted by the energy they move): the exact reference
 * obeys the thinning identities against the perfect detector's (E N_det = η E N on every grid point; on the one-way
 * cold bath Var N_det = η² Var N + η(1 − η) E N; dark clicks add θt to the variance and nothing to the mean), the
 * Monte Carlo's final detected mean and variance lie within 5 of their SEs of it, and its verdict converges, while the
 * same counts fail against the perfect detector's statistics.
 */
class MachineDetectedCountsTest {
    private static final double ETA = 0.6;
    private static final double THETA = 2e-3;
    private static final TimeGrid GRID = new TimeGrid(600, 11);

    private static Machine machine() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "m", 0.05), new Coupling.Exchange("m", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.0, 0.03, 0, 0),
                        new MachineBath("lead", "m", BathKind.FERMIONIC, 0.5, 0.02, 0, 0.2),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 0.02)));
    }

    @Test
    @Tag("slow")
    void aMachinesDetectedCountsConvergeToTheThinnedAndDarkReference() {
        Machine m = machine();
        ZMatrixRMaj rho0 = new ZMatrixRMaj(m.dimension(), m.dimension());
        rho0.set(0, 0, 1, 0);
        Detection detection = new Detection(Map.of("cold", new Detector(ETA, 0), "lead", new Detector(ETA, THETA)));
        Detection withoutDark = new Detection(Map.of("cold", new Detector(ETA, 0), "lead", new Detector(ETA, 0)));
        Detection perfect = new Detection(Map.of("cold", Detector.PERFECT, "lead", Detector.PERFECT));
        MachineCounting counting = new MachineCounting(new MachineExact(m));
        DetectedReference ref = DetectedReference.machine(counting, detection, rho0, GRID, false);
        DetectedReference thin = DetectedReference.machine(counting, withoutDark, rho0, GRID, false);
        DetectedReference truth = DetectedReference.machine(counting, perfect, rho0, GRID, false);
        int last = GRID.points() - 1;
        for (int d = 0; d < 2; d++) {
            assertEquals(truth.baths().get(d), ref.baths().get(d));
            for (int k = 1; k < GRID.points(); k++) {
                double mu = truth.mean(d, k);
                assertEquals(ETA * mu, ref.mean(d, k), 1e-9 * Math.abs(mu), ref.baths().get(d) + " t_" + k);
                double dark = ref.detectors().get(d).darkRate() * GRID.time(k);
                assertEquals(thin.variance(d, k) + dark, ref.variance(d, k), 1e-9 * ref.variance(d, k),
                        ref.baths().get(d) + " dark variance at t_" + k);
            }
        }
        int cold = ref.baths().indexOf("cold");
        double n = truth.mean(cold, last);
        double v = ETA * ETA * truth.variance(cold, last) + ETA * (1 - ETA) * n;
        assertEquals(v, ref.variance(cold, last), 1e-9 * v, "cold: one-way thinning variance");
        assertTrue(n > 1, "the cold bath takes quanta: " + n);

        List<Quantity> q = List.of(DetectedCounts.of(m, m.channels(), detection, GRID));
        EnsembleResult r = EnsembleRunner.run(() -> new MachineTrajectories(m.hamiltonian(), m.channels(), rho0, GRID),
                q, GRID, EnsembleSettings.count(1000, 21, 2));
        for (int d = 0; d < 2; d++) {
            String b = ref.baths().get(d);
            RareEvents.Flagged mean = r.estimate(DetectedCounts.count(b), last);
            RareEvents.Flagged var = r.estimate(DetectedCounts.variance(b), last);
            assertEquals(ref.mean(d, last), mean.mean(), 5 * mean.se(), b + " mean " + mean);
            assertEquals(ref.variance(d, last), var.mean(), 5 * var.se(), b + " variance " + var);
        }
        DetectedVerdict verdict = DetectedVerdict.of(r, ref);
        assertTrue(verdict.tests() > 0 && verdict.converged(), verdict.toString());
        assertFalse(DetectedVerdict.of(r, truth).converged(), "against a perfect detector");
    }
}
