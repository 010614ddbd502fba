package qtm.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.model.Machine;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;
import qtm.stats.Verdict;
import qtm.observe.WaitingHistogram;
import qtm.verify.MachineBookkeeping;
import qtm.verify.CountingReference;
import qtm.verify.CountingVerdict;
import qtm.verify.DetectedReference;
import qtm.verify.DetectedVerdict;
import qtm.verify.Verdicts;
import qtm.verify.WaitingVerdict;

/**
 * {@code qtm run} on a machine of issue 24, as computation only: the exact transient and steady state of
 * {@link MachineExact}, each engine's ensemble ({@link EnsembleRuns}, so that extending works as for the presets)
 * and its verdict over every coordinate of ρ̄(t) against its own exact reference ({@link MachineReference}): the jump
 * engine against that transient, the collision engine (issue 25) against its exact discrete map. The heat by counting
 * in the last bin is judged against the reference's exact heat averaged over the same bin, and the jump engine's
 * waiting-time histograms of every ordered pair of baths (of channels with {@code observe.waiting: channels})
 * against their exact law ({@link WaitingVerdict}); the
 * collision engine's are not judged, as for the presets (no exact discrete-time law). The counts N_k(t), Q_k(t) and
 * the final-count histograms of every bath are judged against each engine's exact counting statistics
 * ({@link MachineCountingReference}), where they are recorded and affordable; with {@code observe.collision_work},
 * the collision engine's heat, switching work and entropy production of every bath against its map's bookkeeping
 * ({@link MachineBookkeeping}).
 */
public final class MachineRun {
    /**
     * Sub-intervals of the last bin for the exact bin-averaged heat (Simpson's rule on a smooth ρ(t)): its error falls
     * as the fourth power of the sub-interval, and 64 left 1.4e-10 of the heat on a chain whose populations swing at
     * the exchange frequency; 256 leave about 256 times less.
     */
    private static final int BIN_STEPS = 256;

    private MachineRun() {
    }

    /**
     * One engine's result on a machine.
     *
     * @param name engine name
     * @param summary its summary (final estimates, ρ̄ and SEs; curves per site and bipartition only)
     * @param verdict ρ̄(t) against its exact reference
     * @param reference what it is judged against: its exact ρ(t), and the exact heat into each bath averaged over the
     *     last bin
     * @param waiting the waiting-time histograms against their exact law, or null
     * @param waitingAbsence why there is no waiting-time comparison (when waiting is null)
     * @param countingReference the exact counting statistics its counts are judged against, or null
     * @param counting N_k(t), Q_k(t) and the final-count histograms against it, or null
     * @param countingAbsence why there is no counting verdict (when counting is null)
     * @param bookkeeping the collision engine's heat, work and Σ against its exact map ({@link MachineBookkeeping}),
     *     null for the jump engine, without {@code observe.collision_work} or with fewer than two trajectories
     * @param detected the detected counts against their exact statistics (issue 28; null without detectors, or for
     *     the collision engine)
     * @param homodyne the diffusive engine's homodyne current and spectrum against exact (issue 29; null for the
     *     other engines, on a shard, or with fewer than two trajectories)
     */
    public record Engine(String name, EnsembleSummary summary, Verdict verdict, MachineReference reference,
            WaitingVerdict.Result waiting, String waitingAbsence, CountingReference countingReference,
            CountingVerdict counting, String countingAbsence, MachineBookkeeping.Result bookkeeping,
            DetectedVerdict detected, qtm.verify.HomodyneVerdict homodyne) {
        /** @return the reference's exact heat into each bath averaged over the last bin, by bath name */
        public Map<String, Double> binHeat() {
            return reference.binHeat();
        }

        /**
         * @return whether ρ̄(t) passes its verdict, the counts theirs, every judged waiting-time pair its χ², the
         *     collision bookkeeping its z-tests and the detected counts theirs, as for the presets
         */
        public boolean converged() {
            return verdict.converged() && (counting == null || counting.converged())
                    && (waiting == null || waiting.passed()) && (bookkeeping == null || bookkeeping.converged())
                    && (detected == null || detected.converged()) && (homodyne == null || homodyne.converged());
        }
    }

