package qtm.observe;

import java.util.List;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.Side;

/**
 * Heat currents by the formula Q_k = Σ_j γ_j ω_j ⟨A_j†A_j⟩ over bath k's channels, evaluated on each trajectory's
 * state: linear in ρ, so the mean over trajectories is the formula on ρ̄. The one definition of that functional for
 * ensembles; {@link Heat#of} is the same on a density matrix.
 */
public final class HeatFormula implements Quantity {
    private final double[][] weights = new double[2][4];
    private final double[] quanta = new double[2];

    /**
     * @param model the machine
     */
    public HeatFormula(Model model) {
        // A diagonal functional of ρ: one weight per basis state and bath.
        for (Jump j : model.jumps()) {
            double[] w = weights[j.side().ordinal()];
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 4; r++) {
                    double a = j.operator().getReal(r, c);
                    double b = j.operator().getImag(r, c);
                    w[c] += j.rate() * j.energy() * (a * a + b * b);
                }
            }
        }
        for (int s = 0; s < 2; s++) {
            double bound = 0;
            for (double x : weights[s]) {
                bound = Math.max(bound, Math.abs(x));
            }
            quanta[s] = Quantity.quantumFor(bound);
        }
    }

    @Override
    public String name() {
        return "heat_formula";
    }

    @Override
    public List<String> slots() {
        return List.of("heat_cold", "heat_hot");
    }

    @Override
    public double quantum(int slot) {
        return quanta[slot];
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.Mean.of("heat_cold", 0), Column.Mean.of("heat_hot", 1));
    }

    @Override
    public Recorder recorder() {
        double[] wc = weights[0].clone();
        double[] wh = weights[1].clone();
        return new Recorder() {
            @Override
            public void begin() {
            }

            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                double qc = 0;
                double qh = 0;
                for (int i = 0; i < 4; i++) {
                    double p = re[i] * re[i] + im[i] * im[i];
                    qc += wc[i] * p;
                    qh += wh[i] * p;
                }
                out[o] = qc;
                out[o + 1] = qh;
            }

            @Override
            public void jump(int channel, Side side, double energy, double time) {
            }
        };
    }
}
