package qtm.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The double quantum dot, eq. (15) with the inter-dot Coulomb energy U. Tunnelling into dot k costs E when the other
 * dot is empty and E + U when it is full, so each dot has two channel pairs resolved by the other dot's occupation:
 * σ⁺_k⊗|o⟩⟨o| at Γ_k n_F(E + oU, T_k) and σ⁻_k⊗|o⟩⟨o| at Γ_k (1 − n_F(E + oU, T_k)). Energies are measured from the
 * leads' common chemical potential.
 *
 * @param energy E
 * @param g tunnel coupling
 * @param u Coulomb energy U ≥ 0
 * @param cold cold lead (rate Γ_c)
 * @param hot hot lead (rate Γ_h)
 */
public record DotModel(double energy, double g, double u, Bath cold, Bath hot) implements Model {
    /** @throws IllegalArgumentException on invalid parameters or parameters outside {@link ValidRange} */
    public DotModel {
        Model.check(energy, g, cold, hot);
        if (!(u >= 0) || !Double.isFinite(u)) {
            throw new IllegalArgumentException("U must be finite and >= 0, got " + u);
        }
        ValidRange.checkCoulomb(energy, u);
        ValidRange.checkRate(energy, Side.COLD, cold.rate());
        ValidRange.checkRate(energy, Side.HOT, hot.rate());
        ValidRange.checkScales(energy, g, cold.rate(), hot.rate(), 1, 1);
    }

    @Override
    public Model with(double g, Bath cold, Bath hot) {
        return new DotModel(energy, g, u, cold, hot);
    }

    @Override
    public String type() {
        return "dqd";
    }

    @Override
    public Model withCoulomb(double u) {
        return new DotModel(energy, g, u, cold, hot);
    }

    @Override
    public double coulomb() {
        return u;
    }

    @Override
    public List<Jump> jumps() {
        List<Jump> jumps = new ArrayList<>(8);
        for (Side side : Side.values()) {
            Bath b = bath(side);
            char s = side.key().charAt(0);
            for (int other = 0; other < 2; other++) {
                double omega = energy + other * u;
                jumps.add(new Jump(side, TwoQubits.conditioned(side, 0, 1, other),
                        b.rate() * Thermal.fermiHole(omega, b.temperature()), omega, s + "-|" + other));
                jumps.add(new Jump(side, TwoQubits.conditioned(side, 1, 0, other),
                        b.rate() * Thermal.fermi(omega, b.temperature()), -omega, s + "+|" + other));
            }
        }
        return jumps;
    }
}
