package qtm.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.ZMatrixRMaj;
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
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.observe.Quantities;
import qtm.observe.Quantity;

/**
 * The pair behind {@code qtm bench --baseline}: an ensemble of 1,024 trajectories on one thread with every standard
 * quantity, by the jump engine and by the hand-written {@link Baseline} that keeps the same sums. The ratio of the two
 * scores is how far the engine's composable layers are from the plain loop.
 *
 * <p>How to run (about 3 minutes):
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main qtm.bench.BaselineBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class BaselineBenchmark {
    private static final long TRAJECTORIES = 1024;

    @Param({"reset", "flux"})
    public String model;

    @Param({"engine", "baseline"})
    public String loop;

    private Model machine;
    private TimeGrid grid;
    private ZMatrixRMaj rho0;
    private List<Quantity> quantities;
    private long seed;

    @Setup
    public void setup() {
        machine = Bench.Machine.of(model).model();
        grid = Bench.grid();
        rho0 = Bench.initial();
        quantities = Quantities.standard(machine, rho0, grid);
    }

    /** One ensemble; a new seed each time, so that no two operations repeat the same trajectories. */
    @Benchmark
    public EnsembleResult ensemble() {
        EnsembleSettings s = EnsembleSettings.count(TRAJECTORIES, seed++, 1);
        return loop.equals("baseline") ? Bench.baseline(machine, rho0, grid, s)
                : EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(machine, rho0, grid, 1.0), quantities,
                        grid, s);
    }
}
