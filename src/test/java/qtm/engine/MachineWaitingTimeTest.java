package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.ensemble.Streams;
import qtm.model.Machine;
import qtm.model.TimeGrid;

/**
 * The general engine's first jump time has survival function ‖e^{−iH_eff t}ψ₀‖², with e^{−iH_eff t} from a dense
 * matrix exponential ({@link ExactMachine}): at five times where the exact survival is 0.9, 0.7, 0.5, 0.3 and 0.1,
 * the fraction of trajectories without a jump yet is within 4 SE (its own binomial SE) of it. Five times per machine,
 * so a family of five at k = 4 (about 3e-4 false alarms under the normal approximation; the seeds are fixed).
 * The flux-optimum machine runs at its exceptional point, where H_eff is defective.
 */
class MachineWaitingTimeTest {
    private static final int SAMPLES = 20_000;
    private static final double[] LEVELS = {0.9, 0.7, 0.5, 0.3, 0.1};

    static Stream<Arguments> machines() {
        return Stream.of(
                Arguments.of("flux at its exceptional point", TestMachines.fluxAtExceptionalPoint(),
                        new double[] {0, 0.8, 0.6, 0}, new double[] {0, 0, 0, 0}),
                Arguments.of("three-qubit chain", TestMachines.testChain(),
                        new double[] {0, 0.6, 0, 0, 0.48, 0, 0, 0}, new double[] {0, 0, 0.64, 0, 0, 0, 0, 0}),
                Arguments.of("qutrit", TestMachines.qutrit(),
                        new double[] {0, 0.6, 0, 0.8, 0, 0}, new double[] {0, 0, 0, 0, 0, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void firstJumpTimeFollowsTheExactSurvival(String name, Machine machine, double[] re, double[] im) {
        ExactMachine exact = new ExactMachine(machine.hamiltonian(), machine.channels());
        double[] times = new double[LEVELS.length];
        double hi = 1;
        while (exact.survival(re, im, hi) > LEVELS[LEVELS.length - 1]) {
            hi *= 2;
        }
        for (int i = 0; i < LEVELS.length; i++) {
            times[i] = quantile(exact, re, im, LEVELS[i], hi);
        }
        // A grid whose step is not a multiple of the quantiles, so the crossings fall inside steps and after jumps.
        TimeGrid grid = new TimeGrid(hi, 23);
        MachineTrajectories engine = new MachineTrajectories(machine.hamiltonian(), machine.channels(),
                TestMachines.pure(re, im), grid);
        WaitingTimeTest.FirstJump first = new WaitingTimeTest.FirstJump();
        long[] survived = new long[LEVELS.length];
        for (int n = 0; n < SAMPLES; n++) {
            first.time = Double.POSITIVE_INFINITY;
            engine.run(Streams.forTrajectory(17, n), first);
            for (int i = 0; i < LEVELS.length; i++) {
                if (first.time > times[i]) {
                    survived[i]++;
                }
            }
        }
        for (int i = 0; i < LEVELS.length; i++) {
            double p = (double) survived[i] / SAMPLES;
            double se = Math.sqrt(p * (1 - p) / SAMPLES);
            double s = exact.survival(re, im, times[i]);
            assertTrue(Math.abs(p - s) <= 4 * se, name + ": at t = " + times[i] + " survival " + p + " ± " + se
                    + ", exact " + s);
        }
    }

    private static double quantile(ExactMachine exact, double[] re, double[] im, double level, double hi) {
        double lo = 0;
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            if (exact.survival(re, im, mid) > level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
