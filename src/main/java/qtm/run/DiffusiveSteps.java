package qtm.run;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.DiffusiveTrajectories;
import qtm.engine.EngineKind;
import qtm.input.InputException;
import qtm.model.Jump;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;
import qtm.scenario.Diffusive;
import qtm.scenario.Scenario;

/**
 * The diffusive engine's step (issue 29) as a run takes it from a scenario: defaulted, shortened with a notice so that
 * whole steps fill each grid interval (as {@link CollisionSteps} shortens the collision model's), and refused where it
 * does not resolve the dynamics or makes too many steps.
 *
 * <p>The rate a step must resolve is the largest of every watched channel's Tr(L†L) = γ‖A‖²_F (an upper bound of
 * its fastest decay ‖L†L‖) and every channel's |ω|: the Kraus step holds the local oscillator's e^{iωt} at its value at
 * the step's midpoint, so within a step the measured operator's phase is off by up to |ω|h/2. With
 * h·max ≤ {@value #BOUND} the state changes by at most a tenth per step and that phase by at most 0.05 rad (a cosine
 * off by 0.1 %). H needs no bound: the engine applies e^{−iHh/2} exactly.
 */
public final class DiffusiveSteps {
    /** Largest step × fastest rate or frequency. */
    public static final double BOUND = 0.1;

    private DiffusiveSteps() {
    }

    /**
     * @param s a scenario whose baths are all bosonic
     * @return the fastest rate or frequency a step must resolve (see the class comment)
     */
    public static double fastest(Scenario s) {
        double max = 0;
        if (s.isMachine()) {
            for (MachineChannel c : s.machine().channels()) {
                max = Math.max(max, Math.max(c.rate() * frobenius2(c.operator()), Math.abs(c.energy())));
            }
        } else {
            for (Jump j : s.model().jumps()) {
                max = Math.max(max, Math.max(j.rate() * frobenius2(j.operator()), Math.abs(j.energy())));
            }
        }
        return max;
    }

    private static double frobenius2(ZMatrixRMaj a) {
        double sum = 0;
        for (double x : a.data) {
            sum += x * x;
        }
        return sum;
    }

    /**
     * @param s the scenario
     * @return the step asked for: {@code diffusive.dt}, or by default the longest step the rate check allows,
     *     {@value #BOUND} ÷ {@link #fastest}
     */
    public static double requested(Scenario s) {
        Diffusive d = s.diffusive();
        return d.hasDt() ? d.dt() : BOUND / fastest(s);
    }

    /**
     * @param s the scenario, with a time grid
     * @param grid the grid the steps must fill
     * @return the step taken: {@link #requested}, shortened to divide each grid interval
     */
    public static double taken(Scenario s, TimeGrid grid) {
        return DiffusiveTrajectories.stepFor(grid, requested(s));
    }

    /**
     * The diffusive engine's step, checked before a run starts.
     *
     * @param s the scenario, with a time grid
     * @return a notice when a step given by {@code diffusive.dt} was shortened to fit the grid; none if the scenario
     *     runs no diffusive engine (the default step is chosen, not asked for, so it is never announced)
     * @throws InputException (exit 2) naming {@code diffusive.dt} for a step above {@value #BOUND} ÷ the fastest
     *     rate, or more than {@link CollisionSteps#MAX} steps per trajectory
     */
    public static List<String> check(Scenario s) {
        List<String> notices = new ArrayList<>();
        if (!s.simulation().engines().contains(EngineKind.DIFFUSIVE.key())) {
            return notices;
        }
        Diffusive d = s.diffusive();
        double requested = requested(s);
        String value = d.hasDt() ? Double.toString(requested) : "(default " + requested + ")";
        double end = s.time().end();
        if (!(end / requested <= CollisionSteps.MAX)) {
            throw new InputException(s.file(), "diffusive.dt", value, "expected a step >= " + end
                    / CollisionSteps.MAX + ": at most " + CollisionSteps.MAX + " diffusive steps per trajectory "
                    + "(time.end " + end + " / dt = " + end / requested + ")");
        }
        double taken = taken(s, s.time());
        double fastest = fastest(s);
        if (taken * fastest > BOUND * (1 + 1e-12)) {
            throw new InputException(s.file(), "diffusive.dt", value, "expected a step <= " + BOUND / fastest
                    + ": dt x the fastest channel rate or frequency (" + fastest + ") must be at most " + BOUND
                    + " to resolve the rates and the local oscillator's phase within a step");
        }
        if (d.hasDt() && taken < requested * (1 - 1e-9)) {
            int steps = (int) Math.round(s.time().step() / taken);
            notices.add("qtm: " + InputException.escape(s.file()) + ": diffusive.dt = " + requested
                    + " shortened to " + taken + " so that " + steps + " whole steps fill each grid interval of "
                    + s.time().step());
        }
        return notices;
    }
}
