package org.capacitytracker.jira.text;

/**
 * JSON string literals for the few small bodies the plugin writes itself (errors, health).
 * Every document the engine reads or writes passes through untouched; only these bodies
 * are built here, so a JSON library would be a dependency for fifteen lines.
 *
 * <pre>{@code JsonText.quote("say \"hi\"\n"); // "\"say \\\"hi\\\"\\n\""}</pre>
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * The JSON string literal for {@code text}, quotes included; {@code null} becomes
     * {@code null}.
     *
     * <p>Besides what JSON requires, {@code <}, {@code >}, {@code &} and the line and
     * paragraph separators are escaped too, so a message echoing user input stays inert
     * even if a browser were to sniff the body as HTML or script.
     *
     * @param text any text, or {@code null}
     * @return a JSON value
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
