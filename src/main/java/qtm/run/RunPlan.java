package qtm.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.Engine;
import qtm.engine.DiffusiveTrajectories;
import qtm.engine.EngineKind;
import qtm.engine.MachineCollisionEngine;
import qtm.engine.MachineTrajectories;
import qtm.ensemble.SavedEnsemble;
import qtm.model.MachineChannel;
import qtm.model.MonitoredChannel;
import qtm.observe.DetectedCounts;
import qtm.observe.DetectedWaitingHistogram;
import qtm.observe.Quantities;
import qtm.observe.Quantity;
import qtm.scenario.Scenario;
import qtm.scenario.Simulation;

/** What a run of a scenario makes, before it runs: its ensembles, their labels and sizes, what they record. */
public final class RunPlan {
    private RunPlan() {
    }

    /**
     * @param engine engine name
     * @param dt collision step of a Δt study, or NaN for the engine's main run
     * @return the label of an ensemble: its saved file is ensemble-LABEL.qtme
     */
    public static String label(String engine, double dt) {
        return Double.isNaN(dt) ? engine : engine + "-dt" + dt;
    }

    /**
     * @param s the scenario
     * @return the label of every ensemble a run of it makes, in run order, with the engine that runs it: each
     *     engine's main run, then the collision model at each step of a Δt study
     */
    public static LinkedHashMap<String, String> ensembleLabels(Scenario s) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        Simulation sim = s.simulation();
        for (String engine : sim.engines()) {
            out.put(label(engine, Double.NaN), engine);
        }
        if (hasDtStudy(sim)) {
            String collision = EngineKind.COLLISION.key();
            for (double dt : sim.dts()) {
                out.put(label(collision, CollisionSteps.taken(s, s.time(), dt)), collision);
            }
        }
        return out;
    }

    /**
     * @param sim the scenario's simulation
     * @return whether a run of it makes a Δt study: the collision model with several steps
     */
    static boolean hasDtStudy(Simulation sim) {
        return sim.engines().contains(EngineKind.COLLISION.key()) && sim.dts().size() > 1;
    }

    /**
     * @param s the scenario
     * @param engine engine name
     * @return the quantities its ensembles record ({@link Quantities#of}): what a saved ensemble of that engine is
     *     read back with
     */
    public static List<Quantity> quantities(Scenario s, String engine) {
        if (EngineKind.of(engine) == EngineKind.DIFFUSIVE) {
            // States only (issue 29): the target's fidelity is linear in ρ, detected counts need jumps.
            List<Quantity> out = new java.util.ArrayList<>(s.isMachine() ? Quantities.diffusive(s.machine())
                    : Quantities.diffusive(s.model()));
            if (s.target() != null) {
                out.add(new qtm.observe.Fidelity(s.target()));
            }
            out.addAll(HomodyneRecords.quantities(s));
            return List.copyOf(out);
        }
        List<Quantity> q = s.isMachine() ? machineQuantities(s, engine)
                : Quantities.of(s.model(), s.initial(), s.time(), EngineKind.of(engine));
        List<Quantity> out = new java.util.ArrayList<>(q);
        // Last, so that a run without a target or detectors records exactly what it did before.
        if (s.target() != null) {
            out.add(new qtm.observe.Fidelity(s.target()));
        }
        qtm.model.Detection detection = s.detection();
        // On a preset, only where the true counts are recorded too: their jackknife batches share the memory budget.
        boolean counted = s.isMachine() || s.time().points() <= qtm.observe.NetCounts.MAX_POINTS;
        if (detection != null && EngineKind.of(engine) == EngineKind.TRAJECTORIES && counted) {
            if (s.isMachine()) {
                DetectedCounts counts = DetectedCounts.of(s.machine(), s.machine().channels(), detection, s.time());
                out.add(counts);
                // Where the true counts' histogram is recorded (RunChecks refuses detection where it is not).
                if (qtm.observe.MachineCounts.absence(s.machine(), s.time()) == null) {
                    out.add(qtm.observe.DetectedHistogram.of(s.machine(), counts, detection, s.initial(), s.time()));
                }
                if (waits(q)) {
                    add(out, DetectedWaitingHistogram.of(s.machine(), counts, detection, s.time()));
                }
            } else {
                DetectedCounts counts = DetectedCounts.of(s.model(), detection, s.time());
                out.add(counts);
                out.add(qtm.observe.DetectedHistogram.of(s.model(), counts, detection, s.initial(), s.time()));
                if (waits(q)) {
                    add(out, DetectedWaitingHistogram.of(s.model(), counts, detection, s.time()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether the true jumps' waiting times are recorded: the detected clicks' are recorded where they are. */
    private static boolean waits(List<Quantity> q) {
        return q.stream().anyMatch(x -> x instanceof qtm.observe.WaitingHistogram);
    }

    /** Adds the detected clicks' waiting times unless a detector never clicks in the steady state. */
    private static void add(List<Quantity> out, DetectedWaitingHistogram w) {
        if (w != null) {
            out.add(w);
        }
    }

    /**
     * A machine's quantities, with the heat and switching work of every collision for the collision engine when
     * {@code observe.collision_work} asks for them.
     */
    private static List<Quantity> machineQuantities(Scenario s, String engine) {
        List<Quantity> q = Quantities.machine(s.machine(), s.machine().channels(), s.time(), s.initial(),
                s.waitingByChannel());
        List<Quantity> out = new java.util.ArrayList<>(q);
        if (EngineKind.of(engine) == EngineKind.COLLISION && s.collisionWork()) {
            out.add(new qtm.observe.MachineCollisionWork(s.machine(), s.machine().channels(), s.time()));
        }
        // Beside a diffusive run the jump engine records its conditional negativity too, for the chart that
        // compares the two unravellings (issue 29); without one it records what it did before.
        if (EngineKind.of(engine) == EngineKind.TRAJECTORIES
                && s.simulation().engines().contains(EngineKind.DIFFUSIVE.key())
                && s.machine().siteNames().size() > 1) {
            out.add(new qtm.observe.ConditionalNegativity(qtm.observe.SiteObservables.of(s.machine())));
        }
        return List.copyOf(out);
    }

    /**
     * @param s the scenario
     * @return its channels as the jump records describe them: a machine's in the engine's order
     */
    public static qtm.output.JumpRecords.Channels jumpChannels(Scenario s) {
        return s.isMachine() ? qtm.output.JumpRecords.Channels.of(s.machine().bathNames(), s.machine().channels())
                : qtm.output.JumpRecords.Channels.of(s.model().jumps());
    }

    /** The sums a run may hold for one ensemble, in bytes: the presets' 100,001 points of about 7 kB each. */
    public static final double MEMORY_BUDGET = 7e8;

    /**
     * The memory a running ensemble holds per grid point, whatever its size. Per recorded number: the committed
     * 128-bit totals of its values and squares and the last block's row (48 bytes), and on each worker thread two
     * blocks' sums and squares and the trajectory's own row (48 bytes); a batched number (the d² coordinates of ρ,
     * whose nonlinear functions need the jackknife) also the sums of its 32 batches (256 bytes). On a machine of d
     * states that is about (304 + 48T)·d² bytes on T threads: 6.4 kB at d = 4, 26 kB at d = 8 and 410 kB at d = 32
     * on two threads.
     *
     * @param quantities what the ensemble records
     * @param threads the worker threads
     * @return bytes per grid point
     */
    public static double bytesPerPoint(List<Quantity> quantities, int threads) {
        double bytes = 0;
        for (Quantity q : quantities) {
            if (q instanceof qtm.observe.FinalQuantity) {
                continue;
            }
            bytes += q.slots().size() * (48.0 + 48.0 * threads + (q.batched() ? 256.0 : 0.0));
        }
        return bytes;
    }

    /**
     * @param s a machine's scenario
     * @param threads the worker threads
     * @return the most grid points its run may have: {@link #MEMORY_BUDGET} over {@link #bytesPerPoint}
     */
    public static int maxMachinePoints(Scenario s, int threads) {
        return (int) Math.min(Integer.MAX_VALUE,
                MEMORY_BUDGET / bytesPerPoint(quantities(s, "trajectories"), threads));
    }

    /**
     * @param s the scenario
     * @param kind the engine
     * @param dt its collision step
     * @return makes one engine per worker thread: a machine's is the general jump engine
     *     ({@link MachineTrajectories}) or its collision engine ({@link MachineCollisionEngine}), whose channels
     *     are those {@link #quantities} counts
     */
    static Supplier<Engine> engines(Scenario s, EngineKind kind, double dt) {
        if (kind == EngineKind.DIFFUSIVE) {
            // The diffusive step is its own (diffusive.dt), not the collision model's dt passed here.
            return diffusive(s, DiffusiveSteps.requested(s), phases(s));
        }
        if (s.isMachine() && kind == EngineKind.COLLISION) {
            return () -> new MachineCollisionEngine(s.machine(), s.initial(), s.time(), dt);
        } else if (s.isMachine()) {
            ZMatrixRMaj h = s.machine().hamiltonian();
            List<MachineChannel> channels = s.machine().channels();
            return () -> new MachineTrajectories(h, channels, s.initial(), s.time());
        }
        return () -> kind.create(s.model(), s.initial(), s.time(), dt, s.simulation().sampling());
    }

    /**
     * The diffusive engine's supplier (issue 29): every channel of every bath watched, with each bath's efficiency
     * from the scenario's detection (1 where none is given) and the given phases.
     *
     * @param s the scenario, whose baths are all bosonic (a preset other than reset)
     * @param dt the requested step, shortened to divide the grid step ({@link DiffusiveTrajectories#stepFor})
     * @param phases φ per bath index
     * @return makes one engine per worker thread
     * @throws IllegalArgumentException for a reset or fermionic bath, which the scenario's checks refuse first
     */
    static Supplier<Engine> diffusive(Scenario s, double dt, double[] phases) {
        double step = DiffusiveTrajectories.stepFor(s.time(), dt);
        double[] efficiencies = efficiencies(s);
        if (!s.isMachine()) {
            return () -> DiffusiveTrajectories.of(s.model(), s.initial(), s.time(), step, phases, efficiencies);
        }
        for (qtm.model.MachineBath b : s.machine().baths()) {
            if (b.kind() != qtm.model.BathKind.BOSONIC) {
                throw new IllegalArgumentException("the diffusive engine watches bosonic baths only; " + b.name()
                        + " is " + b.kind().key());
            }
        }
        ZMatrixRMaj h = s.machine().hamiltonian();
        List<MonitoredChannel> channels = MonitoredChannel.ofMachine(s.machine().channels(), phases, efficiencies);
        return () -> new DiffusiveTrajectories(h, channels, s.initial(), s.time(), step);
    }

    /**
     * The channels the diffusive engine watches (issue 29), in its order, each with its bath's phase
     * ({@code diffusive.<bath>.phase}) and efficiency ({@code detection.<bath>.efficiency}): what the homodyne
     * recorders and their exact references read, so that they index the engine's increments alike.
     *
     * @param s a scenario whose baths are all bosonic
     * @return one monitored channel per channel of the engine
     */
    public static List<MonitoredChannel> monitoredChannels(Scenario s) {
        return s.isMachine() ? MonitoredChannel.ofMachine(s.machine().channels(), phases(s), efficiencies(s))
                : MonitoredChannel.ofJumps(s.model().jumps(), phases(s), efficiencies(s));
    }

    /** φ per bath index, from {@code diffusive.<bath>.phase} (0 where not given). */
    static double[] phases(Scenario s) {
        List<String> names = bathNames(s);
        double[] phases = new double[names.size()];
        for (int b = 0; b < phases.length; b++) {
            phases[b] = s.diffusive().phase(names.get(b));
        }
        return phases;
    }

    /** η per bath index, from {@code detection.<bath>.efficiency} (1 where not given). */
    static double[] efficiencies(Scenario s) {
        List<String> names = bathNames(s);
        double[] efficiencies = new double[names.size()];
        for (int b = 0; b < efficiencies.length; b++) {
            efficiencies[b] = s.detection() == null ? 1.0 : s.detection().of(names.get(b)).efficiency();
        }
        return efficiencies;
    }

    /** The baths by index: a machine's, or a preset's cold and hot. */
    private static List<String> bathNames(Scenario s) {
        return s.isMachine() ? s.machine().bathNames() : List.of(qtm.model.Side.COLD.key(), qtm.model.Side.HOT.key());
    }

    /**
     * @param s the scenario
     * @param engine engine name
     * @param settings the run's settings
     * @return how many trajectories that engine runs in total
     */
    public static long trajectoriesFor(Scenario s, String engine, RunOptions settings) {
        return settings.trajectories() > 0 ? settings.trajectories() : s.simulation().trajectoriesFor(engine);
    }

    /**
     * @param s the scenario
     * @param settings the run's settings
     * @return each ensemble's label ({@link #ensembleLabels}) → the trajectories planned for it, in run order
     */
    public static LinkedHashMap<String, Long> planned(Scenario s, RunOptions settings) {
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        ensembleLabels(s).forEach((label, engine) -> out.put(label, trajectoriesFor(s, engine, settings)));
        return out;
    }

    /**
     * @param label an ensemble's label
     * @return the file name of its saved sums
     */
    public static String savedName(String label) {
        return "ensemble-" + label + ".qtme";
    }

    /**
     * @param scenarioAsRun the scenario document with every --set applied
     * @param label an ensemble's label
     * @param seed the run's seed
     * @return the identity its saved ensemble carries: the scenario as run without the keys that say how large
     *     the ensemble is or which engines ran, which merging and extending may change
     */
    public static SavedEnsemble.Identity identity(ObjectNode scenarioAsRun, String label, long seed) {
        ObjectNode doc = scenarioAsRun.deepCopy();
        doc.remove("ensemble");
        doc.remove("engines");
        return new SavedEnsemble.Identity(SavedEnsemble.QTM_VERSION, label, doc.toString(), seed);
    }
}
