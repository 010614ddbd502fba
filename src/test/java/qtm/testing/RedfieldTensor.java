package qtm.testing;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import qtm.math.HermitianBasis;
import qtm.model.BathSpectrum;
import qtm.model.BathSpectra;
import qtm.model.Side;

/** An independent Bloch–Redfield generator for the tests: QuTiP's tensor formula, element by element. */
public final class RedfieldTensor {
    private RedfieldTensor() {
    }

    /**
     * The generator from the Redfield tensor in the eigenbasis, element by element, as QuTiP's brmesolve builds it,
     * with eigenvectors from EJML's symmetric solver rather than the closed form. The formula is QuTiP's for one
     * coupling operator S with noise spectrum J, with S*_na in place of S_an because S is not Hermitian:
     * R_abcd = ½ S_ac S*_bd [J(ω_ca) + J(ω_db)] − ½ δ_bd Σ_n S*_na S_nc J(ω_cn) − ½ δ_ac Σ_n S*_nd S_nb J(ω_dn),
     * ω_mn = ε_m − ε_n, summed over S = A_k and S = A_k† for each bath, with J(ω) = γ↓(ω) for ω &gt; 0 and γ↑(−ω)
     * for ω &lt; 0. (QuTiP with the Hermitian A + A† would also couple A to A, terms that the rotating-wave coupling
     * A⊗B† + A†⊗B has no correlation function for.)
     *
     * @param m a flux or dot machine
     * @param sides the baths whose dissipators are included
     * @param hamiltonian whether −i[H, ρ] is included
     * @return the real 16×16 generator in the coordinates of HermitianBasis
     */
    public static DMatrixRMaj generator(BathSpectra m, List<Side> sides, boolean hamiltonian) {
        DMatrixRMaj h = new DMatrixRMaj(4, 4);
        ZMatrixRMaj hz = m.hamiltonian();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                h.set(i, j, hz.getReal(i, j));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(4, true, true);
        if (!eig.decompose(h.copy())) {
            throw new IllegalStateException("eigendecomposition failed");
        }
        double[] e = new double[4];
        double[][] v = new double[4][4];
        for (int n = 0; n < 4; n++) {
            e[n] = eig.getEigenvalue(n).getReal();
            DMatrixRMaj col = eig.getEigenVector(n);
            for (int i = 0; i < 4; i++) {
                v[i][n] = col.get(i);
            }
        }
        // R as a complex 16×16 on the eigenbasis vectorisation, index a·4 + b.
        double[][] re = new double[16][16];
        double[][] im = new double[16][16];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                im[4 * a + b][4 * a + b] -= hamiltonian ? e[a] - e[b] : 0;
            }
        }
        for (Side side : sides) {
            ZMatrixRMaj coupling = m.coupling(side);
            BathSpectrum sp = m.spectrum(side);
            for (boolean adjoint : new boolean[] {false, true}) {
                double[][] s = new double[4][4];
                for (int p = 0; p < 4; p++) {
                    for (int q = 0; q < 4; q++) {
                        double x = 0;
                        for (int i = 0; i < 4; i++) {
                            for (int j = 0; j < 4; j++) {
                                double aij = adjoint ? coupling.getReal(j, i) : coupling.getReal(i, j);
                                x += v[i][p] * aij * v[j][q];
                            }
                        }
                        s[p][q] = x;
                    }
                }
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        for (int c = 0; c < 4; c++) {
                            for (int d = 0; d < 4; d++) {
                                double r = 0.5 * s[a][c] * s[b][d] * (j(sp, e[c] - e[a]) + j(sp, e[d] - e[b]));
                                if (b == d) {
                                    for (int n = 0; n < 4; n++) {
                                        r -= 0.5 * s[n][a] * s[n][c] * j(sp, e[c] - e[n]);
                                    }
                                }
                                if (a == c) {
                                    for (int n = 0; n < 4; n++) {
                                        r -= 0.5 * s[n][d] * s[n][b] * j(sp, e[d] - e[n]);
                                    }
                                }
                                re[4 * a + b][4 * c + d] += r;
                            }
                        }
                    }
                }
            }
        }
        // Back to the computational basis: L(ρ) = V R(VᵀρV) Vᵀ, column by column of the Hermitian coordinates.
        HermitianBasis basis = new HermitianBasis(4);
        DMatrixRMaj out = new DMatrixRMaj(16, 16);
        double[] column = new double[16];
        for (int k = 0; k < 16; k++) {
            ZMatrixRMaj rho = basis.element(k);
            double[] pr = new double[16];
            double[] pi = new double[16];
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    for (int i = 0; i < 4; i++) {
                        for (int j = 0; j < 4; j++) {
                            pr[4 * a + b] += v[i][a] * rho.getReal(i, j) * v[j][b];
                            pi[4 * a + b] += v[i][a] * rho.getImag(i, j) * v[j][b];
                        }
                    }
                }
            }
            ZMatrixRMaj dr = new ZMatrixRMaj(4, 4);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    double xr = 0;
                    double xi = 0;
                    for (int cd = 0; cd < 16; cd++) {
                        xr += re[4 * a + b][cd] * pr[cd] - im[4 * a + b][cd] * pi[cd];
                        xi += re[4 * a + b][cd] * pi[cd] + im[4 * a + b][cd] * pr[cd];
                    }
                    dr.set(a, b, xr, xi);
                }
            }
            ZMatrixRMaj back = new ZMatrixRMaj(4, 4);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double xr = 0;
                    double xi = 0;
                    for (int a = 0; a < 4; a++) {
                        for (int b = 0; b < 4; b++) {
                            xr += v[i][a] * dr.getReal(a, b) * v[j][b];
                            xi += v[i][a] * dr.getImag(a, b) * v[j][b];
                        }
                    }
                    back.set(i, j, xr, xi);
                }
            }
            basis.coordinates(back, column);
            for (int r = 0; r < 16; r++) {
                out.set(r, k, column[r]);
            }
        }
        return out;
    }

    /** The noise spectrum: emission at positive frequencies, absorption at negative ones. */
    private static double j(BathSpectrum sp, double omega) {
        if (Math.abs(omega) < 1e-12) {
            // No coupling element connects equal levels (A changes the particle number), so this is never weighted.
            return 0;
        }
        return omega > 0 ? sp.emission(omega) : sp.absorption(-omega);
    }

}
