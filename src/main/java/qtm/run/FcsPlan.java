package qtm.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.exact.CollisionCounting;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.DetectedCounting;
import qtm.exact.DetectedFluctuations;
import qtm.exact.Fluctuations;
import qtm.exact.MachineFluctuations;
import qtm.input.InputException;
import qtm.model.Approach;
import qtm.model.Collision;
import qtm.model.Detection;
import qtm.model.MachineCollision;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;

/**
 * The exact full counting statistics of a scenario, by the master equation's tilted Liouvillian or, at the scenario's
 * step, the collision model's tilted one-step map: checked as {@code qtm run} checks the same scenario, so that the
 * command line only parses and prints, and the library can have the same numbers.
 */
public final class FcsPlan {
    /** The columns of a preset's {@link #series()}: the mean and variance of N_k(t) and Q_k(t) for both baths. */
    public static final List<String> SERIES_COLUMNS = List.of("t", "count_cold", "count_cold_var", "heat_cold",
            "heat_cold_var", "count_hot", "count_hot_var", "heat_hot", "heat_hot_var");

    private final Scenario scenario;
    private final TimeGrid grid;
    private final Collision step;
    /** A machine's collision step, or null. */
    private final MachineCollision machineStep;
    /** The machine's statistics, for {@code model.type: machine} without --collision; null otherwise. */
    private final MachineFcs machine;
    /** The machine's collision model's statistics, for {@code model.type: machine} with --collision; else null. */
    private final MachineCollisionFcs machineCollision;

    private FcsPlan(Scenario scenario, TimeGrid grid, Collision step, MachineCollision machineStep) {
        this.scenario = scenario;
        this.grid = grid;
        this.step = step;
        this.machine = scenario.isMachine() && machineStep == null ? new MachineFcs(scenario) : null;
        this.machineCollision = machineStep == null ? null : new MachineCollisionFcs(scenario, machineStep, grid);
        this.machineStep = machineStep;
    }

    /**
     * @param s the scenario, read with an optional time section
     * @param collision the collision model's statistics rather than the master equation's
     * @return the plan
     * @throws InputException (exit 2) for a collision step that {@code qtm run} would refuse, the global approach
     *     with {@code collision}, or a machine without a unique steady state
     */
    public static FcsPlan of(Scenario s, boolean collision) {
        // Without a time section the step is used as given: the grid only shortens it.
        TimeGrid grid = s.time() != null ? s.time() : new TimeGrid(s.simulation().dt(), 2);
        if (s.isMachine()) {
            return new FcsPlan(s, grid, null, collision ? machineStep(s, grid) : null);
        }
        if (!collision) {
            return new FcsPlan(s, grid, null, null);
        }
        if (s.model().approach() == Approach.GLOBAL) {
            throw new InputException(s.file(), "model.approach", "global", "--collision needs local: "
                    + Approach.COLLISION_REFUSAL.replace("use engines: [trajectories]", "drop --collision"));
        }
        return new FcsPlan(s, grid, CollisionSteps.of(s, grid, s.simulation().dt(), ""), null);
    }

