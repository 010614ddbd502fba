/**
 * Steady-state studies over parameters: the coupling optimiser, the temperature thresholds for entanglement, and the
 * sweeps behind the paper's figures, each returning a tidy {@link qtm.sweep.SweepTable} with the charts to draw from
 * it. Computation only: a {@link qtm.sweep.Study} is read from its file by {@code qtm.scenario}, and the table and
 * charts are written by the report, so this package knows neither files nor YAML.
 */
package qtm.sweep;
