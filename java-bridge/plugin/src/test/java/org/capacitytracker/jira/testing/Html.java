package org.capacitytracker.jira.testing;

/**
 * HTML escaping as Jira's template renderer does it for every reference, for
 * {@link VelocityTestRenderer}. The plugin itself escapes nothing by hand (its pages are
 * templates), so this lives with the tests; the host has its own escaper for the pages it
 * writes, as neither may depend on the other.
 *
 * <pre>{@code Html.escape("\"<script>"); // "&quot;&lt;script&gt;"}</pre>
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code text} for use as element content or as a quoted attribute value
     * (single or double quotes); {@code null} becomes the empty string.
     *
     * @param text any text, or {@code null}
     * @return text that the browser reads back as exactly {@code text}
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
