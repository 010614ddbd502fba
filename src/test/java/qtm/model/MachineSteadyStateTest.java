package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.exact.MachineExact;
import qtm.math.Hermitian;
import qtm.math.Ops;

/**
 * Machines beyond two qubits at equal temperatures, where thermodynamics fixes the steady state: the Gibbs state of H
 * in the global approach (detailed balance of every Bohr channel), and of H₀ in the local one when the couplings
 * commute with H₀. A wrong rate, sign or grouping of any channel would move the state away from it.
 */
class MachineSteadyStateTest {
    private static final double T = 0.7;

    private static ZMatrixRMaj gibbs(ZMatrixRMaj h, double t) {
        ZMatrixRMaj w = Hermitian.apply(h, x -> Math.exp(-x / t));
        return Ops.scale(1 / Ops.traceRe(w), 0, w);
    }

    @Test
    void aGlobalQubitQutritQubitChainRelaxesToTheGibbsStateOfH() {
        Machine m = new Machine(Approach.GLOBAL, List.of(new Site("c", 0.0, 1.0),
                new Site("m", new double[] {0.0, 1.1, 2.3}, Ladder.HARMONIC), new Site("h", 0.0, 1.2)),
                List.of(new Coupling.Exchange("c", "m", 0.03), new Coupling.Exchange("m", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, T, 1e-3, 1, 0),
                        new MachineBath("hot", "h", BathKind.BOSONIC, T, 3e-3, 2, 0)));
        ZMatrixRMaj rho = new MachineExact(m).steadyState();
        assertEquals(0, Ops.maxAbsDiff(rho, gibbs(m.hamiltonian(), T)), 1e-12);
    }

    @Test
    void aLocalResonantChainWithThreeKindsOfBathRelaxesToTheGibbsStateOfH0() {
        // Equally spaced levels: the exchanges conserve the quanta and commute with H₀ = Σ E n.
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0),
                new Site("m", new double[] {0.0, 1.0, 2.0}, Ladder.HARMONIC), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "m", 2e-3), new Coupling.Exchange("m", "h", 1e-3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, T, 1e-3),
                        new MachineBath("mid", "m", BathKind.RESET, T, 2e-3),
                        new MachineBath("hot", "h", BathKind.FERMIONIC, T, 5e-3)));
        ZMatrixRMaj rho = new MachineExact(m).steadyState();
        assertEquals(0, Ops.maxAbsDiff(rho, gibbs(m.bareHamiltonian(), T)), 1e-12);
    }

    @Test
    void aFermionicLeadWithAChemicalPotentialFillsTheDotByFermi() {
        // One dot at E = 1 and a lead at μ = 0.4: the occupation is f(E − μ).
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("d", 0.0, 1.0)), List.of(),
                List.of(new MachineBath("lead", "d", BathKind.FERMIONIC, T, 1e-2, 0, 0.4)));
        ZMatrixRMaj rho = new MachineExact(m).steadyState();
        assertEquals(1 / (Math.exp(0.6 / T) + 1), rho.getReal(1, 1), 1e-12);
    }
}
