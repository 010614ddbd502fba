package qtm.observe;

import java.util.List;
import qtm.model.Model;
import qtm.model.Side;

/**
 * Heat currents by the formula Q_k = Σ_j γ_j ω_j ⟨A_j†A_j⟩ over bath k's channels, evaluated on each trajectory's
 * state: linear in ρ, so the mean over trajectories is the formula on ρ̄. The functional is {@link Heat#weights}
 * (and, for global channels, {@link Heat#coherenceWeights}), the same that {@link Heat#of} applies to a density
 * matrix.
 */
public final class HeatFormula implements StateQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "heat_formula";
    private final double[][] weights;
    private final double[] coherence;
    private final double[] quanta = new double[2];

    /**
     * @param model the machine
     */
    public HeatFormula(Model model) {
        this.weights = Heat.weights(model);
        this.coherence = Heat.coherenceWeights(model);
        for (int s = 0; s < 2; s++) {
            double bound = 0;
            for (double x : weights[s]) {
                bound = Math.max(bound, Math.abs(x));
            }
            // |⟨ψ|W|ψ⟩| ≤ max_i |w_i| + |x| (Gershgorin); the local channels have x = 0.
            bound += Math.abs(coherence[s]);
            quanta[s] = Quantity.quantumFor(bound);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return List.of(Estimates.heatFormula(Side.COLD), Estimates.heatFormula(Side.HOT));
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
        return Column.perSide(side -> Column.Mean.of(Estimates.heatFormula(side), side.ordinal()));
    }

    /**
     * @return true if the functional has a coherence term (global channels): the {@code Bench} baseline, which
     *     writes the populations' terms only, cannot mirror it then
     */
    public boolean hasCoherence() {
        return coherence[0] != 0 || coherence[1] != 0;
    }

    /** @return per bath (cold, hot) the weights of the four populations (new arrays) */
    public double[][] weights() {
        return new double[][] {weights[0].clone(), weights[1].clone()};
    }

    @Override
    public StateRecorder recorder() {
        double[] wc = weights[0].clone();
        double[] wh = weights[1].clone();
        // For local channels x = 0, and q + 0·c is q to the bit: one recorder serves both.
        double xc = 2 * coherence[0];
        double xh = 2 * coherence[1];
        return new StateRecorder() {
            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                double qc = 0;
                double qh = 0;
                for (int i = 0; i < 4; i++) {
                    double p = re[i] * re[i] + im[i] * im[i];
                    qc += wc[i] * p;
                    qh += wh[i] * p;
                }
                double c = re[1] * re[2] + im[1] * im[2];
                out[o] = qc + xc * c;
                out[o + 1] = qh + xh * c;
            }

            /** Linear in ρ: the same functional on ρ's diagonal and Re ρ_01,10 (issue 29's mixed states). */
            @Override
            public void mixed(int k, double[] re, double[] im, double[] out, int o) {
                double qc = 0;
                double qh = 0;
                for (int i = 0; i < 4; i++) {
                    qc += wc[i] * re[5 * i];
                    qh += wh[i] * re[5 * i];
                }
                out[o] = qc + xc * re[6];
                out[o + 1] = qh + xh * re[6];
            }
        };
    }
}
