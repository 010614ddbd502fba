package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThermalTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void limitsAreExact() {
        assertEquals(1.0, Thermal.groundProbability(1, 0), 0);
        assertEquals(0.5, Thermal.groundProbability(1, INF), 0);
        assertEquals(0.0, Thermal.bose(1, 0), 0);
        assertEquals(1.0, Thermal.bosePlusOne(1, 0), 0);
        assertEquals(0.0, Thermal.fermi(1, 0), 0);
        assertEquals(1.0, Thermal.fermiHole(1, 0), 0);
        assertEquals(0.5, Thermal.fermi(1, INF), 0);
        assertEquals(0.5, Thermal.fermi(0, 0), 0);
    }

    @Test
    void agreesWithTheTextbookFormulasWhereThoseAreSafe() {
        for (double x = -30; x <= 30; x += 0.37) {
            double t = 0.7;
            double w = x * t;
            assertEquals(1 / (Math.exp(w / t) + 1), Thermal.fermi(w, t), 1e-15);
            if (w > 0) {
                assertEquals(1 / (Math.exp(w / t) - 1), Thermal.bose(w, t), 1e-12 * Thermal.bose(w, t));
                assertEquals(1 + 1 / (Math.exp(w / t) - 1), Thermal.bosePlusOne(w, t), 1e-12);
                assertEquals(1 / (1 + Math.exp(-w / t)), Thermal.groundProbability(w, t), 1e-15);
            }
        }
    }

    @Test
    void hugeRatiosStayFinite() {
        assertEquals(0.0, Thermal.fermi(1e9, 1), 0);
        assertEquals(1.0, Thermal.fermiHole(1e9, 1), 0);
        assertEquals(1.0, Thermal.fermi(-1e9, 1), 0);
        assertEquals(0.0, Thermal.bose(1e9, 1), 0);
        assertEquals(1.0, Thermal.bosePlusOne(1e9, 1), 0);
        assertEquals(Math.exp(-700), Thermal.fermi(700, 1), 1e-310);
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Bath(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bath(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bath(1, -1e-3));
        assertThrows(IllegalArgumentException.class, () -> new FluxModel(1, 0, new Bath(0, 1), new Bath(INF, 1)));
        assertThrows(IllegalArgumentException.class, () -> new ResetModel(0, 0, new Bath(0, 1), new Bath(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new DotModel(1, 0, -1, new Bath(0, 1), new Bath(1, 1)));
    }
}
