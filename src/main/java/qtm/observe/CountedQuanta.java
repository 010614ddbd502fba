package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;

/**
 * How the counting quantities ({@link NetCounts}, {@link CountHistogram}) read a jump, by bath index: its count ν
 * (+1, −1 or 0) and the class of the energy it moves per quantum counted, so that Q_k = Σ_i e_i n_i over the classes
 * of bath k. A preset's jump counts the sign of its energy and its class is |energy| ({@link BathQuanta}), as before
 * machines existed; a machine's channel counts {@link MachineChannel#count()} and moves
 * {@link MachineChannel#heat()} (less μ per electron for a fermionic bath), so its class is heat·ν, which may be of
 * either sign and is looked up by the channel, not by the energy the engine reports.
 */
final class CountedQuanta {
    private final List<String> names;
    private final double[][] sizes;
    private final double[] rates;
    /** Per channel ν and class, or null for a preset (read from the jump's energy). */
    private final int[] nu;
    private final int[] size;
    private final BathQuanta preset;

    private CountedQuanta(List<String> names, double[][] sizes, double[] rates, int[] nu, int[] size,
            BathQuanta preset) {
        this.names = List.copyOf(names);
        this.sizes = sizes;
        this.rates = rates;
        this.nu = nu;
        this.size = size;
        this.preset = preset;
    }

    /** A preset's two baths, cold and hot. */
    static CountedQuanta of(Model model) {
        BathQuanta q = new BathQuanta(model);
        int baths = q.names().size();
        double[][] sizes = new double[baths][];
        double[] rates = new double[baths];
        for (int k = 0; k < baths; k++) {
            sizes[k] = q.sizes(k);
            rates[k] = q.rate(k);
        }
        return new CountedQuanta(q.names(), sizes, rates, null, null, q);
    }

    /**
     * A machine's baths in file order.
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     */
    static CountedQuanta of(Machine machine, List<MachineChannel> channels) {
        int baths = machine.baths().size();
        List<List<Double>> found = new ArrayList<>();
        double[] rates = new double[baths];
        for (int k = 0; k < baths; k++) {
            found.add(new ArrayList<>());
        }
        for (MachineChannel c : channels) {
            double e = c.heat() * c.count();
            if (c.count() != 0) {
                rates[c.bath()] += c.rate();
                if (!found.get(c.bath()).contains(e)) {
                    found.get(c.bath()).add(e);
                }
            }
        }
        double[][] sizes = new double[baths][];
        for (int k = 0; k < baths; k++) {
            found.get(k).sort(null);
            sizes[k] = found.get(k).stream().mapToDouble(Double::doubleValue).toArray();
        }
        int[] nu = new int[channels.size()];
        int[] size = new int[channels.size()];
        for (int j = 0; j < channels.size(); j++) {
            MachineChannel c = channels.get(j);
            nu[j] = c.count();
            size[j] = c.count() == 0 ? -1 : found.get(c.bath()).indexOf(c.heat() * c.count());
        }
        return new CountedQuanta(machine.bathNames(), sizes, rates, nu, size, null);
    }

    /** @return the baths' names, in bath order */
    List<String> names() {
        return names;
    }

    /** @return the classes of energy per quantum of bath k, increasing (a new array) */
    double[] sizes(int bath) {
        return sizes[bath].clone();
    }

    /**
     * @param channel the jump's channel
     * @param energy the energy the engine reports it moves into its bath
     * @return its count ν: +1, −1, or 0 for a jump that is not counted
     */
    int nu(int channel, double energy) {
        if (nu != null) {
            return nu[channel];
        }
        return energy == 0 ? 0 : IntegerCounts.direction(energy);
    }

    /**
     * @param channel the jump's channel, counted (ν ≠ 0)
     * @param bath its bath
     * @param energy the energy the engine reports
     * @return the index of its class in {@link #sizes(int)}
     */
    int index(int channel, int bath, double energy) {
        return size != null ? size[channel] : preset.index(bath, energy);
    }

    /**
     * A count of the bath's quanta over [0, t] that no trajectory exceeds in practice: a Poisson bound on the jumps of
     * total rate Σ_j γ_j ({@link BathQuanta#countBound}).
     *
     * @param bath the bath
     * @param t the time span
     * @return the bound
     */
    double countBound(int bath, double t) {
        return BathQuanta.bound(rates[bath] * t);
    }
}
