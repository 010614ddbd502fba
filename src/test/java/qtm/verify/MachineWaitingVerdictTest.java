package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.MachineTrajectories;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.MachineExact;
import qtm.exact.MachineWaitingTimes;
import qtm.exact.WaitingPair;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.observe.Quantities;
import qtm.observe.WaitingHistogram;

/**
 * A machine's waiting-time histograms, recorded by the general jump engine, against their exact laws: on a three-qubit
 * machine with a bath of each kind every one of the nine ordered pairs is judged, its χ² not rejected and every bin
 * within 5 SE at a fixed seed; the same ensemble against the laws of a machine whose lead is 20 % slower is rejected.
 */
class MachineWaitingVerdictTest {
    static final ZMatrixRMaj START = Ops.unit(8, 0, 0);
    static final TimeGrid GRID = new TimeGrid(1500, 7);

    /** Three qubits with a bosonic bath on c, a fermionic lead (μ = 0.2) on m and a reset bath on h. */
    static Machine threeBaths(double leadRate) {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "m", 0.05), new Coupling.Exchange("m", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.3, 0.03, 0, 0),
                        new MachineBath("lead", "m", BathKind.FERMIONIC, 0.5, leadRate, 0, 0.2),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 0.02)));
    }

    static EnsembleResult run(Machine m, List<qtm.observe.Quantity> q, long n, long seed) {
        List<MachineChannel> channels = m.channels();
        return EnsembleRunner.run(() -> new MachineTrajectories(m.hamiltonian(), channels, START, GRID), q, GRID,
                EnsembleSettings.count(n, seed, 2));
    }

    @Test
    void everyPairOfAThreeBathMachineAgreesWithItsExactLaw() {
        Machine m = threeBaths(0.02);
        List<qtm.observe.Quantity> q = Quantities.machine(m, m.channels(), GRID);
        EnsembleResult r = run(m, q, 3000, 20261207L);
        WaitingHistogram h = r.recorded(WaitingHistogram.class);
        assertNotNull(h);
        WaitingVerdict.Result v = WaitingVerdict.of(r, h, START);
        assertEquals(9, v.pairs().size());
        assertEquals(List.of("cold_cold", "cold_lead", "cold_hot", "lead_cold", "lead_lead", "lead_hot", "hot_cold",
                "hot_lead", "hot_hot"), v.pairs().stream().map(p -> p.pair().key()).toList());
        for (WaitingVerdict.PairResult p : v.pairs()) {
            assertTrue(p.judged(), p.pair().key() + " not judged: " + p.starts() + " intervals");
            assertEquals(WaitingHistogram.BINS, p.dof(), p.pair().key());
            assertTrue(p.pValue() > 1e-4, p.pair().key() + " χ² " + p.chiSquare() + " p " + p.pValue());
            for (int i = 0; i < p.estimate().length; i++) {
                double z = (p.estimate()[i] - p.exact()[i]) / p.se()[i];
                assertTrue(Math.abs(z) < 5, p.pair().key() + " bin " + i + " z " + z);
            }
        }
        assertTrue(v.passed());
    }

    /** Power: the same ensemble against the laws of a lead 20 % slower fails, through the pairs the lead ends. */
    @Test
    void aWrongMachineIsRejected() {
        Machine m = threeBaths(0.02);
        List<qtm.observe.Quantity> q = Quantities.machine(m, m.channels(), GRID);
        EnsembleResult r = run(m, q, 3000, 11);
        WaitingHistogram h = r.recorded(WaitingHistogram.class);
        MachineExact wrong = new MachineExact(threeBaths(0.016));
        WaitingVerdict.Result v = WaitingVerdict.of(r, h,
                MachineWaitingTimes.of(wrong, h.plans().stream().map(WaitingHistogram.Plan::pair).toList()), START);
        assertFalse(v.passed());
        WaitingVerdict.PairResult leadLead = v.pairs().get(4);
        assertEquals("lead_lead", leadLead.pair().key());
        assertTrue(leadLead.pValue() < 1e-4, "lead_lead p " + leadLead.pValue());
    }

    /** Above {@link WaitingHistogram#MAX_DIMENSION} states nothing is recorded, and the reason says why. */
    @Test
    void aMachineAboveTheBoundRecordsNoWaitingTimes() {
        Machine big = new Machine(Approach.LOCAL,
                List.of(new Site("a", 0.0, 1.0), new Site("b", 0.0, 1.0), new Site("c", 0.0, 1.0),
                        new Site("e", 0.0, 1.0)),
                List.of(new Coupling.Exchange("a", "b", 0.05), new Coupling.Exchange("b", "c", 0.05),
                        new Coupling.Exchange("c", "e", 0.05)),
                List.of(new MachineBath("cold", "a", BathKind.BOSONIC, 0.3, 0.03),
                        new MachineBath("hot", "e", BathKind.BOSONIC, 2.0, 0.02)));
        assertTrue(Quantities.machine(big, big.channels(), GRID).stream()
                .noneMatch(x -> x instanceof WaitingHistogram));
        assertTrue(WaitingHistogram.absence(big).contains("16 states"), WaitingHistogram.absence(big));
        assertTrue(WaitingHistogram.absence(threeBaths(0.02)) == null);
        assertEquals("cold_hot", WaitingPair.of(big.bathNames(), 0, 1).key());
    }
}
