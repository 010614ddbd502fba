package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.ensemble.Streams;
import qtm.math.Ops;
import qtm.model.TimeGrid;
import qtm.model.Model;

/**
 * The first jump time of the trajectory engine has survival function ‖e^{−iH_eff t}ψ₀‖², checked by a χ² test on
 * bins of equal exact probability.
 */
class WaitingTimeTest {
    private static final int SAMPLES = 20_000;
    private static final int BINS = 20;

    static List<Model> models() {
        return NoJumpPropagatorTest.models();
    }

    @ParameterizedTest
    @MethodSource("models")
    void firstJumpTimeFollowsTheExactSurvival(Model model) {
        // |01> plus a little |10>: the 2x2 block, where the norm is not a single exponential.
        double[] re = {0, 0.8, 0.6, 0};
        double[] im = {0, 0, 0, 0};
        ZMatrixRMaj rho0 = Ops.of(new double[][] {{0, 0, 0, 0}, {0, 0.64, 0.48, 0}, {0, 0.48, 0.36, 0}, {0, 0, 0, 0}},
                null);
        Survival exact = new Survival(model);
        double end = 4000;
        TimeGrid grid = new TimeGrid(end, 41);
        JumpTrajectories engine = new JumpTrajectories(model, rho0, grid);
        double[] first = new double[SAMPLES];
        FirstJump observer = new FirstJump();
        for (int i = 0; i < SAMPLES; i++) {
            observer.time = Double.POSITIVE_INFINITY;
            engine.run(Streams.forTrajectory(7, i), observer);
            first[i] = observer.time;
        }
        // Bin edges at the exact quantiles S(t) = 1 − b/BINS that fall inside the grid, plus a censored bin.
        List<Double> edges = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        double previousS = 1.0;
        for (int b = 1; b < BINS; b++) {
            double target = 1.0 - (double) b / BINS;
            if (exact.survival(re, im, end) > target) {
                break;
            }
            double lo = 0;
            double hi = end;
            for (int it = 0; it < 80; it++) {
                double mid = 0.5 * (lo + hi);
                if (exact.survival(re, im, mid) > target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            edges.add(hi);
            double s = exact.survival(re, im, hi);
            probabilities.add(previousS - s);
            previousS = s;
        }
        edges.add(end);
        double sEnd = exact.survival(re, im, end);
        probabilities.add(previousS - sEnd);
        probabilities.add(sEnd);
        long[] counts = new long[probabilities.size()];
        for (double t : first) {
            int b = 0;
            while (b < edges.size() && t > edges.get(b)) {
                b++;
            }
            counts[b]++;
        }
        double chi2 = 0;
        int used = 0;
        for (int b = 0; b < counts.length; b++) {
            double expected = SAMPLES * probabilities.get(b);
            if (expected < 5) {
                assertTrue(counts[b] <= 25, "bin " + b + " expected " + expected + " got " + counts[b]);
                continue;
            }
            chi2 += (counts[b] - expected) * (counts[b] - expected) / expected;
            used++;
        }
        double p = 1 - new ChiSquaredDistribution(null, used - 1).cumulativeProbability(chi2);
        assertTrue(used >= 10, "too few bins: " + used);
        assertTrue(p > 1e-3, "chi2 " + chi2 + " on " + (used - 1) + " dof, p = " + p + " for " + model.type());
    }

    /** Keeps the earliest jump time of a trajectory (set time to +∞ before each). */
    static final class FirstJump implements TrajectoryObserver {
        double time;

        @Override
        public void begin() {
        }

        @Override
        public void state(int k, double[] re, double[] im) {
        }

        @Override
        public void jump(int channel, int bath, double energy, double t) {
            if (t < time) {
                time = t;
            }
        }

        @Override
        public void end() {
        }
    }
}
