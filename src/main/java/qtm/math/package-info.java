/**
 * The small dense linear algebra of the two-qubit problem that EJML and Commons Math do not provide as needed: a
 * Hermitian eigensolver accurate for tiny eigenvalues, real coordinates for Hermitian matrices, complex helpers and
 * the matrix exponential. The ground floor: it knows nothing of the physics.
 */
package qtm.math;
