package qtm.run;

import java.util.ArrayList;
import java.util.List;
import qtm.engine.DiffusiveTrajectories;
import qtm.engine.EngineKind;
import qtm.engine.OscillatorFrame;
import qtm.input.InputException;
import qtm.model.TimeGrid;
import qtm.scenario.Diffusive;
import qtm.scenario.Scenario;

/**
 * The diffusive engine's step (issue 29) as a run takes it from a scenario: defaulted, shortened with a notice so that
 * whole steps fill each grid interval (as {@link CollisionSteps} shortens the collision model's), and refused where it
 * does not resolve the dynamics or makes too many steps.
 *
 * <p>The rate a step must resolve is the larger of two. The first is the fastest decay the watched channels cause,
 * λ_max(Σ_j L_j†L_j) ({@link DiffusiveTrajectories#fastestRate}): the Kraus step's error grows with it times dt. The
 * second is how fast the channels still turn in their local oscillators' frames ({@link OscillatorFrame}). The Bohr
 * frequencies ω_j themselves need no resolving, although the oscillator's e^{iω_j t} turns within a step: H is
 * applied exactly in two half steps around the Kraus step, which takes c_j at the step's midpoint, so where L_j is an
 * eigenoperator of H (the global channels, uncoupled sites, a density coupling) the oscillator's phase cancels H's
 * rotation of L_j exactly and the step is the interaction picture's with constant operators. Where a coupling makes a
 * local channel depart from that, its parts at other Bohr frequencies ν turn at ν − ω_j (±g between resonant sites,
 * √(Δ² + 4g²) between sites detuned by Δ), which an unresolved step aliases to zero frequency. A step must keep
 * dt × that rate at most {@value #BOUND}; the default step is a tenth of that, {@value #DEFAULT} ÷ the rate, as the
 * collision model's default keeps γΔt near 0.01 so that the O(dt) weak bias stays at the percent level.
 */
public final class DiffusiveSteps {
    /** Largest step × fastest rate. */
    public static final double BOUND = 0.1;
    /** The default step × fastest rate. */
    public static final double DEFAULT = 0.01;

    private DiffusiveSteps() {
    }

    /**
     * @param s a scenario whose baths are all bosonic
     * @return the fastest rate a step must resolve (see the class comment)
     */
    public static double fastest(Scenario s) {
        List<qtm.model.MonitoredChannel> channels = RunPlan.monitoredChannels(s);
        org.ejml.data.ZMatrixRMaj h = s.isMachine() ? s.machine().hamiltonian() : s.model().hamiltonian();
        return Math.max(DiffusiveTrajectories.fastestRate(channels), OscillatorFrame.residualRate(h, channels));
    }

    /**
     * @param s the scenario
     * @return the step asked for: {@code diffusive.dt}, or by default {@value #DEFAULT} ÷ {@link #fastest} (the grid
     *     step when nothing is to be resolved)
     */
    public static double requested(Scenario s) {
        Diffusive d = s.diffusive();
        double fastest = fastest(s);
        // Nothing to resolve (every rate and coupling 0): one step per grid interval.
        return d.hasDt() ? d.dt() : fastest > 0 ? DEFAULT / fastest : s.time().step();
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
                    + ": dt x the fastest rate (" + fastest + ": the largest eigenvalue of the sum of L+L over the "
                    + "watched channels, or how fast a channel turns in its local oscillator's frame) must be at most "
                    + BOUND);
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
