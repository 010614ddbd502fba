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
        super(escape(file + ": " + key + " = " + value + ": " + allowed));
    }

    /**
     * Makes text safe to echo on one line: control and bidirectional formatting characters (a newline or NUL in a
     * name, say, or U+202E) become the escapes
     * backslash-n, -r, -t or backslash-u with four hex digits (as in JSON), so that no input can split or forge
     * the error line.
     *
     * @param s any text
     * @return the text with every control, line-separator and bidirectional formatting character escaped
     */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Bidirectional formatting characters too: they could make the line read other than it is.
            boolean control = Quote.unsafe(c);
            if (!control) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }
}
