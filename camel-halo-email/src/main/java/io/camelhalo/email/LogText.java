package io.camelhalo.email;

/**
 * Text from an email (its subject, its sender, a header) made safe for one log line: CR, LF and every other control
 * character shown as an escape ({@code \r}, {@code \n}, {@code \t}, {@code \u001b}), never written as such, so an email
 * cannot forge a log line; cut at {@value #MAX} characters.
 */
public final class LogText {

    static final int MAX = 200;

    private LogText() {
    }

    /** {@code text} as one escaped, bounded line ({@code ""} for null). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX) {
                return out.append("...").toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
