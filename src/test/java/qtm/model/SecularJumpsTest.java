package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;

/** The global channels against what a secular decomposition must satisfy, checked by hand-built matrices. */
class SecularJumpsTest {
    @Test
    void theComponentsSumToTheCouplingAndEachMovesItsBohrFrequency() {
        for (BathSpectra m : List.<BathSpectra>of(new FluxModel(1, 0.05, new Bath(0.3, 1e-3), new Bath(2, 1e-3), Approach.GLOBAL, 1),
                new DotModel(1, 0.04, 0.7, new Bath(0.3, 1e-3), new Bath(2, 1e-3), Approach.GLOBAL, 3))) {
            ZMatrixRMaj h = m.hamiltonian();
            for (Side side : Side.values()) {
                ZMatrixRMaj sum = new ZMatrixRMaj(4, 4);
                for (Jump j : m.jumps()) {
                    if (j.side() != side || !(j.energy() > 0)) {
                        continue;
                    }
                    sum = Ops.add(1.0, sum, 1.0, j.operator());
                    // [H, A(ω)] = −ω A(ω): each component lowers the energy by exactly its frequency.
                    ZMatrixRMaj c = Ops.add(1.0, Ops.commutator(h, j.operator()), j.energy(), j.operator());
                    assertEquals(0, Ops.maxAbsDiff(c, new ZMatrixRMaj(4, 4)), 1e-15, j.label());
                    BathSpectrum sp = m.spectrum(side);
                    double density = sp.rate() * Math.pow(j.energy() / 1.0, sp.exponent());
                    assertEquals(density * (sp.fermions() ? 1 - fermi(j.energy(), sp.temperature())
                            : 1 + bose(j.energy(), sp.temperature())), j.rate(), 1e-15, j.label());
                }
                assertEquals(0, Ops.maxAbsDiff(sum, m.coupling(side)), 1e-15);
            }
        }
    }

    @Test
    void theFluxQubitsHaveTheFourChannelsOfTheirEigenbasisPerBath() {
        Model m = new FluxModel(1, 0.05, new Bath(0.3, 1e-3), new Bath(2, 2e-3), Approach.GLOBAL, 0);
        List<Jump> jumps = m.jumps();
        assertEquals(8, jumps.size());
        // Cold bath at E + g: (|00⟩⟨+| + |−⟩⟨11|)/√2, written out in the computational basis.
        ZMatrixRMaj expected = new ZMatrixRMaj(4, 4);
        expected.set(0, 1, 0.5, 0);
        expected.set(0, 2, 0.5, 0);
        expected.set(1, 3, 0.5, 0);
        expected.set(2, 3, -0.5, 0);
        Jump c = jumps.stream().filter(j -> j.side() == Side.COLD && j.energy() == 1.05).findFirst().orElseThrow();
        assertEquals(0, Ops.maxAbsDiff(c.operator(), expected), 1e-16);
        assertEquals(1e-3 * (1 + bose(1.05, 0.3)), c.rate(), 1e-18);
    }

    @Test
    void withoutCouplingTheGlobalChannelsAreTheLocalOnes() {
        Model global = new DotModel(1, 0, 0.5, new Bath(0.3, 1e-3), new Bath(2, 2e-3), Approach.GLOBAL, 0);
        Model local = new DotModel(1, 0, 0.5, new Bath(0.3, 1e-3), new Bath(2, 2e-3));
        // Same generator: compare Σ γ A ρ A† on every basis matrix, which is blind to the channels' signs.
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                ZMatrixRMaj e = Ops.unit(4, a, b);
                assertEquals(0, Ops.maxAbsDiff(dissipate(global, e), dissipate(local, e)), 1e-18);
            }
        }
    }

    @Test
    void coincidentFrequenciesAreOneChannel() {
        // U = 2g puts E + U − g on E + g: the two components must be summed into one channel, not kept apart.
        Model m = new DotModel(1, 0.05, 0.1, new Bath(0.3, 1e-3), new Bath(2, 2e-3), Approach.GLOBAL, 0);
        long cold = m.jumps().stream().filter(j -> j.side() == Side.COLD && j.energy() > 0).count();
        assertEquals(3, cold);
    }

    private static ZMatrixRMaj dissipate(Model m, ZMatrixRMaj rho) {
        ZMatrixRMaj out = new ZMatrixRMaj(4, 4);
        for (Jump j : m.jumps()) {
            out = Ops.add(1.0, out, j.rate(), Ops.mult(j.operator(), rho, Ops.dagger(j.operator())));
        }
        return out;
    }

    private static double bose(double w, double t) {
        return 1 / (Math.exp(w / t) - 1);
    }

    private static double fermi(double w, double t) {
        return 1 / (Math.exp(w / t) + 1);
    }
}
