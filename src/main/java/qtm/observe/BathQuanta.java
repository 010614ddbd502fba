package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.Jump;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The distinct sizes of quantum each bath's channels move (E in the reset and flux models; E and E + U in the double
 * dot), in increasing order, and a bound on how many of them a trajectory can plausibly move. One table for every
 * quantity that counts quanta, so that they classify a jump the same way.
 */
final class BathQuanta {
    private final List<String> names;
    private final double[][] sizes;
    private final double[] rates;

    BathQuanta(Model model) {
        this(List.of(Side.COLD.key(), Side.HOT.key()), model.jumps().stream()
                .map(j -> new Quantum(j.side().bath(), j.energy(), j.rate())).toList());
    }

    /**
     * A machine's: its channels move their heat into their bath.
     *
     * @param machine the machine
     * @param channels its channels (as from {@code Machine.channels})
     */
    BathQuanta(Machine machine, List<MachineChannel> channels) {
        this(machine.bathNames(), channels.stream().map(c -> new Quantum(c.bath(), c.heat(), c.rate())).toList());
    }

    /** One channel: its bath, the energy it moves into the bath, its rate. */
    private record Quantum(int bath, double energy, double rate) {
    }

    private BathQuanta(List<String> names, List<Quantum> channels) {
        this.names = List.copyOf(names);
        this.sizes = new double[names.size()][];
        this.rates = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            List<Double> found = new ArrayList<>();
            for (Quantum j : channels) {
                double e = Math.abs(j.energy());
                if (j.bath() == k && e != 0) {
                    rates[k] += j.rate();
                    if (!found.contains(e)) {
                        found.add(e);
                    }
                }
            }
            found.sort(null);
            sizes[k] = found.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** @return the baths' names, in bath order */
    List<String> names() {
        return names;
    }

    /** @return the sizes of quantum of bath k, increasing (a new array) */
    double[] sizes(int bath) {
        return sizes[bath].clone();
    }

    /**
     * @param bath the bath's index
     * @param energy a jump's energy, ≠ 0
     * @return the index of its size in {@link #sizes(int)}
     */
    int index(int bath, double energy) {
        double a = Math.abs(energy);
        double[] e = sizes[bath];
        int c = 0;
        while (e[c] != a) {
            c++;
        }
        return c;
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
        return countBound(side.ordinal(), t);
    }

    /**
     * As {@link #countBound(Side, double)}, for a machine's bath by index.
     *
     * @param bath the bath's index
     * @param t the time span
     * @return the bound
     */
    double countBound(int bath, double t) {
        return bound(rates[bath] * t);
    }

    /**
     * @param bath the bath's index
     * @return the total rate of its energy-moving channels
     */
    double rate(int bath) {
        return rates[bath];
    }

    /**
     * @param mu the mean of a Poisson variable
     * @return μ + 12√μ + 64, which it exceeds with probability below 1e-30
     */
    static double bound(double mu) {
        return mu + 12 * Math.sqrt(mu) + 64;
    }
}
