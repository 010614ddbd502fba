package qtm.sweep;

import java.util.function.Function;

/**
 * A scenario read for a key sweep (issue 26): the sweep and, for its grid points, the validated model of each.
 *
 * @param name short name, used for the output directory
 * @param description one line saying what the sweep shows
 * @param file the file it came from
 * @param sweep the axes and what to chart
 * @param models the model at a point's axis values (one value per axis, in axis order), validated as the scenario
 *     reader validates a file; every grid point was checked before this study was returned
 */
public record KeyStudy(String name, String description, String file, KeySweep sweep,
        Function<double[], PointModel> models) {
    /** @return the sweep's table, every point solved */
    public KeySweep.KeyTable run() {
        return sweep.run(models);
    }

    /**
     * @param counting whether to add every bath's exact stationary count current, noise and Fano factor
     * @return the sweep's table, every point solved
     */
    public KeySweep.KeyTable run(boolean counting) {
        return sweep.run(models, counting);
    }
}
