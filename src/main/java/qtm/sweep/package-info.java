/**
 * Steady-state studies over parameters: the coupling optimiser, the temperature thresholds for entanglement, the
 * sweeps behind the paper's figures, each returning a tidy {@link qtm.sweep.SweepTable} with the charts to draw from
 * it, and the sweep over any numeric keys of any model ({@link qtm.sweep.KeySweep}, issue 26), whose points are
 * solved by {@link qtm.sweep.SteadyOutcome}, what {@code qtm steady} reports. Computation only: a {@link qtm.sweep.Study} is read from its file by {@code qtm.scenario}, and the table and
 * charts are written by the report, so this package knows neither files nor YAML.
 */
package qtm.sweep;
