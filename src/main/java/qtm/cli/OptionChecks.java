package qtm.cli;

import qtm.input.InputException;
import qtm.scenario.ScenarioReader;

/**
 * The checks of option values that several commands share, so that the same option is refused in the same words
 * whichever command is given it.
 */
final class OptionChecks {
    /** Where an option's refusal points: the command line, not the scenario file. */
    static final String WHERE = "command line";
    /** Most worker threads (and CPUs per shard): far beyond any machine's cores, so a typo is caught. */
    static final int MAX_THREADS = 1024;

    private OptionChecks() {
    }

    /**
     * @param file the scenario file the command read
     * @param dir the output directory
     * @param e why it cannot be written
     * @return the refusal (exit 2), naming --out and saying that nothing was replaced
     */
    static InputException unwritable(java.nio.file.Path file, java.nio.file.Path dir, Exception e) {
        return new InputException(qtm.output.OutputDirectory.source(file), "--out", dir.toString(),
                "the output directory cannot be written (" + e.getMessage() + "); nothing was replaced");
    }

    /**
     * @param o a staged output directory
     * @param file the scenario it is for
     * @param dir its target
     * @throws InputException (exit 2) naming the directory if the commit fails
     */
    static void commit(qtm.output.OutputDirectory o, java.nio.file.Path file, java.nio.file.Path dir) {
        try {
            o.commit();
        } catch (java.io.IOException e) {
            throw unwritable(file, dir, e);
        }
    }

    /**
     * @param key the option
     * @param value its value as given
     * @param why what was expected
     * @return the refusal (exit 2), naming the command line
     */
    static InputException refuse(String key, String value, String why) {
        return new InputException(WHERE, key, value, why);
    }

    /**
     * @param key the option
     * @param value its value
     * @param max the largest allowed
     * @throws InputException (exit 2) unless 1 ≤ value ≤ max
     */
    static void wholeNumber(String key, long value, long max) {
        if (value < 1 || value > max) {
            throw refuse(key, Long.toString(value), "expected a whole number in [1, " + max + "]");
        }
    }

    /**
     * @param trajectories the total per engine that overrides the scenario's, or null for the scenario's own
     * @throws InputException (exit 2) unless it is a whole number a scenario could also give
     */
    static void trajectories(Long trajectories) {
        if (trajectories != null) {
            wholeNumber("--trajectories", trajectories, ScenarioReader.MAX_TRAJECTORIES);
        }
    }

    /**
     * @param key the option
     * @param threads its value
     * @throws InputException (exit 2) unless 1 ≤ threads ≤ {@link #MAX_THREADS}
     */
    static void threads(String key, int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw refuse(key, Integer.toString(threads), "expected 1 to " + MAX_THREADS);
        }
    }
}
