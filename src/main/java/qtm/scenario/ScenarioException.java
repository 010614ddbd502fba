package qtm.scenario;

/**
 * Bad input, reported as one line that names the file, the key, the value and what is allowed. The CLI prints the
 * message alone and exits with status 2.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the scenario file (or "command line")
     * @param key dotted key path, such as "model.cold.T"
     * @param value the offending value as written ("(missing)" when absent)
     * @param allowed what would have been accepted
     */
    public ScenarioException(String file, String key, String value, String allowed) {
        super(file + ": " + key + " = " + value + ": " + allowed);
    }
}
