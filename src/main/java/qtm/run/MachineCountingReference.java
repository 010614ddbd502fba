package qtm.run;

import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.MachineCollisionCounting;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;
import qtm.observe.MachineCounts;
import qtm.verify.CountingReference;
import qtm.verify.MachineCountingReferences;

/**
 * The exact counting statistics one engine's ensemble on a machine is judged against (issue 25), or why there are
 * none: the jump engine's from the master equation's tilted Liouvillian ({@link MachineCounting}), the collision
 * engine's from its tilted discrete map at the step it takes ({@link MachineCollisionCounting}). Both are bounded by
 * {@link MachineCounting#MAX_WORK}, the bound of {@code qtm fcs}.
 *
 * @param reference the reference, or null
 * @param absence why there is none ("not recorded: …" or "not judged: …"), or null
 */
public record MachineCountingReference(CountingReference reference, String absence) {
    /** Why an engine without jumps (the diffusive engine, issue 29) has no counting verdict. */
    public static final String NO_JUMPS = "not recorded: the diffusive engine counts no jumps";
    /** What an engine without jumps is judged with: nothing. */
    static final MachineCountingReference JUMPLESS = new MachineCountingReference(null, NO_JUMPS);

    /** None: a shard's, which writes no summary. */
    static final MachineCountingReference NONE = new MachineCountingReference(null, "not judged: a shard");

    /** Fourier points of the smallest distribution window, as {@link MachineCounts} counts them. */
    private static final int FOURIER = 65;

    /**
     * @param exact the machine's exact layer
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the master equation's counting reference
     */
    static MachineCountingReference master(MachineExact exact, ZMatrixRMaj rho0, TimeGrid grid) {
        String why = MachineCounts.absence(exact.machine(), grid);
        if (why != null) {
            return new MachineCountingReference(null, "not recorded: " + why);
        }
        try {
            return new MachineCountingReference(MachineCountingReferences.master(new MachineCounting(exact), rho0,
                    grid),
                    null);
        } catch (IllegalArgumentException e) {
            return new MachineCountingReference(null, "not judged: " + e.getMessage());
        }
    }

    /**
     * @param collision the collision step the engine takes
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the exact collision map's counting reference
     */
    static MachineCountingReference collision(MachineCollision collision, ZMatrixRMaj rho0, TimeGrid grid) {
        Machine m = collision.machine();
        String why = MachineCounts.absence(m, grid);
        if (why != null) {
            return new MachineCountingReference(null, "not recorded: " + why);
        }
        long steps = (long) (grid.points() - 1) * collision.stepsPerPoint();
        double n = (double) m.dimension() * m.dimension();
        double per = 2 * MachineCollisionCounting.work(collision)
                + 2 * MachineCollisionCounting.work(collision, collision.stepsPerPoint(), false)
                + 2 * 28 * 2 * n * n * grid.points()
                + MachineCollisionCounting.work(collision, steps, false)
                + FOURIER * MachineCollisionCounting.work(collision, steps, true);
        double work = per * m.baths().size();
        if (work > MachineCounting.MAX_WORK) {
            return new MachineCountingReference(null, String.format(Locale.ROOT, "not judged: the exact "
                    + "discrete-time counting reference would take about %.2g floating-point operations, more than "
                    + "the bound of %.2g (that of qtm fcs)", work, MachineCounting.MAX_WORK));
        }
        try {
            return new MachineCountingReference(MachineCountingReferences.collision(collision, rho0, grid), null);
        } catch (IllegalArgumentException e) {
            return new MachineCountingReference(null, "not judged: " + e.getMessage());
        }
    }
}
