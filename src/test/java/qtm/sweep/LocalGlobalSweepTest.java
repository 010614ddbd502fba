package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.exact.SteadyState;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Jump;
import qtm.model.BathSpectra;
import qtm.model.Model;
import qtm.model.Side;
import qtm.observe.Heat;
import qtm.observe.Observables;
import qtm.scenario.StudyReader;
import qtm.testing.RedfieldTensor;

class LocalGlobalSweepTest {
    private static final List<String> FEW = List.of("sweep.g_over_rate.points=5");

    /**
     * Rows of both shipped studies against values computed another way: Redfield from the element-wise tensor
     * (its heat −Tr[H D_c(ρ)] from the cold bath's tensor alone), local and global from SteadyState, the global heat
     * as Σ ω_j γ_j Tr(A_j†A_j ρ) over the cold bath's Bohr-frequency jumps, the local one as the project's Q_c.
     */
    @Test
    void rowsAgreeWithIndependentlyComputedValues() {
        for (String name : List.of("local-global-flux", "local-global-dqd")) {
            Study s = StudyReader.read(Path.of("scenarios/paper/" + name + ".yaml"), FEW);
            SweepTable t = new SweepRunner().run(s);
            assertEquals(LocalGlobalSweep.COLUMNS, t.columns());
            assertEquals(5, t.rows().size());
            double gamma = LocalGlobalSweep.rate(s.model());
            assertEquals(1e-2, gamma, 1e-15, "the larger transition rate of both studies' baths");
            for (int i : new int[] {0, 2, 4}) {
                double[] r = t.rows().get(i);
                double ratio = new double[] {1e-3, 1e-2, 1e-1, 1, 10}[i];
                assertEquals(ratio, r[t.column("g_over_rate")], 1e-12 * ratio);
                assertEquals(ratio * gamma, r[t.column("g")], 1e-12 * ratio * gamma);
                BathSpectra m = ((BathSpectra) s.model()).with(ratio * gamma, s.model().cold(), s.model().hot());
                HermitianBasis basis = new HermitianBasis(4);
                ZMatrixRMaj rr = SteadyState.solve(RedfieldTensor.generator(m, List.of(Side.COLD, Side.HOT), true),
                        basis);
                DMatrixRMaj cold = RedfieldTensor.generator(m, List.of(Side.COLD), false);
                double[] v = basis.coordinates(rr, new double[16]);
                double[] dv = new double[16];
                for (int a = 0; a < 16; a++) {
                    for (int b = 0; b < 16; b++) {
                        dv[a] += cold.get(a, b) * v[b];
                    }
                }
                double qr = -Ops.traceProductRe(m.hamiltonian(), basis.matrix(dv, new ZMatrixRMaj(4, 4)));
                close(Observables.concurrence(rr), r[t.column("redfield_concurrence")], name + " C_R");
                close(qr, r[t.column("redfield_heat_cold")], name + " Q_R");
                close(-qr, r[t.column("redfield_heat_hot")], name + " Q_R hot");
                Model local = m.withApproach(Approach.LOCAL, 0);
                ZMatrixRMaj rl = SteadyState.of(local);
                close(Observables.concurrence(rl), r[t.column("local_concurrence")], name + " C_l");
                close(Heat.steady(local, rl).cold(), r[t.column("local_heat_cold")], name + " Q_l");
                Model global = m.withApproach(Approach.GLOBAL, 0);
                ZMatrixRMaj rg = SteadyState.of(global);
                double qg = 0;
                for (Jump j : global.jumps()) {
                    if (j.side() == Side.COLD) {
                        qg += j.rate() * j.energy()
                                * Ops.traceProductRe(Ops.mult(Ops.dagger(j.operator()), j.operator()), rg);
                    }
                }
                close(Observables.concurrence(rg), r[t.column("global_concurrence")], name + " C_g");
                close(qg, r[t.column("global_heat_cold")], name + " Q_g");
            }
        }
    }

    @Test
    void flagsFollowTheThresholds() {
        Study s = StudyReader.read(Path.of("scenarios/paper/local-global-flux.yaml"), List.of());
        SweepTable t = new SweepRunner().run(s);
        int on = 0;
        for (double[] r : t.rows()) {
            double cr = r[t.column("redfield_concurrence")];
            double qr = r[t.column("redfield_heat_cold")];
            for (String a : List.of("local", "global")) {
                double dc = Math.abs(r[t.column(a + "_concurrence")] - cr);
                boolean cOff = Math.abs(cr) < 1e-2 ? dc > 1e-4 : dc > 0.01 * Math.abs(cr);
                boolean qOff = Math.abs(r[t.column(a + "_heat_cold")] - qr) > 0.01 * Math.abs(qr);
                assertEquals(cOff ? 1.0 : 0.0, r[t.column(a + "_concurrence_off")]);
                assertEquals(qOff ? 1.0 : 0.0, r[t.column(a + "_heat_off")]);
                on += (cOff ? 1 : 0) + (qOff ? 1 : 0);
            }
        }
        assertTrue(on > 0, "some point is flagged");
        // The thresholds at their edges.
        assertTrue(LocalGlobalSweep.concurrenceOff(0.1 * 1.0101, 0.1));
        assertFalse(LocalGlobalSweep.concurrenceOff(0.1 * 1.0099, 0.1));
        assertTrue(LocalGlobalSweep.concurrenceOff(0.0, 1.01e-4));
        assertFalse(LocalGlobalSweep.concurrenceOff(0.0, 0.99e-4));
        assertTrue(LocalGlobalSweep.heatOff(-1e-6, -1.0102e-6));
        assertFalse(LocalGlobalSweep.heatOff(1e-6, 1.0098e-6));
    }

    /**
     * What the guide (src/site/markdown/collision-picture.md) says of the flux study: local within 1 % everywhere,
     * global only from g/Γ ≈ 2.5.
     */
    @Test
    void fluxStudyShowsLocalRightAtTheOptimumAndGlobalOnlyAtLargeCoupling() {
        Study s = StudyReader.read(Path.of("scenarios/paper/local-global-flux.yaml"), List.of());
        SweepTable t = new SweepRunner().run(s);
        double firstGlobalGood = Double.NaN;
        for (double[] r : t.rows()) {
            assertEquals(0.0, r[t.column("local_concurrence_off")] + r[t.column("local_heat_off")], r[1] + "");
            boolean globalOff = r[t.column("global_concurrence_off")] + r[t.column("global_heat_off")] > 0;
            if (!globalOff && Double.isNaN(firstGlobalGood)) {
                firstGlobalGood = r[t.column("g_over_rate")];
            }
            if (!Double.isNaN(firstGlobalGood)) {
                assertFalse(globalOff, "global stays within 1 % beyond " + firstGlobalGood);
            }
            assertEquals(0.0, r[t.column("global_concurrence")], "global finds no entanglement");
        }
        assertEquals(2.512, firstGlobalGood, 1e-3);
        double[] optimum = t.rows().get(22);
        assertEquals(0.1585, optimum[t.column("g_over_rate")], 1e-4);
        assertEquals(0.0997, optimum[t.column("redfield_concurrence")], 5e-5);
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.abs(expected) + 1e-15, what);
    }
}
