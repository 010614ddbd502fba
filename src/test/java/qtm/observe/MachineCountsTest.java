package qtm.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.Site;
import qtm.model.TimeGrid;

/**
 * Issue 25: what a machine's run records of its counts. A small machine records N_k(t), Q_k(t) and the final-count
 * histogram of every bath, named by bath, after the heat by counting; a machine whose exact reference exceeds qtm
 * fcs's bound (four qubits, d = 16) and a grid beyond {@link NetCounts#MAX_POINTS} record none, and say why.
 */
class MachineCountsTest {
    @Test
    void aSmallMachineRecordsTheCountsOfEveryBathByName() {
        Machine m = chain(2);
        TimeGrid grid = new TimeGrid(30, 4);
        assertNull(MachineCounts.absence(m, grid));
        List<Quantity> q = Quantities.machine(m, m.channels(), grid, Ops.unit(4, 0, 0));
        List<String> names = q.stream().map(Quantity::name).toList();
        assertEquals(names.indexOf(HeatCount.NAME) + 1, names.indexOf(NetCounts.NAME), names.toString());
        assertTrue(names.indexOf(CountHistogram.NAME) > names.indexOf(NetCounts.NAME), names.toString());
        NetCounts counts = (NetCounts) q.get(names.indexOf(NetCounts.NAME));
        List<String> columns = counts.columns().stream().map(Column::name).toList();
        assertEquals(List.of("count_s0", "count_s0_var", "fano_s0", "energy_s0", "energy_s0_var", "count_s1",
                "count_s1_var", "fano_s1", "energy_s1", "energy_s1_var"), columns);
        CountHistogram h = (CountHistogram) q.get(names.indexOf(CountHistogram.NAME));
        assertEquals(2, h.baths());
        assertEquals("s1", h.bathName(1));
    }

    @Test
    void aMachineTooLargeForItsReferenceRecordsNoCountsAndSaysWhy() {
        Machine m = chain(4);
        TimeGrid grid = new TimeGrid(30, 4);
        String why = MachineCounts.absence(m, grid);
        assertNotNull(why);
        assertTrue(why.contains("16 states") && why.contains("more than the bound of 1.2e+11"), why);
        assertTrue(MachineCounts.of(m, m.channels(), grid, Ops.unit(16, 0, 0)).isEmpty());
        String grid2 = MachineCounts.absence(chain(2), new TimeGrid(30, NetCounts.MAX_POINTS + 1));
        assertTrue(grid2 != null && grid2.contains(String.valueOf(NetCounts.MAX_POINTS)), grid2);
    }

    /** n qubits in a chain, a bosonic bath on the first and one on the last. */
    private static Machine chain(int n) {
        List<Site> sites = new java.util.ArrayList<>();
        List<Coupling> couplings = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            sites.add(new Site("s" + i, new double[] {0, 1.0}, Ladder.UNIT));
            if (i > 0) {
                couplings.add(new Coupling.Exchange("s" + (i - 1), "s" + i, 0.05));
            }
        }
        return new Machine(Approach.LOCAL, sites, couplings, List.of(
                new MachineBath("s0", "s0", BathKind.BOSONIC, 0.3, 0.04, 0, 0),
                new MachineBath("s" + (n - 1), "s" + (n - 1), BathKind.BOSONIC, 2.0, 0.03, 0, 0)));
    }
}
