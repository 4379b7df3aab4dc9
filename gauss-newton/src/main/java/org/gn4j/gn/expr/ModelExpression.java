package org.gn4j.gn.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parses model expressions such as {@code b1*(1-exp[-b2*x])} into a {@link CompiledModel} with exact parameter
 * gradients, so that a model can be fitted without writing Java.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * expression := term (('+' | '-') term)*                 left-associative: 1-2-3 = (1-2)-3
 * term       := unary (('*' | '/') unary)*               left-associative: 8/4/2 = (8/4)/2
 * unary      := ('-' | '+') unary | power
 * power      := primary (('^' | '**') unary)?            right-associative: 2^3^2 = 2^(3^2)
 * primary    := number | name | function open expression (',' expression)* close | open expression close
 * open/close := '(' ')' | '[' ']'                        a bracket must be closed by its own kind
 * </pre>
 *
 * <p>Powers bind tighter than unary minus, as in mathematics: {@code -x^2 = -(x^2)}, while the exponent may carry its
 * own sign: {@code 2^-1 = 0.5}, {@code 2*-3 = -6}. {@code **} is a synonym of {@code ^} (the NIST StRD files write
 * powers so). Square brackets are parentheses (NIST writes {@code exp[-b2*x]}). Numbers are decimal with an optional
 * fraction and exponent: {@code 3}, {@code .5}, {@code 0.5E0}, {@code 1E-3}. Functions, each of one argument: {@code
 * exp, log} (natural), {@code sin, cos, tan} (radians), {@code atan} (principal value, also spelled {@code arctan}),
 * {@code sqrt}. The constant {@code pi}. Blanks, tabs and line breaks are ignored between tokens. Implicit
 * multiplication ({@code 2x}, {@code 2(x+1)}, {@code (a)(b)}) is an error: write {@code *}.
 *
 * <h2>Names</h2>
 *
 * {@link #parse(String, List, List)} takes the variable and parameter names explicitly, in the order of the arrays the
 * compiled model will be called with. {@link #parse(String)} infers them: names {@code b1, b2, …} are parameters
 * ordered by their number, {@code x} and {@code x1, x2, …} are variables ({@code x} first, then by number); any other
 * name is an error. Names not used by the expression may be declared; their gradient is zero.
 *
 * <h2>Limits</h2>
 *
 * Brackets, function calls and exponents nest at most {@value #MAX_NESTING_DEPTH} levels deep: each bracket pair, each
 * function call and each {@code ^} exponent opens a level, so {@code ((x))} uses 2 and {@code 2^2^2^x} uses 3. Deeper
 * text is an error at the token that opens level {@value #MAX_NESTING_DEPTH} + 1 (the parser recurses once per level,
 * so the limit keeps it far from the thread's stack size). Chains of unary signs ({@code ---x}) and of binary
 * operators at one level ({@code x+x+...+x}) are read in loops and may be of any length. A number that overflows a
 * double ({@code 1E999}) is an error.
 *
 * <h2>Errors</h2>
 *
 * All syntax errors raise {@link ExpressionParseException} (an {@link IllegalArgumentException}) with the 1-based
 * column of the error; no other exception escapes for any text. Null arguments and bad declared names raise {@link
 * IllegalArgumentException}. Parsing takes time and memory linear in the length of the text, and so does the compiled
 * model's evaluation, gradient included (see {@link CompiledModel}).
 */
public final class ModelExpression {
    private static final Pattern PARAMETER = Pattern.compile("b(\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("x(\\d*)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String PI = "pi";

    /** The deepest nesting of brackets, function calls and exponents the parser accepts. */
    public static final int MAX_NESTING_DEPTH = 256;

    /** Functions of one argument by name, mapped to their tape operation. */
    private static final Map<String, Integer> FUNCTIONS = Map.of(
            "exp", CompiledModel.EXP,
            "log", CompiledModel.LOG,
            "sin", CompiledModel.SIN,
            "cos", CompiledModel.COS,
            "tan", CompiledModel.TAN,
            "atan", CompiledModel.ATAN,
            "arctan", CompiledModel.ATAN,
            "sqrt", CompiledModel.SQRT);

    private ModelExpression() {
    }

    /**
     * Parses an expression in the declared variables and parameters.
     *
     * @param text       the expression
     * @param variables  variable names, in the order of the {@code vars} array of the compiled model
     * @param parameters parameter names, in the order of the {@code params} array of the compiled model
     * @return the compiled model
     * @throws ExpressionParseException if the text is not a valid expression in these names
     * @throws IllegalArgumentException if an argument is null, a name is not an identifier, is declared twice, or is
     *                                  reserved (a function name or {@code pi})
     */
    public static CompiledModel parse(String text, List<String> variables, List<String> parameters) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null (expected an expression)");
        }
        if (variables == null || parameters == null) {
            throw new IllegalArgumentException((variables == null ? "variables" : "parameters")
                    + " must not be null (expected a list of names, possibly empty)");
        }
        Map<String, Integer> variableIndex = new HashMap<>();
        Map<String, Integer> parameterIndex = new HashMap<>();
        Set<String> seen = new HashSet<>();
        checkNames("variables", variables, variableIndex, seen);
        checkNames("parameters", parameters, parameterIndex, seen);
        Parser parser = new Parser(text, name -> variableIndex.containsKey(name) || parameterIndex.containsKey(name),
                "");
        parser.parseAll();
        return parser.build(variables, parameters);
    }

    /**
     * Parses an expression and infers its names: {@code b1, b2, …} are parameters ordered by number, {@code x, x1, x2,
     * …} variables ordered by number ({@code x} first), {@code pi} the constant.
     *
     * @param text the expression
     * @return the compiled model, with only the names the expression uses
     * @throws ExpressionParseException if the text is not a valid expression, or uses any other name ("unknown
     *                                  identifier 'foo' at column N")
     */
    public static CompiledModel parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null (expected an expression)");
        }
        Parser parser = new Parser(text,
                name -> PARAMETER.matcher(name).matches() || VARIABLE.matcher(name).matches(),
                " (names are inferred: parameters b1, b2, ..., variables x, x1, x2, ...)");
        parser.parseAll();
        TreeSet<String> parameters = new TreeSet<>(numbered());
        TreeSet<String> variables = new TreeSet<>(numbered());
        for (String name : parser.usedNames) {
            (PARAMETER.matcher(name).matches() ? parameters : variables).add(name);
        }
        return parser.build(new ArrayList<>(variables), new ArrayList<>(parameters));
    }

    /**
     * Orders names by the number after their one-letter prefix (an empty number first), then by text. The numbers
     * are compared as digit strings (leading zeros dropped, then by length, then digit by digit), in linear time
     * however long they are.
     */
    private static Comparator<String> numbered() {
        return (a, b) -> {
            boolean na = a.length() > 1;
            boolean nb = b.length() > 1;
            if (!na || !nb) {
                int c = Boolean.compare(na, nb);
                return c != 0 ? c : a.compareTo(b);
            }
            int sa = firstSignificant(a);
            int sb = firstSignificant(b);
            int c = Integer.compare(a.length() - sa, b.length() - sb);
            for (int k = 0; c == 0 && sa + k < a.length(); k++) {
                c = Character.compare(a.charAt(sa + k), b.charAt(sb + k));
            }
            return c != 0 ? c : a.compareTo(b);
        };
    }

    /** The index of the first digit after the prefix letter that is not a leading zero (the last digit at least). */
    private static int firstSignificant(String name) {
        int i = 1;
        while (i < name.length() - 1 && name.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static void checkNames(String what, List<String> names, Map<String, Integer> index, Set<String> seen) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String where = what + "[" + i + "]";
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException(where + " is " + (name == null ? "null" : "'" + name + "'")
                        + ", expected an identifier (a letter or '_', then letters, digits or '_')");
            }
            if (FUNCTIONS.containsKey(name) || PI.equals(name)) {
                throw new IllegalArgumentException(where + " is '" + name
                        + "', a reserved name (function or constant); expected another name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(where + " is '" + name
                        + "', already declared; expected names distinct across variables and parameters");
            }
            index.put(name, i);
        }
    }

    // ------------------------------------------------------------------------------------------------ lexer

    private enum Kind {
        NUMBER, NAME, PLUS, MINUS, STAR, SLASH, POWER, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, COMMA, END
    }

    /** The text of each operator and bracket kind, by ordinal (shared, so that a token allocates no text). */
    private static final String[] SYMBOLS = {null, null, "+", "-", "*", "/", "^", "(", ")", "[", "]", ",", ""};

    /** One token: its kind, its text, its 1-based column and, for numbers, its value. */
    private record Token(Kind kind, String text, int column, double number) {
        String describe() {
            return kind == Kind.END ? "end of input" : "'" + text + "'";
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || c == '.') {
                int end = scanNumber(text, i);
                String literal = text.substring(i, end);
                double value = Double.parseDouble(literal);
                if (Double.isInfinite(value)) {
                    throw new ExpressionParseException("number '" + (literal.length() <= 40 ? literal
                            : literal.substring(0, 37) + "...") + "' at column " + column
                            + " overflows a double (its magnitude exceeds 1.8E308)", text, column);
                }
                tokens.add(new Token(Kind.NUMBER, literal, column, value));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end), column, 0));
                i = end;
            } else if (c == '*' && i + 1 < n && text.charAt(i + 1) == '*') {
                tokens.add(new Token(Kind.POWER, "**", column, 0));
                i += 2;
            } else {
                Kind kind = switch (c) {
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    case '*' -> Kind.STAR;
                    case '/' -> Kind.SLASH;
                    case '^' -> Kind.POWER;
                    case '(' -> Kind.OPEN_PAREN;
                    case ')' -> Kind.CLOSE_PAREN;
                    case '[' -> Kind.OPEN_BRACKET;
                    case ']' -> Kind.CLOSE_BRACKET;
                    case ',' -> Kind.COMMA;
                    default -> throw new ExpressionParseException(
                            "unexpected character '" + c + "' at column " + column, text, column);
                };
                tokens.add(new Token(kind, SYMBOLS[kind.ordinal()], column, 0));
                i++;
            }
        }
        tokens.add(new Token(Kind.END, "", n + 1, 0));
        return tokens;
    }

    /** An ASCII digit (other Unicode digits are not part of numbers). */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Scans {@code digits [. digits] [(e|E) [+|-] digits]} (at least one mantissa digit) from {@code start} and
     * returns the end index. An exponent marker followed by a letter ends the number there (so that {@code 2exp(x)}
     * becomes a number and a name, rejected as implicit multiplication); a second decimal point or an exponent
     * without digits is a malformed number.
     */
    private static int scanNumber(String text, int start) {
        int n = text.length();
        int i = start;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        boolean malformed = digits == 0;
        if (!malformed && i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(text.charAt(j))) {
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
                i = j;
            } else if (j > i + 1 || j >= n) {
                // "1E+", "1E-x" or "1E" at the end: an exponent was started but has no digits
                i = j;
                malformed = true;
            }
        }
        if (!malformed && i < n && text.charAt(i) == '.') {
            while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            malformed = true;
        }
        if (malformed) {
            throw new ExpressionParseException("malformed number '" + text.substring(start, i) + "' at column "
                    + (start + 1), text, start + 1);
        }
        return i;
    }

    // ------------------------------------------------------------------------------------------------ parser

    /**
     * Recursive-descent parser emitting the tape in post order (children before parents). It recurses once per
     * nesting level (bracket, function call, exponent), at most {@link #MAX_NESTING_DEPTH} levels; everything else
     * is read in loops.
     */
    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private final java.util.function.Predicate<String> isKnownName;
        private final String unknownHint;
        private int position;
        private int depth;

        // the tape under construction, in primitive arrays sized for one node per token (a token emits at most one
        // node), of which size are used; variable/parameter nodes carry the number of their name in names, resolved
        // to indices in build()
        private int size;
        private final int[] op;
        private final int[] left;
        private final int[] right;
        private final int[] nameId;
        private final double[] constant;
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> nameIds = new HashMap<>();
        final Set<String> usedNames = new HashSet<>();

        Parser(String text, java.util.function.Predicate<String> isKnownName, String unknownHint) {
            this.text = text;
            this.tokens = tokenize(text);
            int capacity = tokens.size();
            this.op = new int[capacity];
            this.left = new int[capacity];
            this.right = new int[capacity];
            this.nameId = new int[capacity];
            this.constant = new double[capacity];
            this.isKnownName = isKnownName;
            this.unknownHint = unknownHint;
        }

        void parseAll() {
            if (peek().kind() == Kind.END) {
                throw error("empty expression at column 1", 1);
            }
            expression();
            Token t = peek();
            if (t.kind() != Kind.END) {
                throw unexpectedAfterOperand(t, "expected an operator or the end of the expression");
            }
        }

        CompiledModel build(List<String> variables, List<String> parameters) {
            // resolve each distinct name once (not once per node: that would cost nodes x names)
            int[] nameOp = new int[names.size()];
            int[] nameIndex = new int[names.size()];
            Map<String, Integer> variableIndex = indexOf(variables);
            Map<String, Integer> parameterIndex = indexOf(parameters);
            for (int k = 0; k < names.size(); k++) {
                Integer v = variableIndex.get(names.get(k));
                if (v != null) {
                    nameOp[k] = CompiledModel.VAR;
                    nameIndex[k] = v;
                } else {
                    nameOp[k] = CompiledModel.PARAM;
                    nameIndex[k] = parameterIndex.get(names.get(k));
                }
            }
            int n = size;
            int[] ops = java.util.Arrays.copyOf(op, n);
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                int id = nameId[i];
                if (id >= 0) {
                    ops[i] = nameOp[id];
                    indices[i] = nameIndex[id];
                }
            }
            return new CompiledModel(text, variables, parameters, ops, java.util.Arrays.copyOf(left, n),
                    java.util.Arrays.copyOf(right, n), indices, java.util.Arrays.copyOf(constant, n));
        }

        private static Map<String, Integer> indexOf(List<String> list) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                index.putIfAbsent(list.get(i), i);
            }
            return index;
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token next() {
            return tokens.get(position++);
        }

        private int emit(int operation, int a, int b, double value, String symbol) {
            op[size] = operation;
            left[size] = a;
            right[size] = b;
            constant[size] = value;
            if (symbol == null) {
                nameId[size] = -1;
            } else {
                Integer id = nameIds.get(symbol);
                if (id == null) {
                    id = names.size();
                    names.add(symbol);
                    nameIds.put(symbol, id);
                }
                nameId[size] = id;
            }
            return size++;
        }

        private ExpressionParseException error(String reason, int column) {
            return new ExpressionParseException(reason, text, column);
        }

        /** Opens a nesting level at {@code t} (a bracket, a function call or an exponent), or fails past the limit. */
        private void enter(Token t) {
            if (++depth > MAX_NESTING_DEPTH) {
                throw error("nesting deeper than " + MAX_NESTING_DEPTH + " levels at column " + t.column()
                        + " (each bracket, function call and exponent opens a level)", t.column());
            }
        }

        private void leave() {
            depth--;
        }

        /** A token that cannot follow a complete operand. */
        private ExpressionParseException unexpectedAfterOperand(Token t, String expected) {
            switch (t.kind()) {
                case NUMBER, NAME, OPEN_PAREN, OPEN_BRACKET:
                    return error("unexpected " + t.describe() + " at column " + t.column()
                            + ": implicit multiplication is not supported, write '*'", t.column());
                case CLOSE_PAREN, CLOSE_BRACKET:
                    return error("unexpected " + t.describe() + " at column " + t.column()
                            + ": no matching opening bracket", t.column());
                default:
                    return error("unexpected " + t.describe() + " at column " + t.column() + ", " + expected,
                            t.column());
            }
        }

        private int expression() {
            int node = term();
            while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
                Kind k = next().kind();
                int rhs = term();
                node = emit(k == Kind.PLUS ? CompiledModel.ADD : CompiledModel.SUB, node, rhs, 0, null);
            }
            return node;
        }

        private int term() {
            int node = unary();
            while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
                Kind k = next().kind();
                int rhs = unary();
                node = emit(k == Kind.STAR ? CompiledModel.MUL : CompiledModel.DIV, node, rhs, 0, null);
            }
            return node;
        }

        private int unary() {
            // ('-' | '+')* power, read in a loop: each '-' wraps the operand in one negation, '+' does nothing
            int negations = 0;
            while (peek().kind() == Kind.MINUS || peek().kind() == Kind.PLUS) {
                if (next().kind() == Kind.MINUS) {
                    negations++;
                }
            }
            int node = power();
            for (int k = 0; k < negations; k++) {
                node = emit(CompiledModel.NEG, node, -1, 0, null);
            }
            return node;
        }

        private int power() {
            int base = primary();
            if (peek().kind() == Kind.POWER) {
                Token operator = next();
                // the exponent is a unary, so 2^3^2 = 2^(3^2) and 2^-1 = 1/2
                enter(operator);
                int exponent = unary();
                leave();
                return emit(CompiledModel.POW, base, exponent, 0, null);
            }
            return base;
        }

        private int primary() {
            Token t = next();
            switch (t.kind()) {
                case NUMBER:
                    return emit(CompiledModel.CONST, -1, -1, t.number(), null);
                case OPEN_PAREN, OPEN_BRACKET: {
                    enter(t);
                    int inner = expression();
                    close(t);
                    leave();
                    return inner;
                }
                case NAME:
                    return name(t);
                case END:
                    throw error("missing operand at column " + t.column() + " (end of input)", t.column());
                default:
                    throw error("missing operand at column " + t.column() + ": found " + t.describe()
                            + ", expected a number, a name or an opening bracket", t.column());
            }
        }

        /** Consumes the bracket that closes {@code open}, or reports which one is missing. */
        private void close(Token open) {
            Kind expected = open.kind() == Kind.OPEN_PAREN ? Kind.CLOSE_PAREN : Kind.CLOSE_BRACKET;
            String expectedText = expected == Kind.CLOSE_PAREN ? "')'" : "']'";
            Token t = peek();
            if (t.kind() == expected) {
                next();
                return;
            }
            if (t.kind() == Kind.CLOSE_PAREN || t.kind() == Kind.CLOSE_BRACKET) {
                throw error("mismatched bracket: " + open.describe() + " at column " + open.column()
                        + " closed by " + t.describe() + " at column " + t.column() + ", expected " + expectedText,
                        t.column());
            }
            if (t.kind() == Kind.END) {
                throw error("unbalanced brackets: " + open.describe() + " at column " + open.column()
                        + " is never closed (expected " + expectedText + " before the end of input)",
                        open.column());
            }
            throw unexpectedAfterOperand(t, "expected an operator or " + expectedText);
        }

        private int name(Token t) {
            String id = t.text();
            Integer function = FUNCTIONS.get(id);
            boolean call = peek().kind() == Kind.OPEN_PAREN || peek().kind() == Kind.OPEN_BRACKET;
            if (call && function == null && !isKnownName.test(id) && !PI.equals(id)) {
                throw error("unknown function '" + id + "' at column " + t.column() + " (known: "
                        + String.join(", ", new TreeSet<>(FUNCTIONS.keySet())) + ")", t.column());
            }
            if (function != null) {
                if (!call) {
                    throw error("function '" + id + "' at column " + t.column()
                            + " needs its argument in brackets, as in " + id + "(x)", t.column());
                }
                Token open = next();
                enter(t);
                List<Integer> arguments = new ArrayList<>();
                if (peek().kind() != Kind.CLOSE_PAREN && peek().kind() != Kind.CLOSE_BRACKET) {
                    arguments.add(expression());
                    while (peek().kind() == Kind.COMMA) {
                        next();
                        arguments.add(expression());
                    }
                }
                close(open);
                leave();
                if (arguments.size() != 1) {
                    throw error("function '" + id + "' at column " + t.column() + " takes 1 argument, found "
                            + arguments.size(), t.column());
                }
                return emit(function, arguments.get(0), -1, 0, null);
            }
            // a known name followed by a bracket falls through to the implicit-multiplication error of the caller
            if (isKnownName.test(id)) {
                usedNames.add(id);
                return emit(CompiledModel.VAR, -1, -1, 0, id);
            }
            if (PI.equals(id)) {
                return emit(CompiledModel.CONST, -1, -1, Math.PI, null);
            }
            throw error("unknown identifier '" + id + "' at column " + t.column() + unknownHint, t.column());
        }
    }
}
