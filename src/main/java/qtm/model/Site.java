package qtm.model;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;

/**
 * One site of a few-body machine (issue 24): a d-level system with level energies E_0 &lt; … &lt; E_{d−1} and a ladder.
 * The two qubits of the paper are the sites with levels [0, E]; the outlook (qutrits, detuning) is any other
 * list. The site's own operators here are d×d; {@link ProductSpace} places them in the machine's space.
 *
 * @param name {@code [a-z][a-z0-9]{0,11}}, not reserved
 * @param levels E_n, finite and strictly increasing, 2 to 5 of them (a copy is kept)
 * @param ladder how a = Σ_n w_n |n⟩⟨n+1| weighs its steps; null means {@link Ladder#UNIT}
 */
public record Site(String name, double[] levels, Ladder ladder) {
    /** The fewest levels a site may have. */
    public static final int MIN_LEVELS = 2;
    /** The most levels a site may have. */
    public static final int MAX_LEVELS = 5;

    /**
     * @throws IllegalArgumentException on a bad name, fewer than 2 or more than 5 levels, a non-finite level, or levels
     *         not strictly increasing
     */
    public Site {
        MachineNames.check("site", name);
        if (levels == null) {
            throw new IllegalArgumentException("site " + name + ": levels are required");
        }
        levels = levels.clone();
        if (levels.length < MIN_LEVELS || levels.length > MAX_LEVELS) {
            throw new IllegalArgumentException("site " + name + ": levels must number " + MIN_LEVELS + " to "
                    + MAX_LEVELS + ", got " + levels.length + " " + Arrays.toString(levels));
        }
        for (int n = 0; n < levels.length; n++) {
            if (!Double.isFinite(levels[n])) {
                throw new IllegalArgumentException("site " + name + ": levels must be finite, got "
                        + Arrays.toString(levels));
            }
            if (n > 0 && !(levels[n] > levels[n - 1])) {
                throw new IllegalArgumentException("site " + name + ": levels must be strictly increasing, got "
                        + Arrays.toString(levels));
            }
        }
        if (ladder == null) {
            ladder = Ladder.UNIT;
        }
    }

    /**
     * A site with the unit ladder.
     *
     * @param name the name
     * @param levels E_n
     */
    public Site(String name, double... levels) {
        this(name, levels, Ladder.UNIT);
    }

    /** @return a copy of the level energies */
    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** @return the number of levels d */
    public int dimension() {
        return levels.length;
    }

    /**
     * @param n level index
     * @return E_n
     */
    public double level(int n) {
        return levels[n];
    }

    /** @return ω₁ = E₁ − E₀, where a bath's spectral density γ(ω) = rate·(ω/ω₁)^s equals its rate */
    public double gap() {
        return levels[1] - levels[0];
    }

    /** @return a = Σ_n w_n |n⟩⟨n+1|, d×d */
    public ZMatrixRMaj lowering() {
        int d = levels.length;
        ZMatrixRMaj a = new ZMatrixRMaj(d, d);
        for (int n = 0; n + 1 < d; n++) {
            a.set(n, n + 1, ladder.weight(n), 0);
        }
        return a;
    }

    /** @return n = Σ_n n |n⟩⟨n|, d×d */
    public ZMatrixRMaj number() {
        int d = levels.length;
        ZMatrixRMaj m = new ZMatrixRMaj(d, d);
        for (int n = 0; n < d; n++) {
            m.set(n, n, n, 0);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && s.name.equals(name) && Arrays.equals(s.levels, levels) && s.ladder == ladder;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(levels)) * 31 + ladder.hashCode();
    }

    @Override
    public String toString() {
        return "Site[" + name + ", levels=" + Arrays.toString(levels) + ", ladder=" + ladder.key() + "]";
    }
}
