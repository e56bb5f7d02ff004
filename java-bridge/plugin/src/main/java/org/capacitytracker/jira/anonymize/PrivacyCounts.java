package org.capacitytracker.jira.anonymize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many entries each category of the engine's privacy documents holds: the top-level
 * arrays of {@code exportUser}/{@code forgetUser} counted by their elements, and
 * {@code daysOff} as one entry when it is an object or {@code true}.
 *
 * <p>The plugin has no JSON library (engine documents pass through untouched), and Jira's
 * anonymisation page only needs numbers per category, so this reads just the top level of a
 * document the engine wrote and skips the insides of each value. It decides nothing about
 * what is stored: the engine found and removed the data; this counts its answer.
 *
 * <pre>{@code
 * PrivacyCounts.of("{\"accountKey\":\"a\",\"boards\":[\"1\",\"2\"],\"daysOff\":true}");
 * // {boards=2, daysOff=1}
 * }</pre>
 */
public final class PrivacyCounts {
    private final String text;
    private int pos;

    private PrivacyCounts(String text) {
        this.text = text;
    }

    /**
     * Counts the entries of each top-level array or present value of {@code json}; strings
     * and numbers at the top level (the account key) are not counted.
     *
     * @param json an object as the engine writes it
     * @return category name to count, in document order, zero counts left out
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    public static Map<String, Long> of(String json) {
        return new PrivacyCounts(json).object();
    }

    private Map<String, Long> object() {
        Map<String, Long> counts = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return counts;
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            long count = switch (peek()) {
                case '[' -> arrayLength();
                case '{' -> {
                    skipValue();
                    yield 1;
                }
                case 't' -> {
                    skipValue();
                    yield 1;
                }
                default -> {
                    skipValue();
                    yield 0;
                }
            };
            if (count > 0) {
                counts.put(name, count);
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                return counts;
            }
            if (c != ',') {
                throw bad("',' or '}'");
            }
        }
    }

    private long arrayLength() {
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
            return 0;
        }
        long n = 0;
        while (true) {
            skipSpace();
            skipValue();
            n++;
            skipSpace();
            char c = next();
            if (c == ']') {
                return n;
            }
            if (c != ',') {
                throw bad("',' or ']'");
            }
        }
    }

    /** Skips one value of any kind, nested containers and strings (with escapes) included. */
    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '[') {
            arrayLength();
        } else if (c == '{') {
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                string();
                skipSpace();
                expect(':');
                skipSpace();
                skipValue();
                skipSpace();
                char d = next();
                if (d == '}') {
                    return;
                }
                if (d != ',') {
                    throw bad("',' or '}'");
                }
            }
        } else {
            int start = pos;
            while (pos < text.length() && "-+.0123456789eEtruefalsn".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos == start) {
                throw bad("a value");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = next();
                if (e == 'u') {
                    if (pos + 4 > text.length()) {
                        throw bad("four hex digits");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                } else {
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        default -> e;
                    });
                }
            } else {
                out.append(c);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw bad("more input");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw bad("'" + c + "'");
        }
    }

    private IllegalArgumentException bad(String wanted) {
        return new IllegalArgumentException("not a JSON object as the engine writes it: expected " + wanted
                + " at offset " + pos);
    }
}
