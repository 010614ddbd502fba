package qtm.exact;

import java.util.List;
import qtm.model.Side;

/**
 * The stationary fluctuations of every bath of a machine, keyed by bath name in file order (what {@code qtm fcs}
 * reports): per bath the cumulants of N_k and Q_k and the Fano factor; for the machine the entropy production rate
 * σ = Σ_k Q_k/T_k and the thermodynamic-uncertainty ratio Var(Q_1)·σ/⟨Q_1⟩² of the first bath. The presets'
 * {@link Fluctuations} is this with the baths cold and hot; the IEEE conventions are its: Q/0 is ±∞, 0/0 is NaN,
 * Q/∞ = 0 (a reset bath at T = ∞ adds nothing to σ). For a fermionic lead Q_k is the heat, energy less μ per
 * electron, so σ is the usual Σ_k (J_E,k − μ_k J_N,k)/T_k.
 *
 * @param names the bath names, in order
 * @param baths the statistics of each, in the same order
 * @param entropyProduction σ
 * @param tur Var(Q_1)·σ / ⟨Q_1⟩² per unit time, of the first bath
 */
public record MachineFluctuations(List<String> names, List<Fluctuations.Bath> baths, double entropyProduction,
        double tur) {
    /** @throws IllegalArgumentException if the names and statistics differ in number or there are none */
    public MachineFluctuations {
        names = List.copyOf(names);
        baths = List.copyOf(baths);
        if (names.size() != baths.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one statistics per bath name, and at least one bath");
        }
    }

    /**
     * @param names the bath names
     * @param baths their statistics
     * @param temperatures their temperatures, which weigh the heat in σ
     * @return the fluctuations, σ and the TUR ratio of the first bath
     */
    public static MachineFluctuations of(List<String> names, List<Fluctuations.Bath> baths, double[] temperatures) {
        double sigma = 0;
        for (int k = 0; k < baths.size(); k++) {
            sigma += baths.get(k).heat().current() / temperatures[k];
        }
        double q = baths.get(0).heat().current();
        return new MachineFluctuations(names, baths, sigma, baths.get(0).heat().noise() * sigma / (q * q));
    }

    /**
     * @param f a preset's fluctuations
     * @return the same numbers with the baths named cold and hot
     */
    public static MachineFluctuations of(Fluctuations f) {
        return new MachineFluctuations(List.of(Side.COLD.key(), Side.HOT.key()),
                List.of(f.bath(Side.COLD), f.bath(Side.HOT)), f.entropyProduction(), f.tur());
    }
}
