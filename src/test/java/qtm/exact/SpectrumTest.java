package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import qtm.model.Bath;
import qtm.model.ResetModel;

class SpectrumTest {
    @Test
    void resetPopulationsRelaxAtTheMeanRate() {
        // Eq. (3) with equal rates p: every reduced population relaxes at p, and the gap is p whatever g is, since
        // the total excitation number relaxes at p while the coupling only exchanges excitations.
        ResetModel m = new ResetModel(1, 2e-3, new Bath(0.3, 4e-3), new Bath(3, 4e-3));
        assertEquals(4e-3, Spectrum.gap(m), 1e-12);
    }

    @Test
    void isolatedQubitResetDecaysAtItsRate() {
        // With g = 0 the cold qubit's populations relax at p_c and the hot one's at p_h, coherences faster:
        // the slowest rate is min(p_c, p_h).
        ResetModel m = new ResetModel(1, 0, new Bath(0.5, 3e-3), new Bath(2, 7e-3));
        assertEquals(3e-3, Spectrum.gap(m), 1e-12);
    }
}
