/**
 * The three machines (reset, flux qubits, double quantum dot), each a Hamiltonian and its Lindblad channels, with
 * their baths, thermal occupations, the output time grid and the one definition of the valid parameter range. It is
 * the only description of a machine that the other packages read: the exact solutions and the engines need nothing
 * but a {@link qtm.model.Model}'s Hamiltonian and channels.
 */
package qtm.model;
