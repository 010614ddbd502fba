package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.MachineTrajectories;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.ChannelWaitingTimes;
import qtm.exact.MachineExact;
import qtm.exact.WaitingPair;
import qtm.exact.WaitingTimes;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.observe.Quantities;
import qtm.observe.Quantity;
import qtm.observe.WaitingHistogram;

/**
 * Issue 25, waiting times between channels (observe.waiting: channels), sampled by the general jump engine and judged
 * by the baths' verdict: on two detuned qubits with a bosonic bath on one and a reset bath on the other (six channels
 * of positive rate, the two energy-free resets |n⟩⟨n| among them, 36 ordered pairs) every pair is judged, its χ² not
 * rejected (p &gt; 1e-4) and every bin within 5 SE at a fixed seed; the same ensemble against the swapped pairs' laws
 * (b, a in place of a, b) is rejected, through the pairs whose two orders differ. The exact law itself is checked
 * against a from-scratch computation in {@code ChannelWaitingTimesTest}.
 */
class ChannelWaitingVerdictTest {
    static final ZMatrixRMaj START = Ops.unit(4, 0, 0);
    static final TimeGrid GRID = new TimeGrid(1500, 7);

    /** Qubits c (gap 1) and h (gap 1.3): a bosonic bath at T = 0.4 on c and a reset bath at T = 2 on h. */
    static Machine detuned() {
        return new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.3)),
                List.of(new Coupling.Exchange("c", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.4, 0.03, 0, 0),
                        new MachineBath("hot", "h", BathKind.RESET, 2.0, 0.02)));
    }

    static EnsembleResult run(Machine m, long n, long seed) {
        List<Quantity> q = Quantities.machine(m, m.channels(), GRID, true);
        return EnsembleRunner.run(() -> new MachineTrajectories(m.hamiltonian(), m.channels(), START, GRID), q, GRID,
                EnsembleSettings.count(n, seed, 2));
    }

    @Test
    void everyChannelPairAgreesWithItsExactLaw() {
        Machine m = detuned();
        EnsembleResult r = run(m, 1500, 20261208L);
        WaitingHistogram h = r.recorded(WaitingHistogram.class);
        assertNotNull(h);
        WaitingVerdict.Result v = WaitingVerdict.of(r, h, START);
        assertEquals(36, v.pairs().size());
        assertEquals("cold-@1.00000_cold-@1.00000", v.pairs().get(0).pair().key());
        assertEquals("hot:1<-1_hot:1<-1", v.pairs().get(35).pair().key());
        for (WaitingVerdict.PairResult p : v.pairs()) {
            assertTrue(p.judged(), p.pair().key() + " not judged: " + p.starts() + " intervals");
            assertTrue(p.pValue() > 1e-4, p.pair().key() + " χ² " + p.chiSquare() + " p " + p.pValue());
            for (int i = 0; i < p.estimate().length; i++) {
                double z = (p.estimate()[i] - p.exact()[i]) / p.se()[i];
                assertTrue(Math.abs(z) < 5, p.pair().key() + " bin " + i + " z " + z);
            }
        }
        assertTrue(v.passed());
        // The baths' histogram is not what was recorded: the pairs are channels'.
        assertTrue(WaitingHistogram.absence(m, true) == null);
    }

    /** Power: the same ensemble judged against each pair's reverse (b → a for a → b) fails. */
    @Test
    void swappedPairsAreRejected() {
        Machine m = detuned();
        EnsembleResult r = run(m, 1500, 7);
        WaitingHistogram h = r.recorded(WaitingHistogram.class);
        List<WaitingPair> swapped = new ArrayList<>();
        for (WaitingHistogram.Plan p : h.plans()) {
            swapped.add(new WaitingPair(p.pair().to(), p.pair().from(), p.pair().key()));
        }
        List<WaitingTimes> wrong = ChannelWaitingTimes.of(new MachineExact(m), swapped);
        WaitingVerdict.Result v = WaitingVerdict.of(r, h, wrong, START);
        assertFalse(v.passed());
        // From a cold decay (c goes down) to the next reset of h into |1⟩ against the reverse order.
        WaitingVerdict.PairResult p = v.pairs().stream()
                .filter(x -> x.pair().key().equals("cold-@1.00000_hot:1<-0")).findFirst().orElseThrow();
        assertTrue(p.judged() && p.pValue() < 1e-4, p.pair().key() + " p " + p.pValue());
    }
}