    /**
     * A machine's run.
     *
     * @param scenario the scenario as run
     * @param machine the machine
     * @param seed the seed
     * @param exact ρ(t) on the grid
     * @param steady ρ∞
     * @param steadyHeat the steady heat into each bath, by bath name
     * @param engines the engines run
     * @param skipped the ensembles a stop came before
     * @param interrupted whether Ctrl-C or SIGTERM stopped it
     * @param finalFidelity the exact ⟨t|ρ(t_end)|t⟩ with {@code observe.target}, or null without one
     */
    public record Outcome(ScenarioAsRun scenario, Machine machine, long seed, List<ZMatrixRMaj> exact,
            ZMatrixRMaj steady, Map<String, Double> steadyHeat, List<Engine> engines, List<Skipped> skipped,
            boolean interrupted, Double finalFidelity) {
        /** Copies the lists. */
        public Outcome {
            exact = List.copyOf(exact);
            engines = List.copyOf(engines);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * @param s a machine's scenario (from {@code ScenarioReader.readForRun})
     * @param settings seed, threads, size, the ensemble it extends
     * @param listener progress and the finished ensembles (its two-qubit calls, steady and finished, are not made)
     * @param stopRequested polled between and inside ensembles
     * @return the outcome
     */
    public static Outcome run(Scenario s, RunOptions settings, RunListener listener, BooleanSupplier stopRequested) {
        Machine machine = s.machine();
        MachineExact exact = new MachineExact(machine);
        List<ZMatrixRMaj> transient_ = exact.evolve(s.initial(), s.time());
        ZMatrixRMaj steady = exact.steadyState();
        MachineReference master = MachineReference.master(transient_, binHeat(exact, transient_, s.time()));
        MachineReference collision = s.simulation().engines().contains(EngineKind.COLLISION.key())
                ? MachineReference.collision(s, transient_) : null;
        // A shard writes no summary: its counts are judged after the merge, which runs this again.
        boolean judged = settings.shard() == null;
        MachineCountingReference masterCounts = judged
                && s.simulation().engines().contains(EngineKind.TRAJECTORIES.key())
                ? MachineCountingReference.master(exact, s.initial(), s.time()) : MachineCountingReference.NONE;
        MachineCountingReference collisionCounts = judged && collision != null
                ? MachineCountingReference.collision(collision.collision(), s.initial(), s.time())
                : MachineCountingReference.NONE;
        EnsembleRuns runs = new EnsembleRuns(s, settings, listener, stopRequested);
        List<Engine> engines = new ArrayList<>();
        for (String name : s.simulation().engines()) {
            String label = RunPlan.label(name, Double.NaN);
            EnsembleRuns.Start start = runs.start(label, name);
            if (start == null) {
                continue;
            }
            EngineKind kind = EngineKind.of(name);
            MachineReference ref = kind == EngineKind.COLLISION ? collision : master;
            EnsembleResult r = runs.run(kind, s.simulation().dt(), label, true, start);
            Verdict v = Verdicts.of(r, ref.states());
            WaitingHistogram histogram = r.recorded(WaitingHistogram.class);
            WaitingVerdict.Result waiting = histogram == null || r.trajectories() < 2 || ref.collision() != null
                    ? null : WaitingVerdict.of(r, histogram, s.initial());
            String absence = kind == EngineKind.DIFFUSIVE ? "not recorded: " + WaitingHistogram.NO_JUMPS
                    : histogram == null ? "not recorded: " + WaitingHistogram.absence(machine, s.waitingByChannel())
                    : ref.collision() != null
                    ? "not judged: no exact discrete-time waiting-time distribution for the collision model"
                    : waiting == null ? "not judged: fewer than two trajectories" : null;
            MachineCountingReference counts = kind == EngineKind.COLLISION ? collisionCounts
                    : kind == EngineKind.DIFFUSIVE ? MachineCountingReference.JUMPLESS : masterCounts;
            CountingVerdict counting = counts.reference() == null || r.trajectories() < 2 ? null
                    : CountingVerdict.of(r, counts.reference());
            String countingAbsence = counts.reference() == null ? counts.absence()
                    : counting == null ? "too few trajectories" : null;
            listener.ensemble(label, name, r);
            // After the ensemble is handed on (saved), and as the true counts' reference: not on a shard.
            DetectedVerdict detected = !judged || s.detection() == null || kind != EngineKind.TRAJECTORIES
                    || r.trajectories() < 2 || !r.records(qtm.observe.DetectedCounts.NAME) ? null
                    : DetectedVerdict.of(r, DetectedReference.machine(new MachineCounting(exact), s.detection(),
                            s.initial(), s.time(), r.records(qtm.observe.DetectedHistogram.NAME)), s.initial());
            MachineBookkeeping.Result book = kind == EngineKind.COLLISION
                    ? MachineBookkeeping.of(machine, s.initial(), s.time(), s.simulation().dt(), r) : null;
            qtm.verify.HomodyneVerdict homodyne = judged && kind == EngineKind.DIFFUSIVE
                    ? HomodyneRecords.verdict(s, r) : null;
            engines.add(new Engine(name, EnsembleSummary.ofMachine(name, r), v, ref, waiting, absence,
                    counts.reference(), counting, countingAbsence, book, detected, homodyne));
        }
        return new Outcome(ScenarioAsRun.of(s), machine, settings.seed(), transient_, steady, exact.heat(steady),
                engines, runs.skipped(), stopRequested.getAsBoolean(), s.target() == null ? null
                : qtm.observe.Observables.fidelity(transient_.get(transient_.size() - 1), s.target()));
    }

    /** (1/Δt)∫ Q_k(ρ(t)) dt over the last bin (t_{K−1}, t_K], by Simpson's rule on a fine grid. */
    private static Map<String, Double> binHeat(MachineExact exact, List<ZMatrixRMaj> rho, TimeGrid grid) {
        int last = grid.points() - 1;
        List<ZMatrixRMaj> fine = exact.evolve(rho.get(last - 1), new TimeGrid(grid.step(), BIN_STEPS + 1));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i <= BIN_STEPS; i++) {
            double w = (i == 0 || i == BIN_STEPS ? 1.0 : i % 2 == 1 ? 4.0 : 2.0) / (3.0 * BIN_STEPS);
            for (Map.Entry<String, Double> e : exact.heat(fine.get(i)).entrySet()) {
                out.merge(e.getKey(), w * e.getValue(), Double::sum);
            }
        }
        return out;
    }
}
