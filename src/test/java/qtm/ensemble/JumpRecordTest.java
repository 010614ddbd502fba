package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qtm.engine.EngineKind;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.Quantities;

/**
 * Issue 11.5: the jump records the runner hands to its sink are those of the kept trajectories below K, in index and
 * time order, the same on any thread count, and they agree with the ensemble's own jump counts (the JumpCounts
 * quantity, a separate observer of the same events).
 */
class JumpRecordTest {
    private static final TimeGrid GRID = new TimeGrid(2000, 41);
    private static final ZMatrixRMaj RHO0 = TwoQubits.basisState("00");

    /** One row per jump, as the sink saw it. */
    record Row(long index, double time, int channel, Side side, double energy) {
    }

    /** Collects what the runner hands over, checking that blocks come in increasing index order. */
    static final class Collect implements JumpSink {
        final long limit;
        final List<Row> rows = new ArrayList<>();

        Collect(long limit) {
            this.limit = limit;
        }

        @Override
        public long limit() {
            return limit;
        }

        @Override
        public void accept(JumpBuffer b) {
            for (int i = 0; i < b.size(); i++) {
                rows.add(new Row(b.index(i), b.time(i), b.channel(i), b.side(i), b.energy(i)));
            }
        }
    }

    private static EnsembleResult run(EngineKind kind, Model m, EnsembleSettings s, Collect sink) {
        return EnsembleRunner.run(() -> kind.create(m, RHO0, GRID, 1.0), Quantities.standard(m, RHO0, GRID), GRID, s,
                done -> { }, () -> false, sink);
    }

    @ParameterizedTest
    // The diffusive engine watches the flux model's bosonic baths only: DiffusiveTrajectoriesTest, issue 29.
    @EnumSource(value = EngineKind.class, mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE,
            names = "DIFFUSIVE")
    void recordsDoNotDependOnTheThreadCountAndAreOrdered(EngineKind kind) {
        Collect one = new Collect(150);
        Collect two = new Collect(150);
        run(kind, Fixtures.RESET, EnsembleSettings.count(300, 7, 1), one);
        run(kind, Fixtures.RESET, EnsembleSettings.count(300, 7, 2), two);
        assertEquals(one.rows, two.rows);
        assertTrue(one.rows.size() > 1000, "reset-paper makes dozens of jumps per trajectory: " + one.rows.size());
        for (int i = 0; i < one.rows.size(); i++) {
            Row r = one.rows.get(i);
            assertTrue(r.index() >= 0 && r.index() < 150, "index " + r.index());
            assertTrue(r.time() > 0 && r.time() <= GRID.end(), "time " + r.time());
            assertEquals(Fixtures.RESET.jumps().get(r.channel()).side(), r.side());
            assertEquals(Fixtures.RESET.jumps().get(r.channel()).energy(), r.energy());
            if (i > 0) {
                Row p = one.rows.get(i - 1);
                assertTrue(p.index() < r.index() || p.index() == r.index() && p.time() <= r.time(),
                        "row " + i + " out of order: " + p + " then " + r);
            }
        }
    }

    /**
     * With K above the trajectory count every trajectory is recorded, and the rows of each bath number exactly
     * N · Σ_k (mean jumps into that bath in bin k), the sum the JumpCounts quantity keeps.
     */
    @ParameterizedTest
    // The diffusive engine watches the flux model's bosonic baths only: DiffusiveTrajectoriesTest, issue 29.
    @EnumSource(value = EngineKind.class, mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE,
            names = "DIFFUSIVE")
    void totalsAgreeWithTheEnsembleJumpCounts(EngineKind kind) {
        for (Model m : new Model[] {Fixtures.RESET, Fixtures.DQD}) {
            Collect all = new Collect(1_000_000);
            EnsembleResult r = run(kind, m, EnsembleSettings.count(200, 11, 2), all);
            for (Side side : Side.values()) {
                double sum = 0;
                for (int k = 1; k < GRID.points(); k++) {
                    sum += r.jumps(k, side).mean() * r.trajectories();
                }
                long rows = all.rows.stream().filter(x -> x.side() == side).count();
                assertEquals(Math.round(sum), rows, m + " " + side);
                assertEquals(sum, rows, 1e-6 * Math.max(1, rows), "the counts are whole numbers");
            }
        }
    }

    /** Trajectory by trajectory: an ensemble of the one index i counts the jumps its records hold for i. */
    @Test
    void eachTrajectoryAgreesWithItsOwnJumpCounts() {
        Collect all = new Collect(40);
        run(EngineKind.TRAJECTORIES, Fixtures.DQD, EnsembleSettings.count(40, 3, 2), all);
        for (long i : new long[] {0, 1, 17, 31, 32, 39}) {
            EnsembleResult one = run(EngineKind.TRAJECTORIES, Fixtures.DQD,
                    new EnsembleSettings(i, i + 1, 3, 0, Double.POSITIVE_INFINITY, 1), null);
            for (Side side : Side.values()) {
                long counted = 0;
                for (int k = 1; k < GRID.points(); k++) {
                    counted += Math.round(one.jumps(k, side).mean());
                }
                long index = i;
                long recorded = all.rows.stream().filter(x -> x.index() == index && x.side() == side).count();
                assertEquals(counted, recorded, "trajectory " + i + " " + side);
            }
        }
    }

    /** A stop keeps a prefix of whole blocks: the records are exactly an uninterrupted run's rows below its end. */
    @Test
    void aStoppedRunRecordsOnlyItsKeptPrefix() {
        Collect cut = new Collect(1_000_000);
        long[] seen = new long[1];
        EnsembleResult r = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(Fixtures.RESET, RHO0, GRID, 1.0),
                Quantities.standard(Fixtures.RESET, RHO0, GRID), GRID, EnsembleSettings.count(10_000_000, 5, 2),
                done -> seen[0] = done, () -> seen[0] > 0, cut);
        assertEquals(StopReason.INTERRUPTED, r.stopReason());
        long end = r.ranges().get(0)[1];
        assertTrue(end > 0 && end < 10_000_000 && end % EnsembleRunner.BLOCK == 0, "kept " + end);
        assertEquals(end, r.trajectories());
        Collect full = new Collect(1_000_000);
        run(EngineKind.TRAJECTORIES, Fixtures.RESET, EnsembleSettings.count(end, 5, 1), full);
        assertEquals(full.rows, cut.rows);
        assertEquals(end - 1, cut.rows.get(cut.rows.size() - 1).index(), "reset-paper's trajectories all jump");
    }

    /** The tee passes every event on: a run with records has the same sums as one without. */
    @Test
    void recordingDoesNotChangeTheResult() {
        EnsembleResult a = run(EngineKind.TRAJECTORIES, Fixtures.RESET, EnsembleSettings.count(64, 9, 2), null);
        EnsembleResult b = run(EngineKind.TRAJECTORIES, Fixtures.RESET, EnsembleSettings.count(64, 9, 2),
                new Collect(64));
        int last = GRID.points() - 1;
        assertEquals(Double.doubleToRawLongBits(a.concurrence(last).mean()),
                Double.doubleToRawLongBits(b.concurrence(last).mean()), "recording does not change the result");
    }
}
