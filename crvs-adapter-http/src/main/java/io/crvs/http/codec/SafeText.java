package io.crvs.http.codec;

/**
 * Makes text fit to travel back to a client or into a log line: control and line-separator characters become
 * spaces and anything longer than the limit is cut (on a code-point boundary) and marked with {@code …}. Used for
 * every piece of received input that an error message quotes.
 */
public final class SafeText {

    /** Default limit for quoted input inside an error message. */
    public static final int QUOTE_LIMIT = 40;
    /** Limit for a whole error message. */
    public static final int MESSAGE_LIMIT = 300;

    private SafeText() {
    }

    /**
     * @param text      the text; {@code null} gives {@code ""}
     * @param maxLength the maximum number of code points kept (at least 1)
     * @return the cleaned, possibly shortened text
     */
    public static String clean(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxLength + 1));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count == maxLength) {
                sb.append('…');
                break;
            }
            sb.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp);
            count++;
        }
        return sb.toString();
    }

    /** The text quoted for an error message: cleaned, at most {@link #QUOTE_LIMIT} code points, in quotes. */
    public static String quote(String text) {
        return '"' + clean(text, QUOTE_LIMIT) + '"';
    }
}
