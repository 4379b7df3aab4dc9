package org.gn4j.gn.expr;

/**
 * A model expression could not be parsed. The message names the problem and the 1-based column where it was found,
 * followed by the expression text and a caret line pointing at that column, for example
 *
 * <pre>
 * unexpected ')' at column 12
 *   b1*(1-x))+2
 *            ^
 * </pre>
 *
 * It extends {@link IllegalArgumentException} because the expression text is an argument the caller supplied.
 */
public final class ExpressionParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The message without the expression and caret lines. */
    private final String reason;
    /** The expression text that failed to parse. */
    private final String expression;
    /** The 1-based column of the error. */
    private final int column;

    /**
     * Creates the exception.
     *
     * @param reason     what went wrong, already naming the column (for example "unexpected ')' at column 12")
     * @param expression the whole expression text
     * @param column     the 1-based column the caret points at; may be {@code expression.length() + 1} for errors at
     *                   the end of the input
     */
    public ExpressionParseException(String reason, String expression, int column) {
        super(reason + System.lineSeparator() + "  " + oneLine(expression) + System.lineSeparator() + "  "
                + " ".repeat(Math.max(0, column - 1)) + "^");
        this.reason = reason;
        this.expression = expression;
        this.column = column;
    }

    /** Tabs and line breaks shown as blanks so that the caret stays under its column. */
    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * The 1-based column of the error in {@link #expression()} ({@code length + 1} means "at the end").
     *
     * @return the 1-based column, in [1, length + 1]
     */
    public int column() {
        return column;
    }

    /**
     * The message without the expression and caret lines.
     *
     * @return the reason the expression does not parse
     */
    public String reason() {
        return reason;
    }

    /**
     * The expression text that failed to parse.
     *
     * @return the expression text
     */
    public String expression() {
        return expression;
    }
}
