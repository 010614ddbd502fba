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
 * @param approach local (the paper's channels) or global (between eigenstates of H)
 * @param spectralExponent s of the spectral density Γ(ω) = Γ·(ω/E)^s
 */
public record DotModel(double energy, double g, double u, Bath cold, Bath hot, Approach approach,
        double spectralExponent) implements BathSpectra, CoulombEnergy {
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
        if (approach == null) {
            throw new IllegalArgumentException("the approach is required");
        }
        ValidRange.checkSpectralExponent(spectralExponent);
        if (spectralExponent != 0) {
            for (Side side : Side.values()) {
                BathSpectrum sp = BathSpectrum.of(true, side == Side.COLD ? cold : hot, energy, spectralExponent);
                double low = approach == Approach.GLOBAL ? energy - g : energy;
                double high = approach == Approach.GLOBAL ? energy + u + g : energy + u;
                ValidRange.checkBohrRates(energy, side, sp, low, high);
            }
        }
    }

    /**
     * The paper's model: local channels, flat spectral density.
     *
     * @param energy E
     * @param g tunnel coupling
     * @param u Coulomb energy
     * @param cold cold lead
     * @param hot hot lead
     */
    public DotModel(double energy, double g, double u, Bath cold, Bath hot) {
        this(energy, g, u, cold, hot, Approach.LOCAL, 0);
    }

    @Override
    public DotModel with(double g, Bath cold, Bath hot) {
        return new DotModel(energy, g, u, cold, hot, approach, spectralExponent);
    }

    @Override
    public DotModel withApproach(Approach approach, double spectralExponent) {
        return new DotModel(energy, g, u, cold, hot, approach, spectralExponent);
    }

    @Override
    public BathSpectrum spectrum(Side side) {
        return BathSpectrum.of(true, bath(side), energy, spectralExponent);
    }

    /**
     * The dot's annihilation operator in the Jordan–Wigner form: c_c = σ⁻ ⊗ 1 and c_h = (−1)^{n_c} ⊗ σ⁻, so that
     * the two anticommute as fermions must. The parity string only signs the hot dot's jumps from |1 1⟩, which
     * changes nothing in the local channels (a sign of a whole jump operator) but does in the global ones, where it
     * is summed with the jump from |0 1⟩.
     */
    @Override
    public org.ejml.data.ZMatrixRMaj coupling(Side side) {
        if (side == Side.COLD) {
            return TwoQubits.local(Side.COLD, 0, 1);
        }
        return qtm.math.Ops.add(1.0, TwoQubits.conditioned(Side.HOT, 0, 1, 0), -1.0,
                TwoQubits.conditioned(Side.HOT, 0, 1, 1));
    }

    @Override
    public String type() {
        return "dqd";
    }

    @Override
    public DotModel withCoulomb(double u) {
        return new DotModel(energy, g, u, cold, hot, approach, spectralExponent);
    }

    @Override
    public double coulomb() {
        return u;
    }

    @Override
    public List<Jump> jumps() {
        List<Jump> jumps = new ArrayList<>(8);
        if (approach == Approach.GLOBAL) {
            for (Side side : Side.values()) {
                jumps.addAll(SecularJumps.of(energy, g, u, side, coupling(side), spectrum(side)));
            }
            return jumps;
        }
        for (Side side : Side.values()) {
            BathSpectrum sp = spectrum(side);
            char s = side.key().charAt(0);
            for (int other = 0; other < 2; other++) {
                double omega = energy + other * u;
                jumps.add(new Jump(side, TwoQubits.conditioned(side, 0, 1, other), sp.emission(omega), omega,
                        s + "-|" + other));
                jumps.add(new Jump(side, TwoQubits.conditioned(side, 1, 0, other), sp.absorption(omega), -omega,
                        s + "+|" + other));
            }
        }
        return jumps;
    }
}
