package qtm.model;

/**
 * A machine with a Coulomb energy U between its two sites (the double dot), which can therefore be set to another
 * value; the qubit machines have none, and {@link Model#coulomb()} is 0 for them.
 */
public sealed interface CoulombEnergy extends Model permits DotModel {
    /**
     * The same machine with another Coulomb energy.
     *
     * @param u U ≥ 0
     * @return a new model
     * @throws IllegalArgumentException if U is invalid
     */
    CoulombEnergy withCoulomb(double u);
}
