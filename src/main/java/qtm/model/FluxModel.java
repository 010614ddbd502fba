package qtm.model;

import java.util.List;

/**
 * Superconducting flux qubits, eqs. (12)–(14): σ⁺_k at rate Γ_k n_B(E, T_k) and σ⁻_k at rate Γ_k (1 + n_B(E, T_k)).
 *
 * @param energy E
 * @param g coupling
 * @param cold cold bath (rate Γ_c)
 * @param hot hot bath (rate Γ_h)
 * @param approach local (the paper's channels) or global (between eigenstates of H)
 * @param spectralExponent s of the spectral density Γ(ω) = Γ·(ω/E)^s
 */
public record FluxModel(double energy, double g, Bath cold, Bath hot, Approach approach, double spectralExponent)
        implements BathSpectra {
    /**
     * @throws IllegalArgumentException on invalid parameters, including an infinite temperature, or parameters outside
     *         {@link ValidRange}
     */
    public FluxModel {
        Model.check(energy, g, cold, hot);
        for (Bath b : List.of(cold, hot)) {
            if (Double.isInfinite(b.temperature())) {
                throw new IllegalArgumentException(
                        "flux model needs finite temperatures: the bosonic rates diverge at T = inf");
            }
        }
        ValidRange.checkFluxBath(energy, Side.COLD, cold);
        ValidRange.checkFluxBath(energy, Side.HOT, hot);
        double fc = 2 * Thermal.bose(energy, cold.temperature()) + 1;
        double fh = 2 * Thermal.bose(energy, hot.temperature()) + 1;
        ValidRange.checkScales(energy, g, cold.rate() * fc, hot.rate() * fh, fc, fh);
        if (approach == null) {
            throw new IllegalArgumentException("the approach is required");
        }
        ValidRange.checkSpectralExponent(spectralExponent);
        if (approach == Approach.GLOBAL || spectralExponent != 0) {
            for (Side side : Side.values()) {
                BathSpectrum sp = BathSpectrum.of(false, side == Side.COLD ? cold : hot, energy, spectralExponent);
                ValidRange.checkBohrRates(energy, side, sp, energy - g, energy + g);
            }
        }
    }

    /**
     * The paper's model: local channels, flat spectral density.
     *
     * @param energy E
     * @param g coupling
     * @param cold cold bath
     * @param hot hot bath
     */
    public FluxModel(double energy, double g, Bath cold, Bath hot) {
        this(energy, g, cold, hot, Approach.LOCAL, 0);
    }

    @Override
    public FluxModel with(double g, Bath cold, Bath hot) {
        return new FluxModel(energy, g, cold, hot, approach, spectralExponent);
    }

    @Override
    public FluxModel withApproach(Approach approach, double spectralExponent) {
        return new FluxModel(energy, g, cold, hot, approach, spectralExponent);
    }

    @Override
    public BathSpectrum spectrum(Side side) {
        return BathSpectrum.of(false, bath(side), energy, spectralExponent);
    }

    @Override
    public double rateFactor(Side side) {
        return 1.0 + 2.0 * Thermal.bose(energy, bath(side).temperature());
    }

    @Override
    public String type() {
        return "flux";
    }

    @Override
    public List<Jump> jumps() {
        if (approach == Approach.GLOBAL) {
            List<Jump> jumps = new java.util.ArrayList<>(SecularJumps.of(energy, g, 0, Side.COLD, coupling(Side.COLD),
                    spectrum(Side.COLD)));
            jumps.addAll(SecularJumps.of(energy, g, 0, Side.HOT, coupling(Side.HOT), spectrum(Side.HOT)));
            return jumps;
        }
        return List.of(
                down(Side.COLD), up(Side.COLD),
                down(Side.HOT), up(Side.HOT));
    }

    private Jump down(Side side) {
        Bath b = bath(side);
        return new Jump(side, TwoQubits.local(side, 0, 1), b.rate() * Thermal.bosePlusOne(energy, b.temperature()),
                energy, side.key().charAt(0) + "-");
    }

    private Jump up(Side side) {
        Bath b = bath(side);
        return new Jump(side, TwoQubits.local(side, 1, 0), b.rate() * Thermal.bose(energy, b.temperature()),
                -energy, side.key().charAt(0) + "+");
    }
}
