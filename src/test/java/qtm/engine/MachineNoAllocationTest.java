package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import qtm.ensemble.Streams;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.TimeGrid;

/**
 * Once warmed up, the general jump engine and the machine collision engine allocate nothing while they run
 * trajectories, as {@link NoAllocationTest} holds the shipped engines to: thousands of steps, waiting-time searches
 * and jumps are followed by at most a few hundred bytes (the allocation counter's own granularity).
 */
class MachineNoAllocationTest {
    @Test
    @Tag("slow")
    void hotLoopAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        // The Schur path (WaitingTime) as well as the modal ones: the flux machine at its exceptional point takes it.
        List<Machine> machines = List.of(TestMachines.testChain(), TestMachines.qutrit(),
                MachinePresets.of(NoJumpPropagatorTest.models().get(1)), TestMachines.fluxAtExceptionalPoint());
        for (Machine machine : machines) {
            int d = machine.dimension();
            MachineTrajectories engine = new MachineTrajectories(machine.hamiltonian(), machine.channels(),
                    Ops.unit(d, 1, 1), new TimeGrid(400, 41));
            UniformRandomProvider rng = Streams.forTrajectory(3, 0);
            long bytes = NoAllocationTest.allocatedBytes(mx, () -> engine.run(rng, NoAllocationTest.NOTHING));
            int trajectories = NoAllocationTest.TRAJECTORIES;
            assertTrue(bytes < 4096, "d = " + d + ": " + bytes + " bytes for " + trajectories + " trajectories");
        }
        // The collision engine's fast path, its lone states' draws included (issue 25), on the chain and on a
        // machine with a reset bath.
        for (Machine machine : List.of(TestMachines.benchChain(), TestMachines.qutrit())) {
            int d = machine.dimension();
            MachineCollisionEngine engine = new MachineCollisionEngine(machine, Ops.unit(d, 0, 0),
                    new TimeGrid(400, 41), 1.0);
            UniformRandomProvider rng = Streams.forTrajectory(3, 1);
            long bytes = NoAllocationTest.allocatedBytes(mx, () -> engine.run(rng, NoAllocationTest.NOTHING));
            assertTrue(bytes < 4096, "collision, d = " + d + ": " + bytes + " bytes");
        }
    }
}
