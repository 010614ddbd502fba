package qtm.model;

/**
 * A machine whose baths have a spectrum (flux qubits and the double dot): its channels are derived from the baths'
 * rates by frequency, locally or globally, so it can be re-derived the other way. The reset model is not one: its
 * collisions replace a qubit and have no frequency to take a rate at, so it has no such capability to refuse.
 */
public sealed interface BathSpectra extends Model permits FluxModel, DotModel {
    /**
     * The bath's rates by frequency, from which both approaches take their channels.
     *
     * @param side cold or hot
     * @return the spectrum
     */
    BathSpectrum spectrum(Side side);

    /**
     * The same machine with its channels derived another way.
     *
     * @param approach local or global
     * @param spectralExponent s
     * @return a new model
     * @throws IllegalArgumentException if the machine is not valid under that derivation
     */
    BathSpectra withApproach(Approach approach, double spectralExponent);

    /** Narrowed so that a machine with bath spectra keeps them when its couplings change. */
    @Override
    BathSpectra with(double g, Bath cold, Bath hot);
}
