package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.FluxModel;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachinePresets;
import qtm.model.Site;

/**
 * The local–global study on a machine (issue 25) against the presets' own study ({@link LocalGlobalSweep}: the
 * two-qubit Liouvillian, secular and non-secular {@code BlochRedfield}, the presets' heat formulas) on the flux
 * machine's form, point by point; and the known limits on a harmonic-qutrit machine whose rates grow as ω³: where g
 * is far below the rates the global equation drives a current through sites that are hardly coupled (off by more
 * than 1 %) while the local one is the Redfield one, and where g is far above the rates the global one holds too.
 */
class MachineLocalGlobalTest {
    @Test
    void theFluxMachineGivesThePresetsHeatsAtEveryPoint() {
        FluxModel flux = new FluxModel(1, 1e-3, new Bath(0.05, 1e-2), new Bath(0.3, 4e-3));
        Machine m = MachinePresets.of(flux);
        double[] scales = {0.01, 0.3, 1, 30};
        for (double scale : scales) {
            double[] row = MachineLocalGlobal.row(m, scale);
            double[] preset = LocalGlobalSweep.row(flux.with(1e-3 * scale, flux.cold(), flux.hot()), 0);
            List<String> cols = new MachineLocalGlobal(0.01, 30, 2).columns(m);
            // Each heat relative to its own size: at small g Redfield's is far below global's.
            int[] presetColumn = {3, 4, 6, 7, 9, 10};
            String[] column = {"redfield_heat_cold", "redfield_heat_hot", "local_heat_cold", "local_heat_hot",
                "global_heat_cold", "global_heat_hot"};
            for (int c = 0; c < column.length; c++) {
                double expected = preset[presetColumn[c]];
                assertEquals(expected, row[cols.indexOf(column[c])], 1e-10 * Math.abs(expected),
                        column[c] + " at " + scale);
            }
            assertEquals(preset[12], row[cols.indexOf("local_heat_off")], "local flag at " + scale);
            assertEquals(preset[14], row[cols.indexOf("global_heat_off")], "global flag at " + scale);
        }
    }

    @Test
    void localHoldsBelowTheRatesWhereGlobalDoesNotAndGlobalHoldsAbove() {
        Machine m = new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.0, 2.0}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 1e-3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.1, 1e-3, 3.0, 0.0),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 0.5, 1e-3, 3.0, 0.0)));
        MachineLocalGlobal study = new MachineLocalGlobal(1e-3, 50, 2);
        SweepTable t = study.run(m);
        List<String> cols = t.columns();
        double[] weak = t.rows().get(0);
        double[] strong = t.rows().get(1);
        assertEquals(0.0, weak[cols.indexOf("local_heat_off")], "local at g = 1e-6");
        assertEquals(1.0, weak[cols.indexOf("global_heat_off")], "global at g = 1e-6");
        assertEquals(0.0, strong[cols.indexOf("global_heat_off")], "global at g = 5e-2");
    }

    @Test
    void aResetBathIsRefused() {
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "h", 1e-3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.0, 1e-2),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 1e-3)));
        assertThrows(IllegalArgumentException.class, () -> new MachineLocalGlobal(0.1, 10, 3).run(m));
    }
}
