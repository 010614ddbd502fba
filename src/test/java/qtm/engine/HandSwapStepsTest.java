package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.bench.Bench;
import qtm.ensemble.Streams;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The hand-written partial-swap step of the collision benchmark must be the engine's step: from the same random
 * numbers, the same jumps at the same times and the same states on the grid, to the bit. Otherwise the per-step cost
 * it is compared with would be that of other work.
 */
class HandSwapStepsTest {
    private static final TimeGrid GRID = new TimeGrid(2000, 41);

    @ParameterizedTest
    @ValueSource(strings = {"flux", "dqd"})
    void sameJumpsAndStatesAsTheEngine(String name) {
        Model model = Bench.Machine.of(name).model();
        CollisionEngine engine = new CollisionEngine(model, TwoQubits.basisState("00"), GRID, 1.0);
        HandSwapSteps hand = new HandSwapSteps(model, GRID, 1.0);
        int jumps = 0;
        for (long i = 0; i < 20; i++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            engine.run(Streams.forTrajectory(3, i), new TrajectoryObserver() {
                @Override
                public void begin() {
                }

                @Override
                public void state(int k, double[] re, double[] im) {
                    add(a, k, re, im);
                }

                @Override
                public void jump(int channel, int bath, double energy, double time) {
                    a.add(-1.0 - channel);
                    a.add(time);
                }

                @Override
                public void end() {
                }
            });
            hand.run(Streams.forTrajectory(3, i), new HandSwapSteps.Sink() {
                @Override
                public void state(int k, double[] re, double[] im) {
                    add(b, k, re, im);
                }

                @Override
                public void jump(int channel, double time) {
                    b.add(-1.0 - channel);
                    b.add(time);
                }
            });
            assertArrayEquals(a.stream().mapToDouble(Double::doubleValue).toArray(),
                    b.stream().mapToDouble(Double::doubleValue).toArray(), name + " trajectory " + i);
            jumps += (a.size() - 9 * GRID.points()) / 2;
        }
        assertTrue(jumps > 20, name + ": only " + jumps + " jumps in 20 trajectories, too few to compare");
    }

    private static void add(List<Double> into, int k, double[] re, double[] im) {
        into.add((double) k);
        for (int m = 0; m < 4; m++) {
            into.add(re[m]);
            into.add(im[m]);
        }
    }
}
