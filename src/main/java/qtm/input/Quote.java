package qtm.input;

/**
 * A value read from a file or the command line, made fit to quote in a one-line message: at most {@link #MAX} code
 * points are kept (then "…"), so that an attacker-sized value cannot flood the terminal, and control characters
 * (C0, DEL, C1, line and paragraph separators) and bidirectional formatting characters (U+200E/F, U+202A–U+202E,
 * U+2066–U+2069) become backslash-u and four hex digits, so that no value can split the line or reorder how it
 * reads.
 */
public final class Quote {
    /** Code points kept. */
    public static final int MAX = 80;

    private Quote() {
    }

    /**
     * @param raw any text (null gives "null")
     * @return the text truncated and escaped, without surrounding quotes
     */
    public static String of(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX * 2) + 8);
        int kept = 0;
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            if (kept++ == MAX) {
                return b.append('…').toString();
            }
            int c = raw.codePointAt(i);
            if (unsafe(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /**
     * @param c a code point
     * @return whether it is a control or bidirectional formatting character, which a message must not echo raw
     */
    public static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
