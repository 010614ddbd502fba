package qtm.run;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.exact.CollisionMap;
import qtm.exact.Spectrum;
import qtm.exact.SteadyState;
import qtm.exact.Transient;
import qtm.math.HermitianBasis;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.scenario.Scenario;
import qtm.scenario.Simulation;
import qtm.observe.Observables;
import qtm.observe.Snapshot;
import qtm.stats.Estimate;
import qtm.stats.Verdict;
import qtm.verify.CollisionBookkeeping;
import qtm.verify.CountingReference;
import qtm.verify.CountingVerdict;
import qtm.verify.References;
import qtm.verify.Verdicts;
import qtm.verify.WaitingVerdict;

/**
 * One {@code qtm run} as computation only: the exact solution, each engine of the scenario against its exact
 * reference, and for a list of collision steps the Δt study. Writing the results is the report's job.
 */
public final class ScenarioRun {
    private static final HermitianBasis BASIS = new HermitianBasis(4);

    /**
     * @param seed the run's seed
     * @param threads worker threads (results do not depend on it)
     * @param trajectories trajectories per engine, or 0 for the scenario's own
     * @param prior the saved result to extend, by ensemble label ({@link #label}), read when that ensemble starts
     *     (null: none): it covers [0, N), and the run adds the trajectories N … T − 1 and merges
     * @param shard run only this shard's index range of each ensemble, with no stop rule but an interruption
     *     (null: the whole ensemble)
     * @param merged the prior results are the whole data (a merge of shards): run no trajectory, only report them
     */
    public record Settings(long seed, int threads, long trajectories,
            java.util.function.Function<String, EnsembleResult> prior, qtm.ensemble.Shard shard, boolean merged) {

        /**
         * A run that may extend saved results.
         *
         * @param seed the run's seed
         * @param threads worker threads
         * @param trajectories trajectories per engine, or 0 for the scenario's own
         * @param prior saved results by label
         */
        public Settings(long seed, int threads, long trajectories,
                java.util.function.Function<String, EnsembleResult> prior) {
            this(seed, threads, trajectories, prior, null, false);
        }

        /**
         * A fresh run.
         *
         * @param seed the run's seed
         * @param threads worker threads
         * @param trajectories trajectories per engine, or 0 for the scenario's own
         */
        public Settings(long seed, int threads, long trajectories) {
            this(seed, threads, trajectories, label -> null);
        }
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
    public static java.util.LinkedHashMap<String, String> ensembleLabels(Scenario s) {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        Simulation sim = s.simulation();
        for (String engine : sim.engines()) {
            out.put(label(engine, Double.NaN), engine);
        }
        String collision = EngineKind.COLLISION.key();
        if (sim.engines().contains(collision) && sim.dts().size() > 1) {
            for (double dt : sim.dts()) {
                out.put(label(collision, Collision.of(s.model(), s.time(), dt).dt()), collision);
            }
        }
        return out;
    }

    /**
     * @param s the scenario
     * @param engine engine name
     * @return the quantities its ensembles record ({@link qtm.observe.Quantities#of}): what a saved ensemble of
     *     that engine is read back with
     */
    public static List<qtm.observe.Quantity> quantities(Scenario s, String engine) {
        return qtm.observe.Quantities.of(s.model(), s.initial(), s.time(), EngineKind.of(engine));
    }

    /**
     * @param s the scenario
     * @param engine engine name
     * @param settings the run's settings
     * @return how many trajectories that engine runs in total
     */
    public static long trajectoriesFor(Scenario s, String engine, Settings settings) {
        return settings.trajectories() > 0 ? settings.trajectories() : s.simulation().trajectoriesFor(engine);
    }

    /**
     * @param s the scenario
     * @param settings the run's settings
     * @return each ensemble's label ({@link #ensembleLabels}) → the trajectories planned for it, in run order
     */
    public static java.util.LinkedHashMap<String, Long> planned(Scenario s, Settings settings) {
        java.util.LinkedHashMap<String, Long> out = new java.util.LinkedHashMap<>();
        ensembleLabels(s).forEach((label, engine) -> out.put(label, trajectoriesFor(s, engine, settings)));
        return out;
    }

    /** Hears about the run as it goes: progress display, and writing each ensemble as soon as it is done. */
    public interface Listener {
        /**
         * An ensemble is complete; after this call the run keeps only its {@link EnsembleSummary}.
         *
         * @param label its label ({@link #label})
         * @param engine engine name for an engine's main run, null for a Δt-study point
         * @param result the full result
         * @throws java.io.UncheckedIOException if it cannot be written
         */
        void ensemble(String label, String engine, EnsembleResult result);

        /**
         * The exact steady state is known (called only when it is unique), before any engine starts.
         *
         * @param steady the observables of ρ∞
         */
        void steady(Snapshot steady);

        /**
         * An ensemble starts.
         *
         * @param label engine name (and step)
         * @param trajectories planned trajectories
         * @return receives the number of trajectories done so far
         */
        LongConsumer started(String label, long trajectories);

        /**
         * An engine finished.
         *
         * @param outcome its result
         */
        void finished(EngineOutcome outcome);

        /**
         * An engine's main run is about to start its trajectories (not called for a merge, an extension's saved
         * part or a Δt-study point).
         *
         * @param label the ensemble's label
         * @param engine engine name
         * @return where its jump records go, or null (the default) for none
         */
        default qtm.ensemble.JumpSink records(String label, String engine) {
            return null;
        }

        /**
         * An ensemble will not run: the run was stopped, or its time budget spent, before it started.
         *
         * @param skipped which, and why
         */
        default void skipped(Skipped skipped) {
        }
    }

    /**
     * An ensemble that never started because the run stopped first. It is absent from the outcome, except in an
     * extension, where it keeps the trajectories it extends (and so loses none) and adds none.
     *
     * @param label the ensemble's label ({@link #label})
     * @param engine its engine's name
     * @param reason {@link qtm.ensemble.StopReason#INTERRUPTED}: Ctrl-C or SIGTERM came first;
     *     {@link qtm.ensemble.StopReason#TIME_BUDGET}: the time budget was spent
     */
    public record Skipped(String label, String engine, qtm.ensemble.StopReason reason) {
        /** @return why, in words, for the console and the report */
        public String why() {
            return reason == qtm.ensemble.StopReason.INTERRUPTED
                    ? "Ctrl-C or SIGTERM came before it started"
                    : "the time budget (ensemble.time_budget_s) was spent before it started";
        }
    }

    /**
     * One engine's ensemble with the exact solution it must converge to.
     *
     * @param name engine name
     * @param kind engine kind
     * @param result the ensemble
     * @param reference exact states on the grid (master equation, or the collision map)
     * @param verdict the comparison
     * @param collision the collision step used (null for trajectories)
     * @param referenceRows the observables of the reference on the grid
     * @param biasMax for the collision model: max over t and Hermitian coordinates of |ρ_map − ρ_ME| (NaN otherwise)
     * @param biasFinalConcurrence for the collision model: C(ρ_map) − C(ρ_ME) at the final time (NaN otherwise)
     * @param countingReference the exact counting statistics the engine's counts converge to (null: none known)
     * @param counting the counts against it (null: not judged)
     * @param waiting the waiting-time histograms against the exact distributions (trajectories only; null when not
     *     judged, see {@link #waitingAbsence})
     * @param waitingAbsence why there is no waiting-time verdict (null when there is one)
     * @param bookkeeping for the collision model: its heat, work and entropy production against the exact map's
     *     (null for trajectories, or where not recorded, see {@link CollisionBookkeeping#of})
     */
    public record EngineOutcome(String name, EngineKind kind, EnsembleSummary result, List<ZMatrixRMaj> reference,
            Verdict verdict, Collision collision, List<Snapshot> referenceRows, double biasMax,
            double biasFinalConcurrence, CountingReference countingReference, CountingVerdict counting,
            WaitingVerdict.Result waiting, String waitingAbsence, CollisionBookkeeping.Result bookkeeping) {
        /**
         * An outcome without the collision bookkeeping.
         *
         * @param name engine name
         * @param kind engine kind
         * @param result the ensemble
         * @param reference exact states on the grid
         * @param verdict the comparison
         * @param collision the collision step used (null for trajectories)
         * @param referenceRows the observables of the reference on the grid
         * @param biasMax see the canonical constructor
         * @param biasFinalConcurrence see the canonical constructor
         * @param countingReference the exact counting statistics (null: none known)
         * @param counting the counts against it (null: not judged)
         * @param waiting the waiting-time verdict (null: not judged)
         * @param waitingAbsence why there is no waiting-time verdict (null when there is one)
         */
        public EngineOutcome(String name, EngineKind kind, EnsembleSummary result, List<ZMatrixRMaj> reference,
                Verdict verdict, Collision collision, List<Snapshot> referenceRows, double biasMax,
                double biasFinalConcurrence, CountingReference countingReference, CountingVerdict counting,
                WaitingVerdict.Result waiting, String waitingAbsence) {
            this(name, kind, result, reference, verdict, collision, referenceRows, biasMax, biasFinalConcurrence,
                    countingReference, counting, waiting, waitingAbsence, null);
        }

        /**
         * @return the whole verdict: the state's, and the counts', waiting times' and collision bookkeeping's where
         *     they are judged
         */
        public boolean converged() {
            return verdict.converged() && (counting == null || counting.converged())
                    && (waiting == null || waiting.passed()) && (bookkeeping == null || bookkeeping.converged());
        }

        /**
         * @return the verdict in words for a console line: "converged", or "not converged:" and, for each part that
         *     failed, its worst test ("ρ̄ p11 at t = 2050, z = -5.42, p = 0.0002") or the χ² that failed
         */
        public String verdictWords() {
            if (converged()) {
                return "converged";
            }
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (!verdict.converged()) {
                parts.add(verdict.maxZPValue() >= qtm.stats.Convergence.ALPHA
                        ? String.format(java.util.Locale.ROOT, "ρ̄ final χ² p = %.3g", verdict.pValue())
                        : "ρ̄ " + words(verdict.worst()));
            }
            if (counting != null && !counting.converged()) {
                parts.add(counting.maxZPValue() >= qtm.stats.Convergence.ALPHA ? "counts' final histogram"
                        : "counts " + words(counting.worst()));
            }
            if (waiting != null && !waiting.passed()) {
                parts.add("waiting times' χ²");
            }
            if (bookkeeping != null && !bookkeeping.converged()) {
                parts.add("heat, work, Σ " + words(bookkeeping.worst()));
            }
            return "not converged: " + String.join("; ", parts);
        }

        /** @return "p11 at t = 2050, z = -5.42, p = 0.0002" */
        static String words(qtm.stats.ZTests.Worst w) {
            if (w == null) {
                return "(nothing judged)";
            }
            return String.format(java.util.Locale.ROOT, "%s at t = %s, z = %.3g, p = %.2g", w.element(),
                    new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", w.t()))
                            .stripTrailingZeros().toPlainString(), w.z(), w.pValue());
        }
    }

    /**
     * The collision model at one step of a Δt study.
     *
     * @param dt the step
     * @param mapBias max over t and elements of |ρ_map − ρ_ME|
     * @param mapBiasFinal the same at the final time
     * @param engineBiasFinal the engine's estimate at the final time, with the SE of the element that attains it
     * @param trajectories trajectories run
     */
    public record DtPoint(double dt, double mapBias, double mapBiasFinal, Estimate engineBiasFinal,
            long trajectories) {
    }

    /**
     * Everything a run found.
     *
     * @param scenario the scenario
     * @param seed the seed used
     * @param exact exact ρ(t) of the master equation on the grid
     * @param steady ρ∞, or null when it is not unique
     * @param gap the Liouvillian's spectral gap (NaN without a unique steady state)
     * @param engines the engines run, in order
     * @param dtStudy the Δt study (empty unless the scenario lists several collision steps)
     * @param dtSlope fitted log–log slope of the map bias against Δt (NaN without a study)
     * @param interrupted whether a stop was requested
     * @param exactRows the observables of the exact ρ(t) on the grid
     * @param fluctuations the exact stationary counting statistics (null without a unique steady state)
     * @param steadyRow the observables of ρ∞, or null
     * @param counting the master equation's counting statistics from the initial state on the grid
     * @param skipped the ensembles that ran no trajectory of their own, in run order
     */
    public record Outcome(Scenario scenario, long seed, List<ZMatrixRMaj> exact, ZMatrixRMaj steady, double gap,
            List<EngineOutcome> engines, List<DtPoint> dtStudy, double dtSlope, boolean interrupted,
            List<Snapshot> exactRows, Snapshot steadyRow, qtm.exact.Fluctuations fluctuations,
            CountingReference counting, List<Skipped> skipped) {
        /** Copies the list. */
        public Outcome {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * @param model the machine
     * @param grid the grid
     * @param states states on it
     * @return their observables
     */
    public static List<Snapshot> rows(Model model, qtm.model.TimeGrid grid, List<ZMatrixRMaj> states) {
        List<Snapshot> rows = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            rows.add(Snapshot.of(model, grid.time(k), states.get(k)));
        }
        return rows;
    }

    private ScenarioRun() {
    }

    /**
     * Runs the scenario.
     *
     * @param s the scenario
     * @param settings seed, threads, size
     * @param listener progress
     * @param stopRequested polled between rounds; engines not yet started are skipped once it is true
     * @return the outcome
     */
    public static Outcome run(Scenario s, Settings settings, Listener listener, BooleanSupplier stopRequested) {
        Model model = s.model();
        Simulation sim = s.simulation();
        List<ZMatrixRMaj> exact = new Transient(model, s.time()).evolve(s.initial());
        ZMatrixRMaj steady = model.hasUniqueSteadyState() ? SteadyState.of(model) : null;
        double gap = steady == null ? Double.NaN : Spectrum.gap(model);
        Snapshot steadyRow = steady == null ? null : Snapshot.of(model, Double.POSITIVE_INFINITY, steady);
        if (steady != null) {
            listener.steady(steadyRow);
        }
        CountingReference master = CountingReference.master(model, s.initial(), s.time());
        // time_budget_s bounds the engines together: every ensemble gets what is left of it. It starts here, after
        // the exact layer, and the writing comes after it.
        long deadline = System.nanoTime() + (long) Math.min(9e18, sim.timeBudgetSeconds() * 1e9);
        List<EngineOutcome> engines = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String name : sim.engines()) {
            qtm.ensemble.StopReason before = stoppedBefore(settings, stopRequested, deadline);
            if (before != null) {
                skip(skipped, listener, label(name, Double.NaN), name, before);
                if (settings.prior().apply(label(name, Double.NaN)) == null) {
                    continue;
                }
            }
            if (settings.merged() && settings.prior().apply(label(name, Double.NaN)) == null) {
                // A partial merge in which no shard got to this engine: reported as not run.
                continue;
            }
            EngineKind kind = EngineKind.of(name);
            List<ZMatrixRMaj> reference = kind == EngineKind.TRAJECTORIES ? exact
                    : References.of(kind, model, s.initial(), s.time(), sim.dt());
            EnsembleResult r = ensemble(s, kind, sim.dt(), settings, label(name, Double.NaN), listener,
                    stopRequested, deadline, true, before);
            boolean collision = kind == EngineKind.COLLISION;
            double biasMax = Double.NaN;
            double biasC = Double.NaN;
            if (collision) {
                biasMax = 0;
                for (int k = 0; k < reference.size(); k++) {
                    biasMax = Math.max(biasMax, maxDeviation(reference.get(k), exact.get(k), null).mean());
                }
                int last = reference.size() - 1;
                biasC = Observables.concurrence(reference.get(last)) - Observables.concurrence(exact.get(last));
            }
            Verdict verdict = Verdicts.of(r, reference);
            CountingReference countingReference = collision
                    ? CountingReference.collision(model, s.initial(), s.time(), sim.dt()) : master;
            CountingVerdict counting = countingReference == null ? null : CountingVerdict.of(r, countingReference);
            WaitingVerdict.Result waiting = null;
            String waitingAbsence;
            qtm.observe.WaitingHistogram histogram = r.recorded(qtm.observe.WaitingHistogram.class);
            if (collision) {
                waitingAbsence = "not judged: no exact discrete-time waiting-time distribution for the collision model";
            } else if (histogram == null) {
                waitingAbsence = "not recorded: "
                        + qtm.observe.WaitingHistogram.absence(model, s.time());
            } else if (r.trajectories() < 2) {
                waitingAbsence = "not judged: fewer than two trajectories";
            } else {
                waiting = WaitingVerdict.of(r, histogram, model, s.initial());
                waitingAbsence = null;
            }
            CollisionBookkeeping.Result bookkeeping = collision
                    ? CollisionBookkeeping.of(model, s.initial(), s.time(), sim.dt(), r, countingReference) : null;
            EnsembleSummary summary = EnsembleSummary.of(name, r, steady);
            listener.ensemble(label(name, Double.NaN), name, r);
            r = null;
            EngineOutcome o = new EngineOutcome(name, kind, summary, reference, verdict,
                    collision ? Collision.of(model, s.time(), sim.dt()) : null, rows(model, s.time(), reference),
                    biasMax, biasC, countingReference, counting, waiting, waitingAbsence, bookkeeping);
            engines.add(o);
            listener.finished(o);
        }
        List<DtPoint> study = new ArrayList<>();
        double slope = Double.NaN;
        if (sim.engines().contains(EngineKind.COLLISION.key()) && sim.dts().size() > 1) {
            SimpleRegression fit = new SimpleRegression();
            for (double requested : sim.dts()) {
                String point = label(EngineKind.COLLISION.key(), Collision.of(model, s.time(), requested).dt());
                if (settings.merged() && settings.prior().apply(point) == null) {
                    continue;
                }
                qtm.ensemble.StopReason before = stoppedBefore(settings, stopRequested, deadline);
                if (before != null) {
                    skip(skipped, listener, point, EngineKind.COLLISION.key(), before);
                    if (settings.prior().apply(point) == null) {
                        continue;
                    }
                }
                DtPoint p = dtPoint(s, requested, exact, settings, listener, stopRequested, deadline, before);
                study.add(p);
                fit.addData(Math.log(p.dt()), Math.log(p.mapBias()));
            }
            slope = fit.getSlope();
        }
        return new Outcome(s, settings.seed(), exact, steady, gap, engines, study, slope,
                stopRequested.getAsBoolean(), rows(model, s.time(), exact), steadyRow,
                steady == null ? null : qtm.exact.Fluctuations.of(model), master, skipped);
    }

    private static void skip(List<Skipped> skipped, Listener listener, String label, String engine,
            qtm.ensemble.StopReason reason) {
        Skipped x = new Skipped(label, engine, reason);
        skipped.add(x);
        listener.skipped(x);
    }

    /**
     * Why the run stopped before the next ensemble starts, or null. A shard and a merge have no time budget (see
     * {@link #ensemble}).
     */
    private static qtm.ensemble.StopReason stoppedBefore(Settings settings, BooleanSupplier stopRequested,
            long deadline) {
        if (stopRequested.getAsBoolean()) {
            return qtm.ensemble.StopReason.INTERRUPTED;
        }
        boolean budget = !settings.merged() && settings.shard() == null;
        return budget && System.nanoTime() - deadline >= 0 ? qtm.ensemble.StopReason.TIME_BUDGET : null;
    }

    /** @param before why the run stopped before this ensemble started (null: it did not): only an extension gets here */
    private static EnsembleResult ensemble(Scenario s, EngineKind kind, double dt, Settings settings, String label,
            Listener listener, BooleanSupplier stopRequested, long deadline, boolean main,
            qtm.ensemble.StopReason before) {
        Simulation sim = s.simulation();
        long n = trajectoriesFor(s, kind.key(), settings);
        EnsembleResult prior = settings.prior().apply(label);
        long first = prior == null ? 0 : prior.trajectories();
        java.util.List<qtm.observe.Quantity> quantities = quantities(s, kind.key());
        double left = Math.max(Double.MIN_VALUE, (deadline - System.nanoTime()) * 1e-9);
        LongConsumer progress = listener.started(label, settings.shard() == null ? n
                : settings.shard().range(n)[1] - settings.shard().range(n)[0]);
        EnsembleResult r;
        if (settings.merged()) {
            if (prior == null) {
                throw new IllegalStateException("no merged result for " + label);
            }
            r = prior;
        } else if (settings.shard() != null) {
            // Inside a shard only Ctrl-C and SIGTERM stop: a target SE or budget would cut the ensemble at a point
            // that depends on how it was sharded.
            long[] range = settings.shard().range(n);
            EnsembleSettings es = new EnsembleSettings(range[0], range[1], settings.seed(), 0,
                    Double.POSITIVE_INFINITY, settings.threads());
            r = EnsembleRunner.run(() -> kind.create(s.model(), s.initial(), s.time(), dt, sim.sampling()), quantities, s.time(), es,
                    done -> progress.accept(done), stopRequested, main ? listener.records(label, kind.key()) : null);
        } else if (first >= n) {
            r = prior;
        } else if (before != null) {
            // An extension stopped before this ensemble: it keeps the saved trajectories, so that none is lost.
            r = prior.withStop(before, 0);
        } else {
            EnsembleSettings es = new EnsembleSettings(first, n, settings.seed(), sim.targetSe(), left,
                    settings.threads());
            r = EnsembleRunner.run(() -> kind.create(s.model(), s.initial(), s.time(), dt, sim.sampling()), quantities, s.time(), es,
                    done -> progress.accept(first + done), stopRequested,
                    main ? listener.records(label, kind.key()) : null);
            if (prior != null) {
                r = prior.merge(r).withStop(r.stopReason(), r.seconds());
            }
        }
        return r;
    }

    private static DtPoint dtPoint(Scenario s, double requested, List<ZMatrixRMaj> exact, Settings settings,
            Listener listener, BooleanSupplier stopRequested, long deadline, qtm.ensemble.StopReason before) {
        int last = s.time().points() - 1;
        double dt = Collision.of(s.model(), s.time(), requested).dt();
        List<ZMatrixRMaj> map = new CollisionMap(s.model(), s.time(), dt).evolve(s.initial());
        double bias = 0;
        for (int k = 0; k < map.size(); k++) {
            bias = Math.max(bias, maxDeviation(map.get(k), exact.get(k), null).mean());
        }
        EnsembleResult r = ensemble(s, EngineKind.COLLISION, dt, settings, label(EngineKind.COLLISION.key(), dt),
                listener, stopRequested, deadline, false, before);
        Estimate engine = maxDeviation(r.rho(last), exact.get(last), r.rhoStandardErrors(last));
        listener.ensemble(label(EngineKind.COLLISION.key(), dt), null, r);
        return new DtPoint(dt, bias, maxDeviation(map.get(last), exact.get(last), null).mean(), engine,
                r.trajectories());
    }

    /** The largest |a − b| over the Hermitian coordinates, with the SE (if given) of the coordinate attaining it. */
    private static Estimate maxDeviation(ZMatrixRMaj a, ZMatrixRMaj b, double[] se) {
        double[] x = BASIS.coordinates(a, new double[BASIS.size()]);
        double[] y = BASIS.coordinates(b, new double[BASIS.size()]);
        int arg = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) > Math.abs(x[arg] - y[arg])) {
                arg = i;
            }
        }
        return new Estimate(Math.abs(x[arg] - y[arg]), se == null ? 0 : se[arg]);
    }
}
