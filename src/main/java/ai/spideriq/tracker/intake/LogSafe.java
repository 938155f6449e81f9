package ai.spideriq.tracker.intake;

/**
 * Makes untrusted text safe for a log line or a header: a submitter controls record values and keys, and a newline or
 * a terminal escape in them would forge log lines or drive the operator's terminal.
 */
public final class LogSafe {

    private LogSafe() {
    }

    /**
     * {@code value} in double quotes, with {@code \} and {@code "} escaped, control, format and line-separator
     * characters written as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, and at most {@code max}
     * characters of it kept ({@code ...} after the quote when cut).
     */
    public static String quoted(String value, int max) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8).append('"');
        int end = cut(value, max);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else {
                append(out, c);
            }
        }
        out.append('"');
        return end < value.length() ? out.append("...").toString() : out.toString();
    }

    /**
     * {@code text} with control, format and line-separator characters escaped and at most {@code max} characters
     * kept; backslashes stay as they are, so text made of {@link #quoted} parts comes out unchanged.
     */
    public static String escaped(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 4);
        int end = cut(text, max);
        for (int i = 0; i < end; i++) {
            append(out, text.charAt(i));
        }
        return end < text.length() ? out.append("...").toString() : out.toString();
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (unsafe(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED;
    }

    /** Where to stop, never between the two halves of a surrogate pair. */
    private static int cut(String value, int max) {
        if (value.length() <= max) {
            return value.length();
        }
        return max > 0 && Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    }
}
