package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.engine.EngineKind;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.Changes;
import qtm.observe.Column;
import qtm.observe.Quantities;
import qtm.observe.JumpQuantity;
import qtm.observe.JumpRecorder;
import qtm.observe.Quantity;
import qtm.observe.StateQuantity;
import qtm.observe.StateRecorder;

/**
 * The counts are recorded from their changes at jumps, not row by row. This checks that doing so gives the same
 * integers: each jump-driven quantity is run a second time behind a wrapper that writes every row from the same
 * reported changes (a level holds until changed, a bin is cleared after its row), and the saved ensembles of the two
 * runs must be the same bytes.
 */
class JumpDrivenTest {
    private static final TimeGrid GRID = new TimeGrid(900, 31);
    private static final ZMatrixRMaj RHO0 = TwoQubits.basisState("01");

    static Stream<Arguments> machines() {
        return Stream.of(Arguments.of("reset", Fixtures.RESET, EngineKind.TRAJECTORIES),
                Arguments.of("reset", Fixtures.RESET, EngineKind.COLLISION),
                Arguments.of("flux", Fixtures.FLUX, EngineKind.TRAJECTORIES),
                Arguments.of("dqd", Fixtures.DQD, EngineKind.TRAJECTORIES),
                Arguments.of("dqd", Fixtures.DQD, EngineKind.COLLISION));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("machines")
    void changesGiveTheSameSumsAsRows(String name, Model model, EngineKind kind, @TempDir Path dir)
            throws IOException {
        List<Quantity> driven = Quantities.standard(model, RHO0, GRID);
        List<Quantity> rows = new ArrayList<>();
        int wrapped = 0;
        for (Quantity q : driven) {
            if (q instanceof JumpQuantity j) {
                rows.add(new RowByRow(j));
                wrapped++;
            } else {
                rows.add(q);
            }
        }
        assertTrue(wrapped >= 3, "heat counts, jump counts and net counts are jump-driven");
        assertArrayEquals(saved(model, kind, rows, dir), saved(model, kind, driven, dir));
    }

    private static byte[] saved(Model model, EngineKind kind, List<Quantity> quantities, Path dir) throws IOException {
        EnsembleResult r = EnsembleRunner.run(() -> kind.create(model, RHO0, GRID, 1.0), quantities, GRID,
                new EnsembleSettings(0, 700, 11, 0, Double.POSITIVE_INFINITY, 2));
        Path f = Files.createTempFile(dir, "e", ".qtme");
        SavedEnsemble.write(f, new SavedEnsemble.Identity("test", "e", "s", 11), r);
        return Files.readAllBytes(f);
    }

    /** The same quantity, written row by row from the changes its recorder reports. */
    private record RowByRow(JumpQuantity inner) implements StateQuantity {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<String> slots() {
            return inner.slots();
        }

        @Override
        public boolean binned() {
            return inner.binned();
        }

        @Override
        public double quantum(int slot) {
            return inner.quantum(slot);
        }

        @Override
        public boolean batched() {
            return inner.batched();
        }

        @Override
        public List<Column> columns() {
            return inner.columns();
        }

        @Override
        public StateRecorder recorder() {
            JumpRecorder r = inner.recorder();
            int n = inner.slots().size();
            double[] levels = new double[n];
            double[] bins = new double[n];
            Changes changes = new Changes() {
                @Override
                public void level(int slot, double value) {
                    levels[slot] = value;
                }

                @Override
                public void bin(int slot, double delta) {
                    bins[slot] += delta;
                }
            };
            return new StateRecorder() {
                @Override
                public void begin() {
                    java.util.Arrays.fill(levels, 0);
                    java.util.Arrays.fill(bins, 0);
                    r.begin();
                }

                @Override
                public void state(int k, double[] re, double[] im, double[] out, int o) {
                    for (int i = 0; i < n; i++) {
                        out[o + i] = levels[i] + bins[i];
                        bins[i] = 0;
                    }
                }

                @Override
                public void jump(int channel, int bath, double energy, double time) {
                    r.jump(channel, bath, energy, time, changes, 0);
                }
            };
        }
    }
}
