package qtm.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The collision (reset) model of eq. (3): at rate p_k qubit k is replaced by the thermal state τ_k. In Lindblad form
 * its channels are √(p_k r_{k,i}) |i⟩⟨j| on qubit k, with r_{k,0} = r_k and r_{k,1} = 1 − r_k.
 *
 * @param energy E
 * @param g coupling
 * @param cold cold bath (rate p_c)
 * @param hot hot bath (rate p_h)
 */
public record ResetModel(double energy, double g, Bath cold, Bath hot) implements Model {
    /** @throws IllegalArgumentException on invalid parameters or parameters outside {@link ValidRange} */
    public ResetModel {
        Model.check(energy, g, cold, hot);
        ValidRange.checkRate(energy, Side.COLD, cold.rate());
        ValidRange.checkRate(energy, Side.HOT, hot.rate());
        ValidRange.checkScales(energy, g, cold.rate(), hot.rate(), 1, 1);
    }

    @Override
    public Model with(double g, Bath cold, Bath hot) {
        return new ResetModel(energy, g, cold, hot);
    }

    @Override
    public String type() {
        return "reset";
    }

    /**
     * @param side cold or hot
     * @return r_k = 1/(1 + e^{−E/T_k}), the ground-state probability of τ_k
     */
    public double groundProbability(Side side) {
        return Thermal.groundProbability(energy, bath(side).temperature());
    }

    @Override
    public List<Jump> jumps() {
        List<Jump> jumps = new ArrayList<>(8);
        for (Side side : Side.values()) {
            double p = bath(side).rate();
            double r = groundProbability(side);
            double[] weight = {r, 1 - r};
            String s = side.key().substring(0, 1);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    // A reset to |i> from |j> moves (j - i)·E into the bath.
                    jumps.add(new Jump(side, TwoQubits.local(side, i, j), p * weight[i], (j - i) * energy,
                            s + ":" + i + "<-" + j));
                }
            }
        }
        return jumps;
    }
}
