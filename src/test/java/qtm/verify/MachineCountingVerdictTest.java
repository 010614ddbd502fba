package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.ensemble.EnsembleResult;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.observe.Estimates;
import qtm.scenario.Scenario;
import qtm.stats.RareEvents;

/**
 * Issue 25: the counting verdict of a machine's run. On a qudit machine, three sites and a mix of bosonic, fermionic
 * and reset baths, the jump engine (against the master equation) and the collision engine at Δt = 1 (against its exact
 * map) converge with a counting verdict; each bath's mean N_k(t_end) lies within 4 SE of the exact mean written in
 * the test from scratch ({@link MachineCountFixtures}), which also agrees with the verdict's reference to 1e-6; a
 * reference with one bath's rate 20 % off fails the same ensemble that passes the right one.
 */
@Tag("slow")
class MachineCountingVerdictTest {
    private static final long N = 400;

    @TempDir
    Path tmp;

    @Test
    void aQuditMachineConvergesWithItsCounts() throws Exception {
        both(MachineCountFixtures.scenario(tmp, MachineCountFixtures.QUTRIT), 31);
    }

    @Test
    void threeSitesConvergeWithTheirCounts() throws Exception {
        both(MachineCountFixtures.scenario(tmp, MachineCountFixtures.CHAIN), 32);
    }

    @Test
    void mixedBathsConvergeWithTheirCounts() throws Exception {
        both(MachineCountFixtures.scenario(tmp, MachineCountFixtures.MIX), 33);
    }

    /** Both engines against their references, and those against the independent means. */
    private static void both(Scenario s, long seed) {
        Machine m = s.machine();
        int last = s.time().points() - 1;
        CountingReference master = MachineCountingReferences.master(new MachineCounting(new MachineExact(m)),
                s.initial(), s.time());
        MachineCollision step = MachineCollision.of(m, s.time(), 1.0);
        CountingReference collision = MachineCountingReferences.collision(step, s.initial(), s.time());
        long steps = (long) last * step.stepsPerPoint();
        int baths = m.baths().size();
        double[][] independent = MachineCountFixtures.masterMeans(m, s.initial(), s.time().end(), 0.01);
        double[] exact = independent[0];
        double[] discrete = new double[baths];
        for (int k = 0; k < baths; k++) {
            assertEquals(exact[k], master.mean(k, false, last), 1e-6 * Math.max(1, Math.abs(exact[k])),
                    m.bathNames().get(k) + " master reference");
            discrete[k] = MachineCountFixtures.collisionMean(m, s.initial(), step, steps, k);
            assertEquals(discrete[k], collision.mean(k, false, last), 1e-9 * Math.max(1, Math.abs(discrete[k])),
                    m.bathNames().get(k) + " collision reference");
        }
        EnsembleResult jumps = MachineCountFixtures.run(s, false, N, seed);
        judge(s, jumps, master, "trajectories", exact);
        // The heat each bath received, Q_k = Σ heat per jump (for a lead above μ, negative per electron in).
        for (int k = 0; k < baths; k++) {
            String bath = m.bathNames().get(k);
            assertEquals(independent[1][k], master.mean(k, true, last), 1e-6 * Math.max(1, Math.abs(independent[1][k])),
                    bath + " master heat reference");
            RareEvents.Flagged q = jumps.estimate(Estimates.energy(bath), last);
            assertTrue(q.se() > 0 && Math.abs(q.mean() - independent[1][k]) <= 4 * q.se(), bath + " heat " + q
                    + " against " + independent[1][k]);
        }
        judge(s, MachineCountFixtures.run(s, true, N, seed), collision, "collision", discrete);
    }

    private static void judge(Scenario s, EnsembleResult r, CountingReference exact, String engine,
            double[] means) {
        Machine m = s.machine();
        int last = s.time().points() - 1;
        CountingVerdict v = CountingVerdict.of(r, exact);
        assertNotNull(v, engine + ": no counting verdict");
        assertTrue(v.tests() > 0, engine + ": nothing judged");
        assertEquals(m.baths().size(), v.histograms().size());
        assertTrue(v.converged(), engine + ": " + v);
        for (int k = 0; k < m.baths().size(); k++) {
            String bath = m.bathNames().get(k);
            assertEquals(bath, v.histograms().get(k).bath());
            RareEvents.Flagged e = r.estimate(Estimates.count(bath), last);
            double mean = means[k];
            assertTrue(e.se() > 0, engine + " " + bath + ": no spread");
            assertTrue(Math.abs(e.mean() - mean) <= 4 * e.se(), engine + " " + bath + ": " + e.mean() + " ± "
                    + e.se() + " against " + mean);
        }
    }

    /**
     * The verdict is not vacuous: the mix's ensemble of 12,000 trajectories passes against its own reference and
     * fails against one whose cold bath's rate is 20 % higher (at 3,000 the shift of ⟨N_cold(60)⟩ was 3.2 SE).
     */
    @Test
    void aReferenceWithOneRateOffIsCaught() throws Exception {
        Scenario s = MachineCountFixtures.scenario(tmp, MachineCountFixtures.MIX);
        Scenario wrong = MachineCountFixtures.scenario(tmp, MachineCountFixtures.MIX, "model.baths[cold].rate=0.048");
        EnsembleResult r = MachineCountFixtures.run(s, false, 12_000, 34);
        CountingVerdict right = CountingVerdict.of(r, MachineCountingReferences.master(
                new MachineCounting(new MachineExact(s.machine())), s.initial(), s.time()));
        CountingVerdict off = CountingVerdict.of(r, MachineCountingReferences.master(
                new MachineCounting(new MachineExact(wrong.machine())), wrong.initial(), wrong.time()));
        assertTrue(right.converged(), right.toString());
        assertFalse(off.converged(), off.toString());
        assertTrue(off.maxZPValue() < right.maxZPValue(), off.maxZPValue() + " against " + right.maxZPValue());
    }
}
