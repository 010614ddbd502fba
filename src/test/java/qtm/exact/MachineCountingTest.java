package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.CountingStatistics.Window;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.Side;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * A machine's counting statistics ({@link MachineCounting}): the presets' machine forms give the presets' own
 * cumulants, and a machine's count distribution is a distribution with the finite-time mean of its moments.
 */
class MachineCountingTest {
    private static final double TOL = 1e-10;

    @ParameterizedTest
    @ValueSource(strings = {"reset-paper", "reset-cold-entangled", "flux-optimum", "flux-warm-cold",
        "flux-optimum-global", "dqd-U20", "dqd-warm-cold", "equilibrium"})
    void aPresetsMachineFormHasThePresetsCumulants(String name) {
        Model model = ScenarioReader.read(Path.of("scenarios/" + name + ".yaml"), List.of(), false).model();
        MachineCounting counting = new MachineCounting(new MachineExact(MachinePresets.of(model)));
        MachineFluctuations mf = counting.fluctuations();
        Fluctuations pf = Fluctuations.of(model);
        assertEquals(List.of("cold", "hot"), mf.names());
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                Cumulants p = w == Weight.QUANTA ? pf.bath(side).quanta() : pf.bath(side).heat();
                Cumulants m = counting.of(side.ordinal(), w).stationary();
                double scale = Math.max(Math.abs(p.current()), p.noise());
                String what = name + " " + side + " " + w;
                assertTrue(scale > 0, what);
                assertEquals(p.current(), m.current(), TOL * scale, what + " current");
                assertEquals(p.noise(), m.noise(), TOL * scale, what + " noise");
                assertEquals(p.third(), m.third(), TOL * Math.max(scale, Math.abs(p.third())), what + " third");
            }
        }
        double sigma = pf.entropyProduction();
        assertEquals(sigma, mf.entropyProduction(), Double.isFinite(sigma) ? TOL * Math.abs(sigma) : 0, name);
    }

    @Test
    void aMachinesCountDistributionSumsToOneWithTheMomentsMean() {
        Scenario s = ScenarioReader.readAny(Path.of("scenarios/machine-qutrit.yaml"), List.of());
        MachineCounting counting = new MachineCounting(new MachineExact(s.machine()));
        double t = 1500;
        for (int k = 0; k < s.machine().baths().size(); k++) {
            CountingStatistics cs = counting.of(k, Weight.QUANTA);
            Window w = cs.window(s.initial(), t);
            Distribution d = cs.distribution(s.initial(), t, w, true);
            double sum = 0;
            double mean = 0;
            double min = 0;
            for (int i = 0; i < d.p().length; i++) {
                sum += d.p()[i];
                mean += (d.first() + i) * d.p()[i];
                min = Math.min(min, d.p()[i]);
            }
            double[] m = cs.moments(s.initial(), t, 2);
            String bath = s.machine().baths().get(k).name();
            assertEquals(1, sum, 1e-12, bath + ": sum");
            assertEquals(m[0], mean, 1e-10 * Math.max(1, Math.sqrt(m[1])), bath + ": mean");
            assertTrue(min > -1e-14, bath + ": no negative probability beyond rounding, got " + min);
            if (k > 0) {
                continue;
            }
            // The conjugate symmetry p(−χ) = conj p(χ) halves the exponentials and changes nothing.
            Distribution all = cs.distribution(s.initial(), t, w, false);
            for (int i = 0; i < d.p().length; i++) {
                assertEquals(all.p()[i], d.p()[i], 1e-14, bath + ": n = " + (d.first() + i));
            }
        }
    }
}
