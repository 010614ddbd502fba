/**
 * The three machines (reset, flux qubits, double quantum dot), each a Hamiltonian and its Lindblad channels, with
 * their baths, thermal occupations, the output time grid and the one definition of the valid parameter range. It is
 * the only description of a machine that the other packages read: the exact solutions and the engines need nothing
 * but a {@link qtm.model.Model}'s Hamiltonian and channels, its channel table ({@link qtm.model.Channels}) and, for
 * the collision model, the description of one step's collisions ({@link qtm.model.Collision}), which the collision
 * engine and the exact collision map must share so that they apply the same step. What only some machines have is a
 * small interface that a caller tests with {@code instanceof}, not a method that throws for the rest:
 * {@link qtm.model.BathSpectra} (bath spectra, local or global channels: flux and dqd) and
 * {@link qtm.model.CoulombEnergy} (a Coulomb energy U: dqd).
 */
package qtm.model;
