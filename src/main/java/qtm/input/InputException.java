package qtm.input;

/**
 * Bad input, reported as one line that names the file, the key, the value and what is allowed. The CLI prints the
 * message alone and exits with status 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the scenario file (or "command line")
     * @param key dotted key path, such as "model.cold.T"
     * @param value the offending value as written ("(missing)" when absent); shown through {@link Quote#of}, so a
     *        long value is cut and no control or bidi character reaches the terminal
     * @param allowed what would have been accepted
     */
    public InputException(String file, String key, String value, String allowed) {
        super(escape(file + ": " + key + " = " + Quote.of(value) + ": " + allowed));
    }

    /**
     * Makes text safe to echo on one line: control characters (a newline or NUL in a name, say) become the escapes
     * backslash-n, -r, -t or backslash-u with four hex digits (as in JSON), so that no input can split or forge
     * the error line; bidirectional controls (U+202E and kin) are escaped too, so that no input can make the
     * terminal show the line in another order than it is.
     *
     * @param s any text
     * @return the text with every control and line-separator character escaped
     */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069');
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
