/**
 * Steady-state studies over parameters: the coupling optimiser, the temperature thresholds for entanglement, and the
 * sweeps behind the paper's figures, each returning a tidy {@link qtm.sweep.SweepTable} with the charts to draw from
 * it. Computation only: writing the table and charts is the report package's job.
 */
package qtm.sweep;
