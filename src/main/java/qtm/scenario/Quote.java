package qtm.scenario;

/**
 * A user's value made safe to quote in a one-line message: at most {@link #MAX} code points (then "…"), and every
 * C0/C1 control and bidirectional formatting character written as backslash-u with four hex digits, so that no
 * input can split the line, forge another one, or reorder what the terminal shows (U+202E). The caller adds quotes.
 */
public final class Quote {
    /** Code points kept of a quoted value. */
    public static final int MAX = 80;

    private Quote() {
    }

    /**
     * @param raw any text (null is shown as "null")
     * @return the escaped, truncated text, without surrounding quotes
     */
    public static String of(String raw) {
        String s = String.valueOf(raw);
        StringBuilder b = new StringBuilder(Math.min(s.length(), 4 * MAX) + 8);
        int kept = 0;
        for (int i = 0; i < s.length(); kept++) {
            if (kept == MAX) {
                return b.append('…').toString();
            }
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (unsafe(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /** C0 and C1 controls (with DEL), and the bidi marks, embeddings, overrides and isolates. */
    private static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
