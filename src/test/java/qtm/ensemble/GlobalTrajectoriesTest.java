package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.engine.EngineKind;
import qtm.exact.Transient;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.stats.Estimate;
import qtm.stats.Verdict;
import qtm.verify.Verdicts;

/**
 * The trajectory engine with global channels (which it runs in the eigenbasis of H) converges to the exact master
 * equation: every ρ coordinate at every time within 4.5 of its SE and the final χ² not rejected, as in
 * {@link ExactAgreementTest}; and the heat by the formula, the heat by counting and the number of jumps in every bin
 * within 4 SE of the exact values, which this test computes itself from ρ(t) and the channels, Σ_j γ_j w_j Tr(A_j†A_j
 * ρ(t)) (w_j = ω_j or 1), integrated over the bin by Simpson's rule on a fine exact grid.
 */
class GlobalTrajectoriesTest {
    static final Model FLUX = new FluxModel(1, 0.02, new Bath(0.1, 2e-3), new Bath(2, 2e-3), Approach.GLOBAL, 1);
    static final Model DQD = new DotModel(1, 0.02, 3, new Bath(0.2, 3e-3), new Bath(3, 3e-3), Approach.GLOBAL, 0);
    /** U = 2g: the Bohr frequencies E + g and E + U − g coincide, so one channel mixes two bare energies. */
    static final Model DQD_MERGED = new DotModel(1, 0.02, 0.04, new Bath(0.2, 3e-3), new Bath(3, 3e-3),
            Approach.GLOBAL, 2);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("flux 00", FLUX, TwoQubits.basisState("00")),
                Arguments.of("flux ket", FLUX, ket(new double[] {0.5, 0.3, -0.4, 0.2}, new double[] {0, 0.4, 0.2, -0.5})),
                Arguments.of("dqd 00", DQD, TwoQubits.basisState("00")),
                Arguments.of("dqd odd ket", DQD, ket(new double[] {0, 0.6, 0, 0}, new double[] {0, 0, 0.8, 0})),
                Arguments.of("dqd U=2g 11", DQD_MERGED, TwoQubits.basisState("11")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ensembleAgreesWithTheMasterEquation(String name, Model model, ZMatrixRMaj rho0) {
        TimeGrid grid = new TimeGrid(1500, 16);
        List<ZMatrixRMaj> exact = qtm.verify.References.of(EngineKind.TRAJECTORIES, model, rho0, grid, 0);
        EnsembleResult r = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, rho0, grid, 0), model,
                rho0, grid, EnsembleSettings.count(20_000, 20261202L, 2));
        Verdict v = Verdicts.of(r, exact);
        assertTrue(v.maxAbsZ() < 4.5, name + ": max |z| " + v);
        assertTrue(v.converged(), name + ": " + v);

        int sub = 40;
        TimeGrid fine = new TimeGrid(grid.end(), (grid.points() - 1) * sub + 1);
        List<ZMatrixRMaj> rho = new Transient(model, fine).evolve(rho0);
        for (Side side : Side.values()) {
            double unit = r.recorded(qtm.observe.HeatFormula.class).quantum(side.ordinal());
            for (int k = 0; k < grid.points(); k++) {
                double q = rate(model, side, true, exact.get(k));
                Estimate f = r.heatFormula(k, side);
                // At t = 0 every trajectory has the same state and the SE is 0: what is left is the fixed-point unit
                // of the exact sums.
                assertTrue(Math.abs(f.mean() - q) <= 4 * f.se() + unit,
                        name + " " + side + " formula heat at " + k + ": " + f + " exact " + q);
                if (k == 0) {
                    continue;
                }
                double width = grid.step();
                double heat = simpson(model, side, true, rho, (k - 1) * sub, sub, fine.step()) / width;
                double jumps = simpson(model, side, false, rho, (k - 1) * sub, sub, fine.step());
                Estimate c = r.heatCount(k, side);
                Estimate n = r.jumps(k, side);
                assertTrue(Math.abs(c.mean() - heat) <= 4 * c.se(),
                        name + " " + side + " counted heat in bin " + k + ": " + c + " exact " + heat);
                assertTrue(Math.abs(n.mean() - jumps) <= 4 * n.se(),
                        name + " " + side + " jumps in bin " + k + ": " + n + " exact " + jumps);
            }
        }
    }

    /** Bit-identical on 1 and 2 threads, as for the local channels. */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        TimeGrid grid = new TimeGrid(800, 11);
        ZMatrixRMaj rho0 = TwoQubits.basisState("10");
        EnsembleResult one = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(DQD, rho0, grid, 0), DQD, rho0,
                grid, EnsembleSettings.count(2001, 7, 1));
        EnsembleResult two = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(DQD, rho0, grid, 0), DQD, rho0,
                grid, EnsembleSettings.count(2001, 7, 2));
        for (int k = 0; k < grid.points(); k++) {
            for (String c : one.columns()) {
                assertEquals(Double.doubleToRawLongBits(one.estimate(c, k).mean()),
                        Double.doubleToRawLongBits(two.estimate(c, k).mean()), "mean " + k + "," + c);
                assertEquals(Double.doubleToRawLongBits(one.estimate(c, k).se()),
                        Double.doubleToRawLongBits(two.estimate(c, k).se()), "se " + k + "," + c);
            }
        }
    }

    /** Σ_j γ_j w_j Tr(A_j†A_j ρ) over the bath's channels, w_j = ω_j (heat) or 1 (jumps). */
    static double rate(Model model, Side side, boolean heat, ZMatrixRMaj rho) {
        double s = 0;
        for (Jump j : model.jumps()) {
            if (j.side() != side) {
                continue;
            }
            ZMatrixRMaj a = j.operator();
            s += j.rate() * (heat ? j.energy() : 1) * Ops.traceProductRe(Ops.mult(Ops.dagger(a), a), rho);
        }
        return s;
    }

    private static double simpson(Model model, Side side, boolean heat, List<ZMatrixRMaj> rho, int from, int n,
            double h) {
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * rate(model, side, heat, rho.get(from + i));
        }
        return s * h / 3;
    }

    static ZMatrixRMaj ket(double[] re, double[] im) {
        double norm = 0;
        for (int i = 0; i < 4; i++) {
            norm += re[i] * re[i] + im[i] * im[i];
        }
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rho.set(i, j, (re[i] * re[j] + im[i] * im[j]) / norm, (im[i] * re[j] - re[i] * im[j]) / norm);
            }
        }
        return rho;
    }
}
