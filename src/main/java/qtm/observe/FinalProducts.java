package qtm.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Products x_i x_j (i ≥ j) of the {@link RhoElements} coordinates at the final time: with the means of those
 * coordinates they give the full sample covariance of ρ̄(t_final), which the χ² verdict needs.
 */
public final class FinalProducts implements Quantity {
    /** The name in files. */
    public static final String NAME = "rho_final_products";
    private static final int D = RhoElements.SIZE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < D; i++) {
            for (int j = 0; j <= i; j++) {
                names.add("x" + i + "_x" + j);
            }
        }
        return names;
    }

    @Override
    public boolean finalOnly() {
        return true;
    }

    @Override
    public double quantum(int slot) {
        return Quantity.quantumFor(1);
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public List<Column> columns() {
        return List.of();
    }

    /**
     * @param i row, ≥ j
     * @param j column
     * @return the slot of x_i x_j
     */
    public static int slot(int i, int j) {
        return i * (i + 1) / 2 + j;
    }

    @Override
    public Recorder recorder() {
        Recorder rho = new RhoElements().recorder();
        double[] x = new double[D];
        return new Recorder() {
            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                rho.state(k, re, im, x, 0);
                int m = o;
                for (int i = 0; i < D; i++) {
                    for (int j = 0; j <= i; j++) {
                        out[m++] = x[i] * x[j];
                    }
                }
            }
        };
    }
}
