package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
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
 * The machine Bloch–Redfield generator (issue 25) against the non-secular sum written here from scratch: H
 * diagonalised by EJML's symmetric solver, X_k = a_k + a_k† from the ladder's weights, every single-eigenstate
 * component at positive frequency, and the double sum over every pair of components, on machines with a harmonic
 * qutrit, detuning and three sites; and against the presets' {@link BlochRedfield} on the flux machine.
 */
class MachineRedfieldTest {
    static Machine harmonicQutrit() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.1, 2.2}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 0.05), new Coupling.Density("c", "h", 0.3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.4, 0.03),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 2.0, 0.02, 1.0, 0.0)));
    }

    static Machine detunedChain() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.07), new Site("h", 0.0, 1.2)),
                List.of(new Coupling.Exchange("c", "m", 0.04), new Coupling.Exchange("m", "h", 0.03)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.0, 0.02),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 3.0, 0.01)));
    }

    /** X = a + a† of one site, embedded by Kronecker products with identities, the first site most significant. */
    private static ZMatrixRMaj coupling(Machine m, int site) {
        ZMatrixRMaj x = null;
        for (int s = 0; s < m.sites().size(); s++) {
            Site st = m.sites().get(s);
            int n = st.levels().length;
            ZMatrixRMaj f = new ZMatrixRMaj(n, n);
            for (int l = 0; l < n; l++) {
                if (s != site) {
                    f.set(l, l, 1, 0);
                } else if (l + 1 < n) {
                    double w = st.ladder() == Ladder.HARMONIC ? Math.sqrt(l + 1.0) : 1.0;
                    f.set(l, l + 1, w, 0);
                    f.set(l + 1, l, w, 0);
                }
            }
            x = x == null ? f : Ops.kron(x, f);
        }
        return x;
    }

    /** D_k(ρ) by the double sum over single-eigenstate components, from scratch. */
    private static ZMatrixRMaj dissipate(Machine m, int k, ZMatrixRMaj rho) {
        ZMatrixRMaj h = m.hamiltonian();
        int d = h.numRows;
        DMatrixRMaj real = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(0.0, h.getImag(i, j), "the machines here have real H");
                real.set(i, j, h.getReal(i, j));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        assertTrue(eig.decompose(real));
        double[] e = new double[d];
        List<DMatrixRMaj> v = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            e[a] = eig.getEigenvalue(a).getReal();
            v.add(eig.getEigenVector(a));
        }
        MachineBath bath = m.baths().get(k);
        Site site = m.sites().stream().filter(s -> s.name().equals(bath.site())).findFirst().orElseThrow();
        double w1 = site.levels()[1] - site.levels()[0];
        ZMatrixRMaj x = coupling(m, m.sites().indexOf(site));
        List<ZMatrixRMaj> comps = new ArrayList<>();
        List<double[]> rates = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double omega = e[b] - e[a];
                if (omega <= 1e-9) {
                    continue;
                }
                double xab = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        xab += v.get(a).get(i) * x.getReal(i, j) * v.get(b).get(j);
                    }
                }
                ZMatrixRMaj c = new ZMatrixRMaj(d, d);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        c.set(i, j, v.get(a).get(i) * xab * v.get(b).get(j), 0);
                    }
                }
                double gamma = bath.rate() * Math.pow(omega / w1, bath.spectralExponent());
                double n = bath.temperature() == 0 ? 0 : 1 / Math.expm1(omega / bath.temperature());
                comps.add(c);
                rates.add(new double[] {gamma * (1 + n), gamma * n});
            }
        }
        ZMatrixRMaj sum = new ZMatrixRMaj(d, d);
        for (int p = 0; p < comps.size(); p++) {
            ZMatrixRMaj a = comps.get(p);
            ZMatrixRMaj ad = Ops.dagger(a);
            double down = rates.get(p)[0];
            double up = rates.get(p)[1];
            for (ZMatrixRMaj b : comps) {
                ZMatrixRMaj bd = Ops.dagger(b);
                ZMatrixRMaj t = Ops.add(1, Ops.mult(a, rho, bd), 1, Ops.mult(b, rho, ad));
                t = Ops.add(1, t, -1, Ops.add(1, Ops.mult(bd, a, rho), 1, Ops.mult(rho, ad, b)));
                sum = Ops.add(1, sum, 0.5 * down, t);
                ZMatrixRMaj s = Ops.add(1, Ops.mult(ad, rho, b), 1, Ops.mult(bd, rho, a));
                s = Ops.add(1, s, -1, Ops.add(1, Ops.mult(b, ad, rho), 1, Ops.mult(rho, a, bd)));
                sum = Ops.add(1, sum, 0.5 * up, s);
            }
        }
        return sum;
    }

    private static ZMatrixRMaj randomHermitian(SplittableRandom r, int d) {
        ZMatrixRMaj m = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            m.set(i, i, r.nextDouble(), 0);
            for (int j = i + 1; j < d; j++) {
                double re = r.nextDouble() - 0.5;
                double im = r.nextDouble() - 0.5;
                m.set(i, j, re, im);
                m.set(j, i, re, -im);
            }
        }
        return m;
    }

    @Test
    void dissipatorsAreTheNonSecularSumOverComponents() {
        SplittableRandom r = new SplittableRandom(11);
        for (Machine m : List.of(harmonicQutrit(), detunedChain())) {
            MachineRedfield redfield = new MachineRedfield(m);
            for (int k = 0; k < m.baths().size(); k++) {
                ZMatrixRMaj rho = randomHermitian(r, m.dimension());
                ZMatrixRMaj expected = dissipate(m, k, rho);
                double scale = Math.max(1e-300, maxAbs(expected));
                assertTrue(Ops.maxAbsDiff(expected, redfield.dissipate(k, rho)) <= 1e-12 * scale,
                        m.sites() + " bath " + k);
            }
            // Trace preserved, so the steady state is a state.
            ZMatrixRMaj rho = redfield.steadyState();
            assertEquals(1.0, Ops.traceRe(rho), 1e-12);
        }
    }

    @Test
    void theFluxMachineGivesThePresetsGenerator() {
        FluxModel flux = new FluxModel(1, 2.5e-3, new Bath(0.05, 1e-2), new Bath(0.3, 4e-3));
        DMatrixRMaj expected = new BlochRedfield(flux).matrix();
        DMatrixRMaj actual = new MachineRedfield(MachinePresets.of(flux)).generator(new HermitianBasis(4));
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < expected.data.length; i++) {
            scale = Math.max(scale, Math.abs(expected.data[i]));
            diff = Math.max(diff, Math.abs(expected.data[i] - actual.data[i]));
        }
        assertTrue(diff <= 1e-12 * scale, "max difference " + diff);
    }

    @Test
    void otherBathKindsAreRefused() {
        Machine reset = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "h", 0.01)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.0, 0.02),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 0.01)));
        assertThrows(IllegalArgumentException.class, () -> new MachineRedfield(reset));
    }

    private static double maxAbs(ZMatrixRMaj a) {
        double m = 0;
        for (double x : a.data) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
