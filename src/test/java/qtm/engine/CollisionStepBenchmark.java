package qtm.engine;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import qtm.bench.Bench;
import qtm.ensemble.Streams;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The partial-swap collision step (flux, double dot at Δt = 1): the engine's against {@link HandSwapSteps}, the same
 * arithmetic written by hand. Scores are per step (a trajectory is 5,000 steps and 201 grid points); states and
 * jumps go to a Blackhole, so no accumulation is included.
 *
 * <p>How to run (about 2 minutes):
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main qtm.engine.CollisionStepBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CollisionStepBenchmark {
    private static final int STEPS = 5000;

    @Param({"flux", "dqd"})
    public String model;

    private CollisionEngine engine;
    private HandSwapSteps hand;
    private UniformRandomProvider rng;
    private TrajectoryObserver observer;
    private HandSwapSteps.Sink sink;

    @Setup
    public void setup(Blackhole bh) {
        Model m = Bench.Machine.of(model).model();
        TimeGrid grid = Bench.grid();
        engine = new CollisionEngine(m, TwoQubits.basisState("00"), grid, 1.0);
        hand = new HandSwapSteps(m, grid, 1.0);
        if (hand.steps() != STEPS) {
            throw new IllegalStateException("expected " + STEPS + " steps, got " + hand.steps());
        }
        rng = Streams.forTrajectory(1, 0);
        observer = new EngineBenchmark.Sink(bh);
        sink = new HandSwapSteps.Sink() {
            @Override
            public void state(int k, double[] re, double[] im) {
                bh.consume(re[0] + im[3]);
            }

            @Override
            public void jump(int channel, double time) {
                bh.consume(time);
            }
        };
    }

    /** The engine's step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void engine() {
        engine.run(rng, observer);
    }

    /** The hand-written step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void hand() {
        hand.run(rng, sink);
    }
}
