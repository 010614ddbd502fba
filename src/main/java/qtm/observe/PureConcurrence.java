package qtm.observe;

import java.util.List;

/**
 * The concurrence 2|ψ₀₀ψ₁₁ − ψ₀₁ψ₁₀| of each trajectory's pure state: its mean is a property of the unravelling,
 * not of ρ̄, and lies above C(ρ̄).
 */
public final class PureConcurrence implements Quantity {
    @Override
    public String name() {
        return "pure_concurrence";
    }

    @Override
    public List<String> slots() {
        return List.of("pure_concurrence");
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
        return List.of(Column.Mean.of("pure_concurrence", 0));
    }

    @Override
    public Recorder recorder() {
        return new Recorder() {
            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                double detRe = re[0] * re[3] - im[0] * im[3] - (re[1] * re[2] - im[1] * im[2]);
                double detIm = re[0] * im[3] + im[0] * re[3] - (re[1] * im[2] + im[1] * re[2]);
                out[o] = 2 * Math.sqrt(detRe * detRe + detIm * detIm);
            }
        };
    }
}
