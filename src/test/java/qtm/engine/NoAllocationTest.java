package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qtm.ensemble.Streams;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * Once warmed up, an engine allocates nothing while it runs trajectories: thousands of steps and jumps are followed
 * by at most a few hundred bytes (the allocation counter's own granularity), not the kilobytes per trajectory that
 * one temporary per step would cost.
 */
class NoAllocationTest {
    /** An observer that does nothing, so that only the engine's own allocations are counted. */
    static final TrajectoryObserver NOTHING = new TrajectoryObserver() {
        @Override
        public void begin() {
        }

        @Override
        public void state(int k, double[] re, double[] im) {
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
        }

        @Override
        public void end() {
        }
    };

    @ParameterizedTest
    // The diffusive engine watches the flux model's bosonic baths only: DiffusiveTrajectoriesTest, issue 29.
    @EnumSource(value = EngineKind.class, mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE,
            names = "DIFFUSIVE")
    @Tag("slow")
    void hotLoopAllocatesNothing(EngineKind kind) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        for (Model model : NoJumpPropagatorTest.models()) {
            Engine engine = kind.create(model, TwoQubits.basisState("01"), new TimeGrid(2000, 41), 1.0);
            UniformRandomProvider rng = Streams.forTrajectory(3, 0);
            long bytes = NoAllocationTest.allocatedBytes(mx, () -> engine.run(rng, NOTHING));
            int trajectories = NoAllocationTest.TRAJECTORIES;
            assertTrue(bytes < 4096, kind + " " + model.type() + ": " + bytes + " bytes for " + trajectories
                    + " trajectories");
        }
    }

    /**
     * Bytes the current thread allocates over 500 runs of a trajectory, after 3,000 runs to warm the JIT up.
     *
     * @param mx the thread bean that counts allocations
     * @param trajectory one trajectory
     * @return the bytes allocated
     */
    static long allocatedBytes(com.sun.management.ThreadMXBean mx, Runnable trajectory) {
        for (int i = 0; i < 3000; i++) {
            trajectory.run();
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < TRAJECTORIES; i++) {
            trajectory.run();
        }
        return mx.getThreadAllocatedBytes(id) - before;
    }

    /** Trajectories whose allocations are counted. */
    static final int TRAJECTORIES = 500;
}
