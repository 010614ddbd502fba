package qtm.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Products x_i x_j (i ≥ j) of the {@link RhoElements} coordinates at the final time: with the means of those
 * coordinates they give the full sample covariance of ρ̄(t_final), which the χ² verdict needs.
 */
public final class FinalProducts implements FinalQuantity {
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
    public double quantum(int slot) {
        return Quantity.quantumFor(1);
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
    public FinalRecorder recorder() {
        double[] x = new double[D];
        return (re, im, out, o) -> {
            RhoElements.write(re[0], im[0], re[1], im[1], re[2], im[2], re[3], im[3], x, 0);
            products(x, out, o);
        };
    }

    /**
     * Writes the products x_i x_j (i ≥ j) in slot order.
     *
     * @param x the 16 coordinates
     * @param out where to write
     * @param o index of the first product in {@code out}
     */
    public static void products(double[] x, double[] out, int o) {
        int m = o;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j <= i; j++) {
                out[m++] = x[i] * x[j];
            }
        }
    }
}
