package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.exact.Liouvillian;
import qtm.exact.SteadyState;
import qtm.math.Ops;

/**
 * Issue 24: each shipped model is a machine. The machine form's Hamiltonian, Liouvillian and steady state equal the
 * model's to 1e-12, and its channels carry the same rate and heat per jump as the model's {@link Jump}s, bath by bath.
 */
class MachinePresetsTest {
    private static final double TOL = 1e-12;
    /** The largest difference seen, printed at the end of each test for the report. */
    private double largest;

    private static List<Model> resets() {
        return List.of(
                new ResetModel(1, 1.6e-3, new Bath(0.1, 1e-2), new Bath(1.0, 1.1e-3)),
                new ResetModel(1, 0.05, new Bath(0.0, 2e-2), new Bath(Double.POSITIVE_INFINITY, 3e-2)),
                new ResetModel(2.5, 0.1, new Bath(0.4, 0.2), new Bath(5.0, 0.05)));
    }

    private static List<Model> fluxes() {
        return List.of(
                new FluxModel(1, 1.6e-3, new Bath(0.1, 1e-3), new Bath(1.0, 1e-3)),
                new FluxModel(1, 5e-3, new Bath(0.0, 2e-3), new Bath(0.7, 1e-3)),
                new FluxModel(1, 0.05, new Bath(0.3, 1e-3), new Bath(2.0, 2e-3), Approach.LOCAL, 2),
                new FluxModel(1, 0.05, new Bath(0.3, 1e-3), new Bath(2.0, 2e-3), Approach.GLOBAL, 0),
                new FluxModel(1, 0.08, new Bath(0.0, 1e-3), new Bath(1.5, 3e-3), Approach.GLOBAL, 1),
                new FluxModel(3, 0.2, new Bath(0.5, 1e-3), new Bath(4.0, 1e-3), Approach.GLOBAL, 3.5));
    }

    private static List<Model> dots() {
        return List.of(
                new DotModel(1, 1e-3, 0.5, new Bath(0.1, 1e-2), new Bath(1.0, 2e-2)),
                new DotModel(1, 5e-3, 20.0, new Bath(0.0, 1e-2), new Bath(0.8, 1e-2)),
                new DotModel(2, 0.1, 0.3, new Bath(0.3, 5e-2), new Bath(3.0, 1e-2), Approach.LOCAL, 1.5));
    }

    @Test
    void theResetModelIsAMachine() {
        for (Model m : resets()) {
            holdsToItsMachine(m);
        }
        System.out.println("reset presets: largest difference " + largest);
    }

    @Test
    void theFluxQubitsAreAMachineInBothApproaches() {
        for (Model m : fluxes()) {
            holdsToItsMachine(m);
        }
        System.out.println("flux presets: largest difference " + largest);
    }

    @Test
    void theLocalDoubleDotIsAMachine() {
        for (Model m : dots()) {
            holdsToItsMachine(m);
        }
        System.out.println("dqd presets: largest difference " + largest);
    }

    @Test
    void thePresetsAreNamedAsTheIssueSays() {
        Machine m = MachinePresets.of(fluxes().get(0));
        assertEquals(List.of("c", "h"), m.siteNames());
        assertEquals(List.of("cold", "hot"), m.bathNames());
        assertEquals("c", m.baths().get(0).site());
        assertEquals("h", m.baths().get(1).site());
    }

    @Test
    void theGlobalDoubleDotIsNotAMachine() {
        DotModel global = new DotModel(1, 0.05, 0.5, new Bath(0.3, 1e-3), new Bath(2, 1e-3), Approach.GLOBAL, 0);
        assertThrows(IllegalArgumentException.class, () -> MachinePresets.of(global));
    }

    @Test
    void atZeroCoulombEnergyTheDotsChannelsMergeButTheSteadyStateIsUnchanged() {
        // E + U = E: the Bohr rule makes one channel σ⁻ ⊗ 1 where the model keeps σ⁻ ⊗ |o⟩⟨o| apart. The generators
        // differ only on coherences between particle numbers; the steady state is the same.
        DotModel m = new DotModel(1, 5e-3, 0.0, new Bath(0.1, 1e-2), new Bath(1.0, 2e-2));
        Machine machine = MachinePresets.of(m);
        assertEquals(4, machine.channels().size());
        Liouvillian l = new Liouvillian(machine.hamiltonian(), MachineJumps.of(machine));
        ZMatrixRMaj rho = SteadyState.solve(l.matrix(), l.basis());
        assertEquals(0, Ops.maxAbsDiff(rho, SteadyState.of(m)), TOL);
    }

    private void holdsToItsMachine(Model model) {
        Machine machine = MachinePresets.of(model);
        assertEquals(0, diff(machine.hamiltonian(), model.hamiltonian()), 0.0, model.title());

        Liouvillian mine = new Liouvillian(machine.hamiltonian(), MachineJumps.of(machine));
        Liouvillian theirs = new Liouvillian(model);
        note(maxAbsDiff(mine.matrix(), theirs.matrix()), model);

        ZMatrixRMaj rho = SteadyState.solve(mine.matrix(), mine.basis());
        note(Ops.maxAbsDiff(rho, SteadyState.of(model)), model);
        if (model instanceof ResetModel r) {
            note(Ops.maxAbsDiff(rho, SteadyState.closedForm(r)), model);
        }

        // Channel by channel, bath by bath: the same operator carries the same rate and heat per jump.
        List<MachineChannel> channels = new ArrayList<>(machine.channels());
        assertEquals(model.jumps().size(), channels.size(), model.title());
        for (Jump j : model.jumps()) {
            MachineChannel c = channels.stream()
                    .filter(x -> x.bath() == j.side().ordinal() && Ops.maxAbsDiff(x.operator(), j.operator()) < TOL)
                    .findFirst().orElseThrow(() -> new AssertionError(model.title() + ": no channel like "
                            + j.label()));
            channels.remove(c);
            note(Math.abs(c.rate() - j.rate()), model);
            note(Math.abs(c.heat() - j.energy()), model);
            note(Math.abs(c.energy() - j.energy()), model);
            assertEquals((int) Math.signum(j.energy()), c.count(), j.label());
        }
        assertTrue(channels.isEmpty());
    }

    private void note(double difference, Model model) {
        assertEquals(0, difference, TOL, model.title() + " " + model);
        largest = Math.max(largest, difference);
    }

    private static double diff(ZMatrixRMaj a, ZMatrixRMaj b) {
        return Ops.maxAbsDiff(a, b);
    }

    private static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double m = 0;
        for (int k = 0; k < a.data.length; k++) {
            m = Math.max(m, Math.abs(a.data[k] - b.data[k]));
        }
        return m;
    }
}
