package qtm.model;

/**
 * One bath of a few-body machine (issue 24), attached to one site. Unlike {@link Bath}, which is a two-qubit model's
 * bath as one qubit sees it, it names itself and its site and says its kind, so that a machine may have any number of
 * baths of mixed kinds.
 *
 * @param name {@code [a-z][a-z0-9]{0,11}}, not reserved; null means the site's name
 * @param site the name of the site it acts on
 * @param kind bosonic, fermionic or reset
 * @param temperature T ≥ 0; +∞ allowed except for a bosonic bath, whose rates diverge there
 * @param rate finite, ≥ 0: γ(ω₁) for bosonic and fermionic baths, the reset probability per unit time for reset ones
 * @param spectralExponent s of γ(ω) = rate·(ω/ω₁)^s; finite; 0 (flat) for reset baths, which have no spectrum
 * @param mu the chemical potential μ, finite; 0 except for fermionic baths
 */
public record MachineBath(String name, String site, BathKind kind, double temperature, double rate,
        double spectralExponent, double mu) {
    /** @throws IllegalArgumentException on any of the rules above */
    public MachineBath {
        if (site == null) {
            throw new IllegalArgumentException("a bath needs a site");
        }
        if (name == null) {
            name = site;
        }
        MachineNames.check("bath", name);
        if (kind == null) {
            throw new IllegalArgumentException("bath " + name + ": kind is required (bosonic, fermionic or reset)");
        }
        if (Double.isNaN(temperature) || temperature < 0) {
            throw new IllegalArgumentException("bath " + name + ": T must be >= 0 (inf allowed), got " + temperature);
        }
        if (kind == BathKind.BOSONIC && Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("bath " + name
                    + ": a bosonic bath needs a finite T: its rates γ(1 + n_B) and γ n_B diverge at T = inf");
        }
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException("bath " + name + ": rate must be finite and >= 0, got " + rate);
        }
        if (!Double.isFinite(spectralExponent)) {
            throw new IllegalArgumentException("bath " + name + ": spectral_exponent must be finite, got "
                    + spectralExponent);
        }
        if (kind == BathKind.RESET && spectralExponent != 0) {
            throw new IllegalArgumentException("bath " + name
                    + ": a reset bath has no spectrum; spectral_exponent applies to bosonic and fermionic baths");
        }
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("bath " + name + ": mu must be finite, got " + mu);
        }
        if (kind != BathKind.FERMIONIC && mu != 0) {
            throw new IllegalArgumentException("bath " + name
                    + ": mu is the chemical potential of a fermionic bath; a " + kind.key() + " bath has none");
        }
    }

    /**
     * A flat bath (s = 0) with μ = 0.
     *
     * @param name the name, or null for the site's
     * @param site the site
     * @param kind the kind
     * @param temperature T
     * @param rate the rate
     */
    public MachineBath(String name, String site, BathKind kind, double temperature, double rate) {
        this(name, site, kind, temperature, rate, 0.0, 0.0);
    }

    /**
     * γ(ω) = rate·(ω/ω₁)^s.
     *
     * @param omega a Bohr frequency &gt; 0
     * @param gap ω₁ = E₁ − E₀ of the bath's site
     * @return the spectral density at ω (the rate itself for s = 0, so that flat rates keep their bits)
     */
    public double density(double omega, double gap) {
        return spectralExponent == 0 ? rate : rate * Math.pow(omega / gap, spectralExponent);
    }
}
