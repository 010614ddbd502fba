package qtm.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import qtm.sweep.KeyStudy;

/**
 * {@code qtm sweep --fcs} (issue 26): a key sweep's CSV gains, per bath, the exact stationary count current, count
 * noise and Fano factor of the net quanta into it, the numbers {@code qtm fcs --json} gives at the point. A mixin of
 * its own because the sweep command is at the size of a command class.
 */
final class FcsColumns {
    @Option(names = "--fcs", description = "Key sweeps (sweep.axes) without engines: also write, per bath, "
            + "count_current_<bath>, count_noise_<bath> and fano_<bath>, the exact stationary counting statistics "
            + "of qtm fcs --json at every point (NaN where qtm fcs would refuse a noise lost in rounding).")
    boolean fcs;

    /**
     * @param file the file read
     * @param keys its key sweep, or null for a study kind
     * @return {@code keys}
     * @throws qtm.input.InputException (exit 2) for --fcs on a study kind, which has no columns per point to extend
     */
    KeyStudy check(Path file, KeyStudy keys) {
        if (fcs && keys == null) {
            throw new qtm.input.InputException(OptionChecks.WHERE + " (sweep " + file + ")", "--fcs", "true",
                    "expected a key sweep (sweep.axes), whose rows it extends; a study kind (sweep.kind) has none");
        }
        return keys;
    }

    /**
     * @param file the Monte Carlo sweep's file
     * @throws qtm.input.InputException (exit 2) for --fcs on a Monte Carlo sweep
     */
    void refuseMonteCarlo(Path file) {
        if (fcs) {
            throw new qtm.input.InputException(OptionChecks.WHERE + " (sweep " + file + ")", "--fcs", "true",
                    "expected a key sweep without engines; a Monte Carlo sweep's columns are its ensembles' (qtm "
                    + "fcs gives the exact counting at a point)");
        }
    }
}
