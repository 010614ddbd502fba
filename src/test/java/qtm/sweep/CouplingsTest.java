package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.Thermal;

class CouplingsTest {
    @Test
    void fluxTransitionRateIsGammaTimesTwoNbPlusOne() {
        Model template = new FluxModel(1, 1e-3, new Bath(0, 0), new Bath(1, 0));
        Couplings c = new Couplings(1e-3, 1e-2, 2e-3);
        Model m = c.applyTo(template, 0.0, 1e6);
        // At T_h = 1e6, n_B ≈ 1e6: the bare Γ_h is tiny while the transition rate stays 2e-3.
        assertEquals(2e-3 / (1 + 2 * Thermal.bose(1, 1e6)), m.hot().rate(), 1e-22);
        assertEquals(1e-2, m.cold().rate(), 0);
        assertTrue(m.hot().rate() < 1.1e-9);
        Couplings back = Couplings.of(m);
        assertEquals(c.g(), back.g(), 0);
        assertEquals(c.coldRate(), back.coldRate(), 1e-17);
        assertEquals(c.hotRate(), back.hotRate(), 1e-17);
    }

    @Test
    void resetAndDotRatesAreTheScenarioRates() {
        for (Model template : new Model[] {
            new ResetModel(1, 0, new Bath(0, 0), new Bath(Double.POSITIVE_INFINITY, 0)),
            new DotModel(1, 0, 20, new Bath(0, 0), new Bath(Double.POSITIVE_INFINITY, 0))}) {
            Model m = new Couplings(1e-3, 1e-2, 2e-3).applyTo(template, 0.3, 4.0);
            assertEquals(1.0, m.rateFactor(Side.HOT), 0);
            assertEquals(2e-3, m.hot().rate(), 0);
            assertEquals(0.3, m.cold().temperature(), 0);
            assertEquals(4.0, m.hot().temperature(), 0);
            assertEquals(template.coulomb(), m.coulomb(), 0);
        }
    }
}
