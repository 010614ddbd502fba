package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo sweep's progress estimate (issue 26): the current ensemble's estimate plus the points after it,
 * never more than the time the point's budget has left plus the remaining points times the budget.
 */
class SweepEtaTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void withoutABudgetTheLaterPointsTakeTheMeanOrTheCurrentPointsProjection() {
        // Nothing done yet: each later point is projected to take this one's elapsed 5 s + 10 s left.
        assertEquals(10 + 2 * 15, SweepEta.remaining(10, 5, INF, 2, Double.NaN), 1e-12);
        assertEquals(10 + 2 * 8, SweepEta.remaining(10, 5, INF, 2, 8), 1e-12);
        assertEquals(10, SweepEta.remaining(10, 5, INF, 0, 8), 1e-12, "the last point: its own estimate");
        assertTrue(Double.isNaN(SweepEta.remaining(Double.NaN, 5, INF, 2, 8)), "no rate and no budget: unknown");
    }

    @Test
    void theBudgetBoundsTheCurrentPointAndEveryLaterOne() {
        // 100 s by the rate, but the budget of 20 s has 15 s left; a later point takes at most 20 s.
        assertEquals(15 + 2 * 20, SweepEta.remaining(100, 5, 20, 2, Double.NaN), 1e-12);
        assertEquals(3 + 3 * 20, SweepEta.remaining(3, 5, 20, 3, 50), 1e-12, "the mean of 50 s capped at 20 s");
        assertEquals(3 + 3 * 12, SweepEta.remaining(3, 5, 20, 3, 12), 1e-12, "a mean below the budget is kept");
        assertEquals(15 + 20, SweepEta.remaining(Double.NaN, 5, 20, 1, Double.NaN), 1e-12,
                "no rate yet: the budget left, and the budget for the next");
        assertEquals(2 * 20, SweepEta.remaining(7, 25, 20, 2, 30), 1e-12, "past its budget: the point stops now");
    }

    @Test
    void neverMoreThanTheBudgetAllows() {
        Random r = new Random(26);
        for (int k = 0; k < 10_000; k++) {
            double budget = 0.1 + 100 * r.nextDouble();
            double elapsed = 150 * r.nextDouble();
            int after = r.nextInt(50);
            double ensemble = r.nextBoolean() ? Double.NaN : 1e4 * r.nextDouble();
            double mean = r.nextBoolean() ? Double.NaN : 1e3 * r.nextDouble();
            double eta = SweepEta.remaining(ensemble, elapsed, budget, after, mean);
            double bound = Math.max(0, budget - elapsed) + after * budget;
            assertTrue(eta >= 0 && eta <= bound * (1 + 1e-15), eta + " > " + bound);
        }
    }

    @Test
    void theClockTakesTheMeanOfThePointsDone() {
        SweepEta eta = new SweepEta(4);
        eta.pointStarted(0, 20, 0);
        eta.pointFinished(8_000_000_000L);
        eta.pointStarted(1, 20, 10_000_000_000L);
        // 2 s into the second of 4 points, 4 s left by the rate; two more points at the mean of 8 s.
        assertEquals(4 + 2 * 8, eta.remaining(4, 12_000_000_000L), 1e-9);
        // Its engines (and budget) started at 11 s, after its exact layer; at 28.5 s they have 2.5 s of 20 left.
        eta.ensembleStarted(true, 11_000_000_000L);
        eta.ensembleStarted(false, 20_000_000_000L);
        assertEquals(2.5 + 2 * 8, eta.remaining(100, 28_500_000_000L), 1e-9);
    }

    @Test
    void theBarShowsThePointItsTrajectoriesAndTheSweepsEstimate() {
        ProgressBar bar = new ProgressBar(System.err, false, "point 2/3 trajectories",
                x -> SweepEta.remaining(x, 5, 20, 1, Double.NaN));
        String line = bar.line(500, 2000, 2.0);
        assertTrue(line.startsWith("point 2/3 trajectories") && line.contains("500/2000"), line);
        // 6 s by the rate (1500 left at 250/s), then one more point projected at 5 + 6 = 11 s.
        assertTrue(line.contains("ETA 17s"), line);
        ProgressBar slow = new ProgressBar(System.err, false, "point 1/3 trajectories",
                x -> SweepEta.remaining(x, 1, 20, 2, Double.NaN));
        // 1 traj/s: 1999 s by the rate; the budget leaves 19 s, then 20 s for each of two more points.
        assertTrue(slow.line(1, 2000, 1.0).contains("ETA 59s"), slow.line(1, 2000, 1.0));
    }
}
