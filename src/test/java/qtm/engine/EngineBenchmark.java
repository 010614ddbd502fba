package qtm.engine;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import qtm.ensemble.Streams;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The engines' hot loops alone: one whole trajectory (t ∈ [0, 5000], 201 grid points, Δt = 1 for the collision model)
 * per operation, states and jumps fed to a Blackhole so that nothing is optimised away and no accumulation cost is
 * included. {@code qtm bench} measures the same trajectory engine with full accumulation.
 *
 * <p>How to run (about 2 minutes):
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main qtm.engine.EngineBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    @Param({"trajectories", "collision"})
    public String engine;

    @Param({"reset", "flux", "dqd"})
    public String model;

    private Engine instance;
    private UniformRandomProvider rng;
    private Sink sink;

    @Setup
    public void setup(Blackhole bh) {
        Model m = switch (model) {
            case "reset" -> new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
            case "flux" -> new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5));
            default -> new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2));
        };
        instance = EngineKind.of(engine).create(m, TwoQubits.basisState("00"), new TimeGrid(5000, 201), 1.0);
        rng = Streams.forTrajectory(1, 0);
        sink = new Sink(bh);
    }

    /** One trajectory. */
    @Benchmark
    public void trajectory() {
        instance.run(rng, sink);
    }

    /** Feeds a Blackhole one number per state and jump, so that nothing is optimised away. */
    static final class Sink implements TrajectoryObserver {
        private final Blackhole bh;

        Sink(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void begin() {
        }

        @Override
        public void state(int k, double[] re, double[] im) {
            bh.consume(re[0] + im[im.length - 1]);
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
            bh.consume(energy);
        }

        @Override
        public void end() {
        }
    }
}
