package org.capacitytracker.host.jira.jql;

import org.capacitytracker.host.jira.jql.JqlQuery.Clause;
import org.capacitytracker.host.jira.jql.JqlQuery.Operand;
import org.capacitytracker.host.jira.jql.JqlQuery.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the JQL subset the host evaluates:
 *
 * <pre>
 * query    := [or] [ORDER BY key [ASC|DESC] {, key [ASC|DESC]}]
 * or       := and {(OR | ||) and}
 * and      := not {(AND | &amp;&amp;) not}
 * not      := (NOT | !) not | ( or ) | clause
 * clause   := field (= | != ) operand | field [NOT] IN list | field IS [NOT] (EMPTY | NULL)
 * operand  := value | EMPTY | NULL | function()
 * list     := ( operand {, operand} ) | function()
 * </pre>
 *
 * Values are words or quoted strings ({@code "..."} or {@code '...'}, backslash escapes).
 * Everything else Jira's grammar has ({@code ~}, {@code >}, {@code WAS}, {@code CHANGED}, ...)
 * is refused with a message naming the clause.
 */
public final class JqlParser {
    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("~", "!~", ">", ">=", "<", "<=");
    private static final Set<String> HISTORY_OPERATORS = Set.of("was", "changed");

    private enum Kind { WORD, STRING, LPAREN, RPAREN, COMMA, OPERATOR, AND, OR, NOT, END }

    private record Token(Kind kind, String text, int start, int end) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int position;

