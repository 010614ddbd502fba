package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Bipartite;
import qtm.math.Bipartition;

/**
 * The negativity of every bipartition of each trajectory's conditional state (issue 29): its mean along the
 * trajectories depends on the unravelling (jumps or homodyne detection), while N(ρ̄) does not, and lies above N(ρ̄)
 * by convexity. One column per bipartition, {@code conditional_negativity_c_vs_h}, beside the machine's
 * {@code negativity_c_vs_h} of ρ̄. The state is pure (ψ) under the jump engine and the diffusive engine at η = 1, a
 * density matrix under the diffusive engine at η &lt; 1; both are read.
 */
public final class ConditionalNegativity implements StateQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "conditional_negativity";

    private final List<Bipartition> bipartitions;
    private final int[] dims;
    private final int d;
    private final double quantum;

    /**
     * @param sites the machine's sites (at least two)
     * @throws IllegalArgumentException for a machine of one site, which has no bipartition
     */
    public ConditionalNegativity(SiteObservables sites) {
        if (sites.bipartitions().isEmpty()) {
            throw new IllegalArgumentException("a machine of one site has no bipartition");
        }
        this.bipartitions = sites.bipartitions();
        this.dims = sites.dims();
        this.d = sites.dimension();
        // N ≤ (min(d_A, d_B) − 1)/2 < d/2.
        this.quantum = Quantity.quantumFor(d / 2.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        List<String> out = new ArrayList<>();
        for (Bipartition p : bipartitions) {
            out.add(column(p));
        }
        return out;
    }

    /**
     * @param p a bipartition
     * @return its column, e.g. {@code conditional_negativity_c_vs_h}
     */
    public static String column(Bipartition p) {
        return p.column(NAME);
    }

    @Override
    public double quantum(int slot) {
        return quantum;
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < bipartitions.size(); i++) {
            out.add(Column.Mean.of(column(bipartitions.get(i)), i));
        }
        return out;
    }

    @Override
    public StateRecorder recorder() {
        return new StateRecorder() {
            private final ZMatrixRMaj rho = new ZMatrixRMaj(d, d);

            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                // ρ = |ψ⟩⟨ψ|, ρ_ij = ψ_i ψ_j*.
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        rho.data[2 * (i * d + j)] = re[i] * re[j] + im[i] * im[j];
                        rho.data[2 * (i * d + j) + 1] = im[i] * re[j] - re[i] * im[j];
                    }
                }
                write(out, o);
            }

            @Override
            public void mixed(int k, double[] re, double[] im, double[] out, int o) {
                for (int i = 0; i < d * d; i++) {
                    rho.data[2 * i] = re[i];
                    rho.data[2 * i + 1] = im[i];
                }
                write(out, o);
            }

            private void write(double[] out, int o) {
                for (int b = 0; b < bipartitions.size(); b++) {
                    out[o + b] = Bipartite.negativity(rho, dims, bipartitions.get(b).firstSites());
                }
            }
        };
    }
}
