package qtm.engine;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import qtm.ensemble.Streams;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * Trajectories per second on one thread of the general jump engine ({@link MachineTrajectories}) against today's
 * two-qubit engine ({@link JumpTrajectories}) on the same presets as {@link EngineBenchmark} (t ∈ [0, 5000], 201
 * points, from |00⟩; the goal is within 2×), and of the general engine alone on the three-qubit chain c–m–h (d = 8)
 * from |000⟩ with 21 points on [0, 2000], its couplings those of the flux optimum ({@link TestMachines#benchChain}),
 * and of the collision engine ({@link MachineCollisionEngine}) on the same chain and grid at Δt = 1
 * ("chain-collision"; issue 25 asks for at least 0.5× "chain-general").
 * States and jumps go to a Blackhole, so no accumulation cost is included.
 *
 * <p>How to run (several runs in one sitting, with medians): {@code bash src/site/scripts/machine-engine-speed.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class MachineEngineBenchmark {
    @Param({"reset-today", "reset-general", "flux-today", "flux-general", "dqd-today", "dqd-general",
        "chain-general", "chain-collision"})
    public String target;

    private Engine today;
    private MachineCollisionEngine collision;
    private MachineTrajectories general;
    private UniformRandomProvider rng;
    private EngineBenchmark.Sink sink;

    @Setup
    public void setup(Blackhole bh) {
        String[] parts = target.split("-");
        rng = Streams.forTrajectory(1, 0);
        sink = new EngineBenchmark.Sink(bh);
        if (target.equals("chain-collision")) {
            collision = new MachineCollisionEngine(TestMachines.benchChain(), Ops.unit(8, 0, 0),
                    new TimeGrid(2000, 21), 1.0);
            return;
        }
        if (parts[0].equals("chain")) {
            Machine m = TestMachines.benchChain();
            general = new MachineTrajectories(m.hamiltonian(), m.channels(), Ops.unit(8, 0, 0),
                    new TimeGrid(2000, 21));
            return;
        }
        Model model = switch (parts[0]) {
            case "reset" -> new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
            case "flux" -> new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5));
            default -> new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2));
        };
        ZMatrixRMaj rho0 = TwoQubits.basisState("00");
        TimeGrid grid = new TimeGrid(5000, 201);
        if (parts[1].equals("today")) {
            today = new JumpTrajectories(model, rho0, grid);
        } else {
            Machine m = MachinePresets.of(model);
            general = new MachineTrajectories(m.hamiltonian(), m.channels(), rho0, grid);
        }
    }

    /** One trajectory. */
    @Benchmark
    public void trajectory() {
        if (collision != null) {
            collision.run(rng, sink);
        } else if (general != null) {
            general.run(rng, sink);
        } else {
            today.run(rng, sink);
        }
    }
}