    private JqlParser(String source) throws JqlException {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /** Parses {@code jql}; a blank query matches every issue. */
    public static JqlQuery parse(String jql) throws JqlException {
        return new JqlParser(jql == null ? "" : jql).query();
    }

    private JqlQuery query() throws JqlException {
        Clause where = null;
        if (!atOrderBy() && peek().kind != Kind.END) {
            where = or();
        }
        List<JqlQuery.SortKey> order = new ArrayList<>();
        if (atOrderBy()) {
            next();
            next();
            do {
                Token field = next();
                if (field.kind != Kind.WORD && field.kind != Kind.STRING) {
                    throw syntax("a field name to order by", field);
                }
                String key = JqlFields.sortKey(field.text);
                boolean descending = false;
                if (peek().isWord("asc")) {
                    next();
                } else if (peek().isWord("desc")) {
                    next();
                    descending = true;
                }
                order.add(new JqlQuery.SortKey(key, descending));
            } while (accept(Kind.COMMA));
        }
        Token end = peek();
        if (end.kind != Kind.END) {
            throw syntax("either 'AND' or 'OR'", end);
        }
        return new JqlQuery(where, List.copyOf(order));
    }

    private boolean atOrderBy() {
        return peek().isWord("order") && position + 1 < tokens.size() && tokens.get(position + 1).isWord("by");
    }

    private Clause or() throws JqlException {
        List<Clause> parts = new ArrayList<>(List.of(and()));
        while (accept(Kind.OR)) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlQuery.Or(List.copyOf(parts));
    }

    private Clause and() throws JqlException {
        List<Clause> parts = new ArrayList<>(List.of(not()));
        while (accept(Kind.AND)) {
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlQuery.And(List.copyOf(parts));
    }

    private Clause not() throws JqlException {
        if (accept(Kind.NOT)) {
            return new JqlQuery.Not(not());
        }
        if (accept(Kind.LPAREN)) {
            Clause inner = or();
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        return terminal();
    }

    private Clause terminal() throws JqlException {
        Token field = next();
        if (field.kind != Kind.WORD && field.kind != Kind.STRING) {
            throw syntax("a field name", field);
        }
        Token op = peek();
        Operator operator;
        if (op.kind == Kind.OPERATOR && op.text.equals("=")) {
            next();
            operator = Operator.EQUALS;
        } else if (op.kind == Kind.OPERATOR && op.text.equals("!=")) {
            next();
            operator = Operator.NOT_EQUALS;
        } else if (op.isWord("in")) {
            next();
            operator = Operator.IN;
        } else if ((op.kind == Kind.NOT) && position + 1 < tokens.size() && tokens.get(position + 1).isWord("in")) {
            next();
            next();
            operator = Operator.NOT_IN;
        } else if (op.isWord("is")) {
            next();
            operator = accept(Kind.NOT) ? Operator.IS_NOT : Operator.IS;
        } else if (op.kind == Kind.OPERATOR && UNSUPPORTED_OPERATORS.contains(op.text)
                || op.kind == Kind.WORD && HISTORY_OPERATORS.contains(op.text.toLowerCase(Locale.ROOT))) {
            JqlFields.canonical(field.text, restOfClause(field));
            throw new JqlException("The operator '" + op.text + "' is not supported by this host (in the clause '"
                    + restOfClause(field) + "'); supported operators: =, !=, IN, NOT IN, IS, IS NOT.");
        } else {
            throw syntax("an operator", op);
        }
        String name = JqlFields.canonical(field.text, restOfClause(field));
        List<Operand> operands = new ArrayList<>();
        if (operator == Operator.IN || operator == Operator.NOT_IN) {
            if (accept(Kind.LPAREN)) {
                do {
                    operands.add(operand());
                } while (accept(Kind.COMMA));
                expect(Kind.RPAREN, "')'");
            } else {
                Operand single = operand();
                if (!(single instanceof JqlQuery.Function)) {
                    throw syntax("'('", tokens.get(position - 1));
                }
                operands.add(single);
            }
        } else {
            operands.add(operand());
        }
        String text = source.substring(field.start, tokens.get(position - 1).end).trim();
        if ((operator == Operator.IS || operator == Operator.IS_NOT) && !(operands.get(0) instanceof JqlQuery.Empty)) {
            throw new JqlException("The operator '" + operator.symbol.toUpperCase(Locale.ROOT)
                    + "' only accepts EMPTY or NULL (in the clause '" + text + "').");
        }
        for (Operand operand : operands) {
            if (operand instanceof JqlQuery.Function f) {
                JqlFields.function(f.name(), name, text);
            }
        }
        return new JqlQuery.Terminal(name, operator, List.copyOf(operands), text);
    }

    private Operand operand() throws JqlException {
        Token value = next();
        if (value.kind == Kind.STRING) {
            return new JqlQuery.Value(value.text);
        }
        if (value.kind != Kind.WORD) {
            throw syntax("a value", value);
        }
        if (peek().kind == Kind.LPAREN) {
            next();
            if (peek().kind != Kind.RPAREN) {
                throw new JqlException("The JQL function '" + value.text + "()' takes no arguments on this host.");
            }
            next();
            return new JqlQuery.Function(value.text);
        }
        if (value.isWord("empty") || value.isWord("null")) {
            return new JqlQuery.Empty();
        }
        return new JqlQuery.Value(value.text);
    }

    private String restOfClause(Token from) {
        int end = from.end;
        int depth = 0;
        for (int i = position; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind == Kind.END || t.kind == Kind.AND || t.kind == Kind.OR || atOrderByAt(i)
                    || (t.kind == Kind.RPAREN && depth == 0)) {
                break;
            }
            depth += t.kind == Kind.LPAREN ? 1 : t.kind == Kind.RPAREN ? -1 : 0;
            end = t.end;
        }
        return source.substring(from.start, end).trim();
    }

    private boolean atOrderByAt(int i) {
        return tokens.get(i).isWord("order") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("by");
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token t = tokens.get(position);
        if (t.kind != Kind.END) {
            position++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind == kind) {
            next();
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) throws JqlException {
        if (!accept(kind)) {
            throw syntax(what, peek());
        }
    }

    private JqlException syntax(String expected, Token got) {
        String found = got.kind == Kind.END ? "the end of the query" : "'" + got.text + "'";
        return new JqlException("Error in the JQL Query: Expecting " + expected + " but got " + found + ".");
    }

    private static List<Token> tokenize(String s) throws JqlException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i, ++i));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i, ++i));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i, ++i));
            } else if (c == '"' || c == '\'') {
                int start = i++;
                StringBuilder text = new StringBuilder();
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    text.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw new JqlException("Error in the JQL Query: The quoted string starting at character " + start
                            + " is not closed.");
                }
                out.add(new Token(Kind.STRING, text.toString(), start, ++i));
            } else if (s.startsWith("&&", i)) {
                out.add(new Token(Kind.AND, "&&", i, i += 2));
            } else if (s.startsWith("||", i)) {
                out.add(new Token(Kind.OR, "||", i, i += 2));
            } else if (s.startsWith("!=", i) || s.startsWith("!~", i) || s.startsWith(">=", i) || s.startsWith("<=", i)) {
                out.add(new Token(Kind.OPERATOR, s.substring(i, i + 2), i, i += 2));
            } else if (c == '=' || c == '~' || c == '>' || c == '<') {
                out.add(new Token(Kind.OPERATOR, String.valueOf(c), i, ++i));
            } else if (c == '!') {
                out.add(new Token(Kind.NOT, "!", i, ++i));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                Kind kind = word.equalsIgnoreCase("and") ? Kind.AND : word.equalsIgnoreCase("or") ? Kind.OR
                        : word.equalsIgnoreCase("not") ? Kind.NOT : Kind.WORD;
                out.add(new Token(kind, word, start, i));
            } else {
                throw new JqlException("Error in the JQL Query: The character '" + c + "' is a reserved JQL character. "
                        + "You must enclose it in a string or use the escape '\\u" + String.format("%04x", (int) c)
                        + "' instead. (line 1, character " + (i + 1) + ")");
            }
        }
        out.add(new Token(Kind.END, "", s.length(), s.length()));
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']' || c == '@';
    }
}
