package qtm.sweep;

import java.util.Locale;
import qtm.model.Bath;
import qtm.model.CoulombEnergy;
import qtm.model.Model;

/** A parameter a sweep can vary: a bath temperature or the Coulomb energy. */
public enum Knob {
    /** The cold bath's temperature T_c. */
    TC("Tc"),
    /** The hot bath's temperature T_h. */
    TH("Th"),
    /** The double dot's Coulomb energy U. */
    U("U");

    private final String key;

    Knob(String key) {
        this.key = key;
    }

    /** @return the name used in scenario files and CSV columns */
    public String key() {
        return key;
    }

    /**
     * @param key Tc, Th or U (case-insensitive)
     * @return the knob
     * @throws IllegalArgumentException for any other name
     */
    public static Knob of(String key) {
        for (Knob k : values()) {
            if (k.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected Tc, Th or U, got " + key);
    }

    /**
     * The machine with both rates 0, legal at every temperature, for studies that optimise the couplings anyway.
     *
     * @param model a machine
     * @return the same kind, E, U, g and temperatures with both rates 0
     */
    public static Model withoutRates(Model model) {
        return model.with(model.g(), new Bath(model.cold().temperature(), 0), new Bath(model.hot().temperature(), 0));
    }

    /**
     * The model with this parameter set; couplings are kept.
     *
     * @param model a machine
     * @param value the new value
     * @return a new model
     * @throws IllegalArgumentException if the value is invalid for the model (e.g. U ≠ 0 for qubits, T = inf for flux)
     */
    public Model set(Model model, double value) {
        return switch (this) {
            case TC -> model.with(model.g(), new Bath(value, model.cold().rate()), model.hot());
            case TH -> model.with(model.g(), model.cold(), new Bath(value, model.hot().rate()));
            case U -> coulomb(model, value);
        };
    }

    /** U = 0 is what a qubit machine already has, so only another value is refused. */
    private static Model coulomb(Model model, double u) {
        if (model instanceof CoulombEnergy c) {
            return c.withCoulomb(u);
        }
        if (u != 0) {
            throw new IllegalArgumentException("U is a double-dot parameter; the " + model.type() + " model has none");
        }
        return model;
    }
}