    /** A machine's collision step, refused as {@link CollisionSteps#of} refuses a preset's. */
    private static MachineCollision machineStep(Scenario s, TimeGrid grid) {
        double dt = s.simulation().dt();
        if (s.machine().approach() == Approach.GLOBAL) {
            throw new InputException(s.file(), "model.approach", "global", "--collision needs local: "
                    + Approach.COLLISION_REFUSAL.replace("use engines: [trajectories]", "drop --collision"));
        }
        if (s.time() != null && !(s.time().end() / dt <= CollisionSteps.MAX)) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), "expected a step >= "
                    + s.time().end() / CollisionSteps.MAX + ": at most " + CollisionSteps.MAX + " collision steps "
                    + "(time.end " + s.time().end() + " / dt = " + s.time().end() / dt + ")");
        }
        try {
            return MachineCollision.of(s.machine(), grid, dt);
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), e.getMessage());
        }
    }

    /** @return a preset's collision step, or null for the master equation or a machine */
    public Collision step() {
        return step;
    }

    /** @return the collision step in use, or null for the master equation */
    public Double dt() {
        return step != null ? Double.valueOf(step.dt()) : machineStep != null ? Double.valueOf(machineStep.dt()) : null;
    }

    /**
     * @return the columns of {@link #series()}: t, then count_, count_ _var, heat_, heat_ _var of every bath; with the
     *     scenario's {@code detection} then detected_count_, detected_count_ _var of every bath (issue 28)
     */
    public List<String> seriesColumns() {
        List<String> out = new ArrayList<>(scenario.isMachine() ? MachineFcs.seriesColumns(scenario.machine())
                : SERIES_COLUMNS);
        if (scenario.detection() != null) {
            out.addAll(MachineFcs.detectedColumns(scenario.isMachine() ? scenario.machine().bathNames()
                    : List.of(Side.COLD.key(), Side.HOT.key())));
        }
        return out;
    }

    /** @return the line that says the collision step was shortened to fit the grid, or null */
    public String notice() {
        if (machineStep != null && machineStep.shortened()) {
            return "qtm: " + InputException.escape(scenario.file()) + ": collision.dt = " + machineStep.requestedDt()
                    + " shortened to " + machineStep.dt() + " so that " + machineStep.stepsPerPoint() + " whole steps "
                    + "fill each grid interval of " + scenario.time().step();
        }
        return step == null ? null : CollisionSteps.notice(scenario, scenario.simulation().dt(), step);
    }

    /**
     * @return one row per point of the scenario's grid, from its initial state, laid out as {@link #seriesColumns()}
     * @throws InputException (exit 2) if the scenario has no time grid, or has detection with the collision model
     */
    public List<double[]> series() {
        Scenario s = scenario;
        if (s.time() == null) {
            throw new InputException(s.file(), "time", "(absent)", "--series needs the scenario's time grid");
        }
        refuseDetectedCollision();
        if (machine != null) {
            return machine.series(s.time());
        }
        if (machineCollision != null) {
            return machineCollision.series();
        }
        Detection detection = s.detection();
        double[][][] x = new double[detection == null ? 4 : 6][][];
        if (step != null) {
            x = CollisionCounting.onGrid(s.model(), s.initial(), s.time(), s.simulation().dt());
        } else {
            int c = 0;
            for (Side side : Side.values()) {
                for (Weight w : Weight.values()) {
                    x[c++] = new CountingStatistics(s.model(), side, w).onGrid(s.initial(), s.time());
                }
            }
            for (Side side : detection == null ? new Side[0] : Side.values()) {
                x[c++] = detectedCount(side).onGrid(s.initial(), s.time());
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < s.time().points(); k++) {
            double[] row = new double[1 + 2 * x.length];
            row[0] = s.time().time(k);
            for (int q = 0; q < x.length; q++) {
                row[1 + 2 * q] = x[q][k][0];
                row[2 + 2 * q] = x[q][k][1];
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * @param countsAt the times asked for, or null for the final time of the grid (none without a grid)
     * @return the times at which to give the count distributions
     * @throws InputException (exit 2) for a time outside the grid, a time without a grid, or a time that is not a
     *     whole number of collision steps
     */
    public List<Double> times(List<Double> countsAt) {
        Scenario s = scenario;
        List<Double> times = countsAt;
        if (times == null) {
            times = s.time() == null ? List.of() : List.of(s.time().end());
        }
        if (s.time() == null && !times.isEmpty()) {
            throw new InputException("command line", "--counts-at", times.get(0).toString(), "needs the scenario's "
                    + "time grid (its initial state and time.end); " + s.file() + " has no time section");
        }
        double end = s.time() == null ? 0 : s.time().end();
        for (double t : times) {
            if (!(t >= 0) || t > end) {
                throw new InputException("command line", "--counts-at", Double.toString(t), "expected times in "
                        + "[0, time.end = " + end + "] of the scenario");
            }
            if (dt() != null && stepsAt(t, dt()) < 0) {
                throw new InputException("command line", "--counts-at", Double.toString(t), "expected a multiple "
                        + "of the collision step dt = " + dt() + " (collision.dt of " + s.file() + ")");
            }
        }
        return times;
    }

    /**
     * @param times checked by {@link #times}
     * @return the stationary cumulants and the count distributions at those times
     * @throws InputException (exit 2) where the statistics cannot be resolved in double precision, or on a machine
     *     where the distributions would cost more than the bound of {@code qtm fcs}
     */
    public FcsOutcome outcome(List<Double> times) {
        if (machine != null) {
            return machine.outcome(times);
        }
        if (machineCollision != null) {
            return machineCollision.outcome(times);
        }
        Map<String, List<Distribution>> counts = new LinkedHashMap<>();
        Map<String, List<Distribution>> detected = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            counts.put(side.key(), distributions(side, times, false));
        }
        if (scenario.detection() != null) {
            refuseDetectedCollision();
            for (Side side : Side.values()) {
                detected.put(side.key(), distributions(side, times, true));
            }
        }
        Fluctuations f = fluctuations();
        for (Side side : Side.values()) {
            Fluctuations.Bath b = f.bath(side);
            if (Double.isNaN(b.quanta().noise()) || Double.isNaN(b.heat().noise()) || Double.isNaN(b.quanta().third())
                    || Double.isNaN(b.heat().third()) || Double.isNaN(b.quanta().current())
                    || Double.isNaN(b.heat().current())) {
                throw new InputException(scenario.file(), "model.g", Double.toString(scenario.model().g()), "too "
                        + "weak against the bath rates for the current noise to be resolved in double precision (it "
                        + "is a difference of terms of the size of the gross jump rate, and would be less than 1e-7 "
                        + "of them); use a larger g");
            }
        }
        return new FcsOutcome(MachineFluctuations.of(f), step == null ? null : step.dt(), times, counts, detected);
    }

    /**
     * The stationary statistics of the detected counts (issue 28) of every bath, those the scenario's
     * {@code detection} does not list seen by a perfect detector.
     *
     * @return them, or null when the scenario has no {@code detection}
     * @throws InputException (exit 2) with the collision model, whose detected statistics are not computed
     */
    public DetectedFluctuations detected() {
        Detection detection = scenario.detection();
        if (detection == null) {
            return null;
        }
        refuseDetectedCollision();
        return machine != null ? machine.detected(detection) : DetectedCounting.fluctuations(scenario.model(),
                detection);
    }

    /** @throws InputException (exit 2) for detection with the collision model: its detected statistics are not built */
    private void refuseDetectedCollision() {
        if (scenario.detection() != null && dt() != null) {
            throw new InputException("command line (scenario " + scenario.file() + ")", "--collision", "true",
                    "the detected statistics of detection are the master equation's; drop --collision (or the "
                    + "scenario's detection)");
        }
    }

    /** @return the statistics of the count the scenario's detector of the bath sees */
    private CountingStatistics detectedCount(Side side) {
        return DetectedCounting.of(scenario.model(), side, Weight.QUANTA, scenario.detection().of(side.key()));
    }

    /** P(N = n, t) of the bath's true count, or of its detected one (the master equation's only). */
    private List<Distribution> distributions(Side side, List<Double> times, boolean detected) {
        Scenario s = scenario;
        CountingStatistics cs = step != null ? null : detected ? detectedCount(side)
                : new CountingStatistics(s.model(), side, Weight.QUANTA);
        CollisionCounting cc = step == null ? null
                : new CollisionCounting(s.model(), grid, s.simulation().dt(), side, Weight.QUANTA);
        List<Distribution> ds = new ArrayList<>();
        for (double t : times) {
            try {
                ds.add(step != null ? cc.distribution(s.initial(), stepsAt(t, step.dt()))
                        : cs.distribution(s.initial(), t));
            } catch (IllegalArgumentException e) {
                throw new InputException("command line", "--counts-at", Double.toString(t), e.getMessage());
            }
        }
        return ds;
    }

    private Fluctuations fluctuations() {
        if (step == null) {
            return Fluctuations.of(scenario.model());
        }
        try {
            return CollisionCounting.fluctuations(scenario.model(), grid, scenario.simulation().dt());
        } catch (IllegalArgumentException e) {
            throw new InputException(scenario.file(), "model", scenario.model().toString(), e.getMessage());
        }
    }

    /** @return the whole number of steps of length dt that make t, or −1 if t is not such a multiple */
    private static long stepsAt(double t, double dt) {
        long n = Math.round(t / dt);
        return Math.abs(n * dt - t) <= 1e-9 * Math.max(t, dt) ? n : -1;
    }
}
