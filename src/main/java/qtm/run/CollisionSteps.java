package qtm.run;

import java.util.ArrayList;
import java.util.List;
import qtm.engine.EngineKind;
import qtm.input.InputException;
import qtm.model.Collision;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;

/**
 * The collision model's step as every command takes it from a scenario: refused where it cannot be run, and
 * shortened, with a notice, where whole steps must fill each grid interval; {@code run} and {@code fcs} share it so
 * that both refuse and shorten alike.
 */
public final class CollisionSteps {
    /**
     * Most collision steps in one trajectory (time.end / dt): a trajectory costs about 30 ns per step and the exact
     * collision map one 16×16 product per step, so this keeps both to seconds.
     */
    public static final long MAX = 1_000_000;

    private CollisionSteps() {
    }

    /**
     * @param s the scenario
     * @param grid the grid the steps must fill
     * @param dt the step asked for
     * @param counted what the step count is counted over, for the refusal: " per trajectory", or "" for one
     *     stationary map
     * @return the step, possibly shortened
     * @throws InputException (exit 2) for more than {@link #MAX} steps or a step that does not fit the grid
     */
    public static Collision of(Scenario s, TimeGrid grid, double dt, String counted) {
        requireFewSteps(s, dt, counted);
        try {
            return Collision.of(s.model(), grid, dt);
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), e.getMessage());
        }
    }

    /**
     * As {@link #of}, for a machine's scenario ({@code model.type: machine}).
     *
     * @param s a machine's scenario
     * @param grid the grid the steps must fill
     * @param dt the step asked for
     * @param counted what the step count is counted over, for the refusal
     * @return the step, possibly shortened
     * @throws InputException (exit 2) for more than {@link #MAX} steps, a step that does not fit the grid, a swap
     *     angle θ·‖A_ω‖ above π/2 or a reset probability rate·Δt above 1 (the message gives the longest step allowed)
     */
    public static MachineCollision ofMachine(Scenario s, TimeGrid grid, double dt, String counted) {
        requireFewSteps(s, dt, counted);
        try {
            return MachineCollision.of(s.machine(), grid, dt);
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), e.getMessage());
        }
    }

    /** Before the step is built: its step count per grid interval is an int and would saturate. */
    private static void requireFewSteps(Scenario s, double dt, String counted) {
        if (s.time() != null && !(s.time().end() / dt <= MAX)) {
            throw new InputException(s.file(), "collision.dt", Double.toString(dt), "expected a step >= "
                    + s.time().end() / MAX + ": at most " + MAX + " collision steps" + counted + " (time.end "
                    + s.time().end() + " / dt = " + s.time().end() / dt + ")");
        }
    }

    /**
     * @param s the scenario
     * @param grid the grid the steps must fill
     * @param dt the step asked for, already checked
     * @return the step taken: dt, or shorter so that whole steps fill each grid interval
     */
    static double taken(Scenario s, TimeGrid grid, double dt) {
        return s.isMachine() ? MachineCollision.of(s.machine(), grid, dt).dt() : Collision.of(s.model(), grid, dt).dt();
    }

    /**
     * @param s the scenario
     * @param dt the step asked for
     * @param c the step taken
     * @return the line that says a step was shortened, or null if it was not: not an error, but the collision
     *     model's O(dt) bias depends on the step, so the user is told which one is used
     */
    public static String notice(Scenario s, double dt, Collision c) {
        return notice(s, dt, c.shortened(), c.dt(), c.stepsPerPoint());
    }

    /**
     * @param s a machine's scenario
     * @param dt the step asked for
     * @param c the step taken
     * @return as {@link #notice(Scenario, double, Collision)}
     */
    public static String notice(Scenario s, double dt, MachineCollision c) {
        return notice(s, dt, c.shortened(), c.dt(), c.stepsPerPoint());
    }

    private static String notice(Scenario s, double dt, boolean shortened, double taken, int steps) {
        if (!shortened) {
            return null;
        }
        return "qtm: " + InputException.escape(s.file()) + ": collision.dt = " + dt + " shortened to " + taken
                + " so that " + steps + " whole steps fill each grid interval of " + s.time().step();
    }

    /**
     * Every step of a scenario's Δt study, checked before a run starts.
     *
     * @param s the scenario, with a time grid
     * @return a notice for each step shortened to fit the grid, the collision model's and then the diffusive
     *     engine's ({@link DiffusiveSteps#check}): every command that checks the collision step checks both
     * @throws InputException (exit 2) for a step that cannot be run
     */
    public static List<String> check(Scenario s) {
        List<String> notices = new ArrayList<>();
        if (!s.simulation().engines().contains(EngineKind.COLLISION.key())) {
            notices.addAll(DiffusiveSteps.check(s));
            return notices;
        }
        for (double dt : s.simulation().dts()) {
            String notice = s.isMachine() ? notice(s, dt, ofMachine(s, s.time(), dt, " per trajectory"))
                    : notice(s, dt, of(s, s.time(), dt, " per trajectory"));
            if (notice != null) {
                notices.add(notice);
            }
        }
        notices.addAll(DiffusiveSteps.check(s));
        return notices;
    }
}
