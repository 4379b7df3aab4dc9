package org.gn4j.gn.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelExpressionTest {
    private static final double[] NO_VARS = {};
    private static final double[] NO_PARAMS = {};

    private static double eval(String text) {
        return ModelExpression.parse(text).value(NO_VARS, NO_PARAMS);
    }

    // ------------------------------------------------------------------ values, precedence, associativity

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '=', value = {
        "2^3^2 = 512",
        "2**3**2 = 512",
        "(2^3)^2 = 64",
        "-2^2 = -4",
        "(-2)^2 = 4",
        "2*-3 = -6",
        "2^-1 = 0.5",
        "-2^-2 = -0.25",
        "1-2-3 = -4",
        "1-(2-3) = 2",
        "8/4/2 = 1",
        "8/(4/2) = 4",
        "1+2*3 = 7",
        "(1+2)*3 = 9",
        "[1+2]*3 = 9",
        "2*[3-(4-5)] = 8",
        "-3*2 = -6",
        "--3 = 3",
        "+-+3 = -3",
        "2*3^2 = 18",
        "-2*3^2+1 = -17",
        "12/2^2/3 = 1",
        "1E-3 * 1000 = 1",
        "0.5E0 + .5 = 1",
        "2.5e+1 = 25",
        "1. + 1 = 2",
        "sqrt(16) + exp[0] = 5",
        "log(exp(2)) = 2",
        "sin(0) + cos(0) + tan(0) + atan(0) + arctan[0] = 1",
        "4*atan(1) - pi = 0",
    })
    void valuesFollowPrecedenceAndAssociativity(String text, double expected) {
        assertEquals(expected, eval(text), 1e-15 * Math.max(1, Math.abs(expected)), text);
    }

    @Test
    void variablesAndParametersAreBoundByPosition() {
        CompiledModel m = ModelExpression.parse("a*t + c", List.of("t"), List.of("a", "c"));
        assertEquals(2 * 5 + 7, m.value(new double[] {5}, new double[] {2, 7}));
        assertEquals(List.of("t"), m.variableNames());
        assertEquals(List.of("a", "c"), m.parameterNames());
        assertEquals("a*t + c", m.text());
    }

    @Test
    void inferredNamesAreOrderedByNumber() {
        CompiledModel m = ModelExpression.parse("b10*x2 + b2*x + b1*x1");
        assertEquals(List.of("b1", "b2", "b10"), m.parameterNames());
        assertEquals(List.of("x", "x1", "x2"), m.variableNames());
        // b1*x1 + b2*x + b10*x2 at x = 1, x1 = 2, x2 = 3 and b = (1, 10, 100)
        assertEquals(1 * 2 + 10 * 1 + 100 * 3, m.value(new double[] {1, 2, 3}, new double[] {1, 10, 100}));
        assertEquals(3, m.parameterCount());
        assertEquals(3, m.variableCount());
    }

    @Test
    void declaredButUnusedParameterHasZeroGradient() {
        CompiledModel m = ModelExpression.parse("b1*x", List.of("x"), List.of("b1", "b2"));
        double[] g = new double[2];
        assertEquals(6, m.valueAndGradient(new double[] {3}, new double[] {2, 9}, g));
        assertEquals(3, g[0]);
        assertEquals(0, g[1]);
    }

    @Test
    void nonFiniteResultsAreValuesNotErrors() {
        CompiledModel m = ModelExpression.parse("log(b1) + sqrt(x) + exp(b1*1000)");
        double[] g = new double[1];
        assertTrue(Double.isNaN(m.value(new double[] {1}, new double[] {-1})));
        assertTrue(Double.isInfinite(m.valueAndGradient(new double[] {1}, new double[] {1}, g)));
        assertTrue(Double.isInfinite(g[0]));
    }

    @Test
    void constantExponentOfNegativeBaseHasFiniteGradient() {
        // d/db1 (b1*x)^2 at x < 0 must not bring in ln(negative) for the constant exponent
        CompiledModel m = ModelExpression.parse("(b1*x)**2");
        double[] g = new double[1];
        assertEquals(36, m.valueAndGradient(new double[] {-3}, new double[] {2}, g), 1e-12);
        assertEquals(2 * (2 * -3) * -3, g[0], 1e-12);
    }

    @Test
    void copiesEvaluateIndependently() {
        CompiledModel m = ModelExpression.parse("b1*exp(-b2*x)");
        CompiledModel c = m.copy();
        double[] g1 = new double[2];
        double[] g2 = new double[2];
        double v1 = m.valueAndGradient(new double[] {1}, new double[] {2, 0.5}, g1);
        double v2 = c.valueAndGradient(new double[] {2}, new double[] {3, 0.1}, g2);
        assertEquals(2 * Math.exp(-0.5), v1, 1e-15);
        assertEquals(3 * Math.exp(-0.2), v2, 1e-15);
        assertEquals(Math.exp(-0.5), g1[0], 1e-15);
        assertEquals(-2 * Math.exp(-0.5), g1[1], 1e-15);
        assertEquals(c.parameterNames(), m.parameterNames());
    }

    @Test
    void wrongArrayLengthsNameTheArgument() {
        CompiledModel m = ModelExpression.parse("b1*x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.value(new double[2], new double[1]));
        assertTrue(e.getMessage().contains("vars has length 2, expected 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> m.valueAndGradient(new double[1], new double[1], new double[3]));
        assertTrue(e.getMessage().contains("gradOut has length 3, expected 1"), e.getMessage());
    }

    @Test
    void badDeclarationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ModelExpression.parse("x", List.of("x"), List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> ModelExpression.parse("x", List.of("exp"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ModelExpression.parse("x", List.of("pi"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ModelExpression.parse("x", List.of("1x"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ModelExpression.parse(null));
    }

    // ------------------------------------------------------------------ parse errors with their columns

    @ParameterizedTest(name = "[{0}] -> column {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "b1*(1-exp[-b2*x]))  | 18 | unexpected ')' at column 18",
        "(1+2]               | 5  | '(' at column 1 closed by ']' at column 5",
        "exp[x)              | 6  | '[' at column 4 closed by ')' at column 6",
        "(1+2                | 1  | '(' at column 1 is never closed",
        "2*(3+[4-x)          | 10 | '[' at column 6 closed by ')' at column 10",
        "foo(x)              | 1  | unknown function 'foo' at column 1",
        "1 + foo             | 5  | unknown identifier 'foo' at column 5",
        "exp(1, 2)           | 1  | function 'exp' at column 1 takes 1 argument, found 2",
        "sin()               | 1  | function 'sin' at column 1 takes 1 argument, found 0",
        "exp + 1             | 1  | function 'exp' at column 1 needs its argument in brackets",
        "1 +                 | 4  | missing operand at column 4 (end of input)",
        "1 + * 2             | 5  | missing operand at column 5: found '*'",
        "(*2)                | 2  | missing operand at column 2",
        "()                  | 2  | missing operand at column 2: found ')'",
        "2x                  | 2  | unexpected 'x' at column 2: implicit multiplication",
        "2(x+1)              | 2  | unexpected '(' at column 2: implicit multiplication",
        "(x)(x)              | 4  | unexpected '(' at column 4: implicit multiplication",
        "x 3                 | 3  | unexpected '3' at column 3: implicit multiplication",
        "1 2 +               | 3  | implicit multiplication",
        "1 , 2               | 3  | unexpected ',' at column 3",
        "1E+                 | 1  | malformed number '1E+' at column 1",
        "1.2.3               | 1  | malformed number '1.2.3' at column 1",
        ".                   | 1  | malformed number '.' at column 1",
        "b1 $ 2              | 4  | unexpected character '$' at column 4",
        "x^                  | 3  | missing operand at column 3",
    })
    void parseErrorsNameTheColumn(String text, int column, String fragment) {
        ExpressionParseException e = assertThrows(ExpressionParseException.class, () -> ModelExpression.parse(text));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(text, e.expression());
        // the caret line points at the column
        String[] lines = e.getMessage().split("\\R");
        assertEquals(3, lines.length, e.getMessage());
        assertEquals("  " + " ".repeat(column - 1) + "^", lines[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void emptyInputIsAnError(String text) {
        ExpressionParseException e = assertThrows(ExpressionParseException.class, () -> ModelExpression.parse(text));
        assertEquals(1, e.column());
        assertTrue(e.getMessage().startsWith("empty expression at column 1"), e.getMessage());
    }

    @Test
    void unknownIdentifierWithDeclaredNames() {
        ExpressionParseException e = assertThrows(ExpressionParseException.class,
                () -> ModelExpression.parse("a*x", List.of("t"), List.of("a")));
        assertEquals(3, e.column());
        assertTrue(e.reason().equals("unknown identifier 'x' at column 3"), e.reason());
    }

    @Test
    void parseExceptionIsAnIllegalArgumentException() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(ExpressionParseException.class));
    }

    // ------------------------------------------------------------------ derivatives against finite differences

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "b1*x + b2",
        "b1 - b2*x",
        "b1*b2*x",
        "b1/(b2+x)",
        "(b1*x)/(b2)",
        "-b1*b2",
        "exp(b1*x + b2)",
        "log(b1*x + b2)",
        "sin(b1*x + b2)",
        "cos(b1*x + b2)",
        "tan(b1*x - b2)",
        "atan(b1*x + b2)",
        "arctan[b1*x - b2]",
        "sqrt(b1*x + b2)",
        "(b1 + x)^b2",
        "(b1 + x)^2.5",
        "2^(b1*x + b2)",
        "x^b1 * b2",
        "(b2+x)**(-1/b1)",
        "b1*exp(-b2*x)*sin(b1/x)/sqrt(b2+x^2) - log(b1*b2)^2",
    })
    void gradientMatchesCentralDifferences(String text) {
        CompiledModel m = ModelExpression.parse(text, List.of("x"), List.of("b1", "b2"));
        double[][] points = {{0.7, 0.3, 0.2}, {1.3, 0.8, 1.1}, {2.0, 0.45, 0.6}, {0.25, 1.7, 0.9}};
        for (double[] point : points) {
            double[] vars = {point[0]};
            double[] params = {point[1], point[2]};
            GradientChecks.assertGradientMatches(m, vars, params);
        }
    }
}
