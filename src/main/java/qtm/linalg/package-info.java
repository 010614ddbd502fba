/**
 * The small dense linear algebra of the two-qubit problem that EJML and Commons Math do not provide as needed: a
 * Hermitian eigensolver accurate for tiny eigenvalues, real coordinates for Hermitian matrices, the Liouvillian as a
 * real matrix in them, and the matrix exponential.
 */
package qtm.linalg;
