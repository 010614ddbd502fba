package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The distinct sizes of quantum each bath's channels move (E in the reset and flux models; E and E + U in the double
 * dot), in increasing order, and a bound on how many of them a trajectory can plausibly move. One table for every
 * quantity that counts quanta, so that they classify a jump the same way.
 */
final class BathQuanta {
    private final double[][] sizes = new double[2][];
    private final double[] rates = new double[2];

    BathQuanta(Model model) {
        for (Side side : Side.values()) {
            List<Double> found = new ArrayList<>();
            for (Jump j : model.jumps()) {
                double e = Math.abs(j.energy());
                if (j.side() == side && e != 0) {
                    rates[side.ordinal()] += j.rate();
                    if (!found.contains(e)) {
                        found.add(e);
                    }
                }
            }
            found.sort(null);
            sizes[side.ordinal()] = found.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** @return the sizes of quantum of that bath, increasing (a new array) */
    double[] sizes(Side side) {
        return sizes[side.ordinal()].clone();
    }

    /**
     * @param side the bath
     * @param energy a jump's energy, ≠ 0
     * @return the index of its size in {@link #sizes(Side)}
     */
    int index(Side side, double energy) {
        double a = Math.abs(energy);
        double[] e = sizes[side.ordinal()];
        int c = 0;
        while (e[c] != a) {
            c++;
        }
        return c;
    }

    /**
     * A count of jumps of the bath during [0, t] that no trajectory exceeds in practice. Each channel jumps at most at
     * its rate γ_j (its intensity is γ_j⟨A_j†A_j⟩ with A_j†A_j a projector; a collision happens with probability at
     * most γ_jΔt per step), so the count is dominated by a Poisson variable of mean μ = Σ_j γ_j t, which exceeds
     * μ + 12√μ + 64 with probability below 1e-30.
     *
     * @param side the bath
     * @param t the time span
     * @return the bound
     */
    double countBound(Side side, double t) {
        double mu = rates[side.ordinal()] * t;
        return mu + 12 * Math.sqrt(mu) + 64;
    }
}
