package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.ensemble.EnsembleResult;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.scenario.Scenario;
import qtm.stats.Convergence;

/**
 * Issue 25: a machine's counting verdict does not cry wolf. Over {@value #RUNS} seeds of {@value #N} trajectories of
 * the mixed-bath machine ({@link MachineCountFixtures#MIX}: bosonic, fermionic and reset baths) with the jump engine,
 * against the exact reference built once: {@code converged: false} no more often than the 99.9 % binomial bound at
 * its level {@link Convergence#ALPHA}, and the histograms' χ² p-values below 0.05 no more often than the 99.9 %
 * binomial bound at 0.05 (their approximation holds where they are pooled to five expected trajectories a bin).
 */
@Tag("slow")
class MachineCountingCalibrationTest {
    private static final int RUNS = 40;
    private static final long N = 300;

    @TempDir
    Path tmp;

    @Test
    void aMachinesCountingVerdictDoesNotCryWolf() throws Exception {
        Scenario s = MachineCountFixtures.scenario(tmp, MachineCountFixtures.MIX);
        CountingReference exact = MachineCountingReferences.master(new MachineCounting(new MachineExact(s.machine())),
                s.initial(), s.time());
        int alarms = 0;
        int histograms = 0;
        int low = 0;
        StringBuilder seeds = new StringBuilder();
        for (int run = 0; run < RUNS; run++) {
            EnsembleResult r = MachineCountFixtures.run(s, false, N, 25_000 + run);
            CountingVerdict v = CountingVerdict.of(r, exact);
            assertNotNull(v);
            if (!v.converged()) {
                alarms++;
                seeds.append(" seed ").append(25_000 + run);
            }
            for (CountingVerdict.Histogram h : v.histograms()) {
                if (h.dof() > 0) {
                    histograms++;
                    low += h.pValue() < 0.05 ? 1 : 0;
                }
            }
        }
        System.out.println("machine count calibration: converged false in " + alarms + " of " + RUNS + seeds
                + "; histogram p < 0.05 in " + low + " of " + histograms);
        int bound = new BinomialDistribution(null, RUNS, Convergence.ALPHA).inverseCumulativeProbability(0.999);
        assertTrue(alarms <= bound, alarms + " false alarms in " + RUNS + " > " + bound + seeds);
        assertTrue(histograms >= 2 * RUNS, "too few histograms judged: " + histograms);
        int lowBound = new BinomialDistribution(null, histograms, 0.05).inverseCumulativeProbability(0.999);
        assertTrue(low <= lowBound, low + " of " + histograms + " histogram p-values below 0.05 > " + lowBound);
    }
}
