package qtm.observe;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * The fidelity |⟨t|ψ⟩|² of each trajectory's pure state with a target ket (issue 24's {@code observe.target}): its
 * mean is ⟨t|ρ̄|t⟩, the fidelity of the mean state, since it is linear in |ψ⟩⟨ψ|.
 */
public final class Fidelity extends PerTrajectory {
    /** Its name in saved ensembles, and that of its one slot and column. */
    public static final String NAME = "fidelity";

    private final double[] re;
    private final double[] im;

    /**
     * @param target the normalised target ket, d×1
     */
    public Fidelity(ZMatrixRMaj target) {
        super(NAME);
        int d = target.numRows;
        this.re = new double[d];
        this.im = new double[d];
        for (int i = 0; i < d; i++) {
            re[i] = target.getReal(i, 0);
            im[i] = target.getImag(i, 0);
        }
    }

    @Override
    public List<Column> columns() {
        // In [0, 1] and carried by the trajectories that visit the target, as a population is.
        return List.of(new Column.Mean(NAME, 0, 1, Column.Rare.POPULATION, 0));
    }

    @Override
    public StateRecorder recorder() {
        double[] tr = re;
        double[] ti = im;
        return new StateRecorder() {
            @Override
            public void state(int k, double[] pr, double[] pi, double[] out, int o) {
                // ⟨t|ψ⟩ = Σ conj(t_i) ψ_i.
                double sr = 0;
                double si = 0;
                for (int i = 0; i < tr.length; i++) {
                    sr += tr[i] * pr[i] + ti[i] * pi[i];
                    si += tr[i] * pi[i] - ti[i] * pr[i];
                }
                out[o] = sr * sr + si * si;
            }

            /** ⟨t|ρ|t⟩ = Σ_ij conj(t_i) ρ_ij t_j, real for Hermitian ρ (issue 29's mixed conditional states). */
            @Override
            public void mixed(int k, double[] rr, double[] ri, double[] out, int o) {
                int d = tr.length;
                double f = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        // Re[(tr_i − i ti_i)(rr_ij + i ri_ij)(tr_j + i ti_j)].
                        double ar = tr[i] * rr[i * d + j] + ti[i] * ri[i * d + j];
                        double ai = tr[i] * ri[i * d + j] - ti[i] * rr[i * d + j];
                        f += ar * tr[j] - ai * ti[j];
                    }
                }
                out[o] = f;
            }
        };
    }
}
