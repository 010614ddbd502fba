package qtm.observe;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * The concurrence 2|ψ₀₀ψ₁₁ − ψ₀₁ψ₁₀| of each trajectory's pure state: its mean is a property of the unravelling,
 * not of ρ̄, and lies above C(ρ̄). Under the diffusive engine with η &lt; 1 (issue 29) the conditional state is mixed
 * and the column is the mean of its Wootters concurrence, still above C(ρ̄) by convexity.
 */
public final class PureConcurrence extends PerTrajectory {
    /** Its name in saved ensembles, and that of its one slot and column. */
    public static final String NAME = "pure_concurrence";

    /** The quantity. */
    public PureConcurrence() {
        super(NAME);
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.Mean.of(Estimates.pureConcurrence(), 0));
    }

    @Override
    public StateRecorder recorder() {
        return new StateRecorder() {
            private final ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);

            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                out[o] = of(re[0], im[0], re[1], im[1], re[2], im[2], re[3], im[3]);
            }

            /** Issue 29's mixed conditional state: Wootters' concurrence, which is the formula above on a pure ρ. */
            @Override
            public void mixed(int k, double[] re, double[] im, double[] out, int o) {
                for (int i = 0; i < 16; i++) {
                    rho.data[2 * i] = re[i];
                    rho.data[2 * i + 1] = im[i];
                }
                out[o] = Observables.concurrence(rho);
            }
        };
    }

    /**
     * The concurrence of a normalised pure state from its amplitudes ψ_m = r_m + i·i_m.
     *
     * @param r0 Re ψ₀₀
     * @param i0 Im ψ₀₀
     * @param r1 Re ψ₀₁
     * @param i1 Im ψ₀₁
     * @param r2 Re ψ₁₀
     * @param i2 Im ψ₁₀
     * @param r3 Re ψ₁₁
     * @param i3 Im ψ₁₁
     * @return 2|ψ₀₀ψ₁₁ − ψ₀₁ψ₁₀|
     */
    public static double of(double r0, double i0, double r1, double i1, double r2, double i2, double r3, double i3) {
        double detRe = r0 * r3 - i0 * i3 - (r1 * r2 - i1 * i2);
        double detIm = r0 * i3 + i0 * r3 - (r1 * i2 + i1 * r2);
        return 2 * Math.sqrt(detRe * detRe + detIm * detIm);
    }
}
