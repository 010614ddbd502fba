package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qtm.engine.EngineKind;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.Quantities;

/**
 * Issue 9: the run of trajectory indices [0, N) is the same data, byte for byte in its saved file and bit for bit
 * in every estimate, as the merge of runs over any partition of [0, N) into index ranges, merged in any order.
 */
class MergeTest {
    private static final long N = 1000;
    private static final TimeGrid GRID = new TimeGrid(800, 9);
    private static final ZMatrixRMaj RHO0 = TwoQubits.basisState("01");
    private static final SavedEnsemble.Identity ID = new SavedEnsemble.Identity("test", "e", "s", 5);

    private static EnsembleResult run(EngineKind kind, Model model, long from, long to, int threads) {
        return EnsembleRunner.run(() -> kind.create(model, RHO0, GRID, 1.0), Quantities.standard(model, RHO0, GRID), GRID,
                new EnsembleSettings(from, to, 5, 0, Double.POSITIVE_INFINITY, threads));
    }

    private static byte[] bytes(EnsembleResult r, Path dir) throws IOException {
        Path f = Files.createTempFile(dir, "e", ".qtme");
        SavedEnsemble.write(f, ID, r);
        return Files.readAllBytes(f);
    }

    /** Partitions of [0, N): 1 part, 2, 3 uneven, 8 at random cuts. */
    static List<long[]> partition(int parts, Random random) {
        List<Long> cuts = new ArrayList<>(List.of(0L, N));
        if (parts == 3) {
            cuts.addAll(List.of(37L, 500L));
        } else {
            while (cuts.size() < parts + 1) {
                long c = 1 + random.nextInt((int) N - 1);
                if (!cuts.contains(c)) {
                    cuts.add(c);
                }
            }
        }
        Collections.sort(cuts);
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            ranges.add(new long[] {cuts.get(i), cuts.get(i + 1)});
        }
        return ranges;
    }

    @ParameterizedTest
    // The diffusive engine watches the flux model's bosonic baths only: DiffusiveTrajectoriesTest, issue 29.
    @EnumSource(value = EngineKind.class, mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE,
            names = "DIFFUSIVE")
    void anyPartitionMergedInAnyOrderIsTheSameData(EngineKind kind, @TempDir Path dir) throws IOException {
        Model model = kind == EngineKind.TRAJECTORIES ? Fixtures.DQD : Fixtures.RESET;
        EnsembleResult whole = run(kind, model, 0, N, 2);
        byte[] expected = bytes(whole, dir);
        Random random = new Random(11);
        for (int parts : new int[] {1, 2, 3, 8}) {
            List<long[]> ranges = partition(parts, random);
            List<EnsembleResult> pieces = new ArrayList<>();
            for (long[] r : ranges) {
                pieces.add(run(kind, model, r[0], r[1], 1 + random.nextInt(3)));
            }
            Collections.shuffle(pieces, random);
            EnsembleResult merged = pieces.get(0);
            for (int i = 1; i < pieces.size(); i++) {
                merged = merged.merge(pieces.get(i));
            }
            assertEquals(List.of("[0, " + N + ")"), merged.ranges().stream()
                    .map(r -> "[" + r[0] + ", " + r[1] + ")").toList(), "coalesced ranges");
            assertArrayEquals(expected, bytes(merged, dir), parts + " parts: the saved bytes");
            for (int k = 0; k < GRID.points(); k++) {
                for (String c : whole.columns()) {
                    assertEquals(whole.estimate(c, k), merged.estimate(c, k), parts + " parts, " + c + " at " + k);
                }
            }
        }
    }

    @Test
    void mergeIsAssociativeAndRefusesOverlaps(@TempDir Path dir) throws IOException {
        EnsembleResult a = run(EngineKind.TRAJECTORIES, Fixtures.FLUX, 0, 100, 1);
        EnsembleResult b = run(EngineKind.TRAJECTORIES, Fixtures.FLUX, 100, 333, 1);
        EnsembleResult c = run(EngineKind.TRAJECTORIES, Fixtures.FLUX, 333, 400, 1);
        assertArrayEquals(bytes(a.merge(b).merge(c), dir), bytes(a.merge(b.merge(c)), dir));
        assertArrayEquals(bytes(a.merge(b), dir), bytes(b.merge(a), dir));
        EnsembleResult overlap = run(EngineKind.TRAJECTORIES, Fixtures.FLUX, 50, 150, 1);
        assertThrows(IllegalArgumentException.class, () -> a.merge(overlap));
    }

    @Test
    void aSavedEnsembleReadsBackAsTheSameData(@TempDir Path dir) throws Exception {
        EnsembleResult r = run(EngineKind.COLLISION, Fixtures.DQD, 0, 300, 2);
        Path f = dir.resolve("e.qtme");
        SavedEnsemble.write(f, ID, r);
        SavedEnsemble.Loaded back = SavedEnsemble.read(f, Quantities.standard(Fixtures.DQD, RHO0, GRID), GRID);
        assertEquals(ID, back.identity());
        assertArrayEquals(Files.readAllBytes(f), bytes(back.result(), dir));
        // another grid or another machine's quantities is another identity
        TimeGrid other = new TimeGrid(800, 10);
        assertThrows(SavedEnsemble.Mismatch.class, () -> SavedEnsemble.read(f, Quantities.standard(Fixtures.DQD, RHO0,
                other), other));
        assertThrows(SavedEnsemble.Mismatch.class, () -> SavedEnsemble.read(f, Quantities.standard(Fixtures.RESET, RHO0,
                GRID), GRID));
        Files.write(f, new byte[] {1, 2, 3});
        assertThrows(SavedEnsemble.Mismatch.class, () -> SavedEnsemble.read(f, Quantities.standard(Fixtures.DQD, RHO0,
                GRID), GRID));
        assertTrue(SavedEnsemble.mismatch(ID, new SavedEnsemble.Identity("test", "e", "s", 6)).contains("seed"));
        assertTrue(SavedEnsemble.mismatch(ID, new SavedEnsemble.Identity("0.0.9", "e", "s", 5)).contains("qtm"));
        assertEquals(null, SavedEnsemble.mismatch(ID, ID));
    }

    /** A stop keeps a prefix: the result of a time budget equals a plain run of the n it reached. */
    @Test
    void aStoppedRunIsThePrefixItReached(@TempDir Path dir) throws IOException {
        EnsembleResult stopped = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(Fixtures.RESET, RHO0, GRID,
                0), Quantities.standard(Fixtures.RESET, RHO0, GRID), GRID,
                new EnsembleSettings(0, Long.MAX_VALUE / 4, 5, 0, 0.3, 2));
        assertEquals(StopReason.TIME_BUDGET, stopped.stopReason());
        long n = stopped.trajectories();
        assertTrue(n > 0);
        assertEquals(n, stopped.ranges().get(0)[1]);
        assertArrayEquals(bytes(run(EngineKind.TRAJECTORIES, Fixtures.RESET, 0, n, 1), dir), bytes(stopped, dir));
    }

    /** A failure in one worker ends the run with that failure, even while another waits for its block. */
    @Test
    void aFailingRecorderEndsTheRunInsteadOfHangingIt() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        qtm.observe.Quantity failing = new qtm.observe.StateQuantity() {
            public String name() {
                return "failing";
            }

            public List<String> slots() {
                return List.of("x");
            }

            public double quantum(int slot) {
                return 1;
            }

            public boolean batched() {
                return false;
            }

            public List<qtm.observe.Column> columns() {
                return List.of();
            }

            public qtm.observe.StateRecorder recorder() {
                return new qtm.observe.StateRecorder() {
                    public void begin() {
                    }

                    public void state(int k, double[] re, double[] im, double[] out, int offset) {
                        if (calls.incrementAndGet() == 5000) {
                            throw new IllegalStateException("recorder failed");
                        }
                    }

                    public void jump(int channel, int bath, double energy, double time) {
                    }
                };
            }
        };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> assertThrows(IllegalStateException.class,
                        () -> EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(Fixtures.RESET, RHO0, GRID, 0),
                                List.of(failing), GRID, EnsembleSettings.count(1_000_000, 1, 2))));
        assertEquals("recorder failed", e.getMessage());
    }
}
