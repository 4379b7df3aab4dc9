package org.gn4j.gn.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.testkit.Fuzz;
import org.junit.jupiter.api.Test;

/** Nesting depth, long chains, numbers and memory: one test per reported defect of the expression parser. */
class ModelExpressionLimitsTest {
    private static final int LIMIT = ModelExpression.MAX_NESTING_DEPTH;

    private static ExpressionParseException parseError(String text) {
        return assertThrows(ExpressionParseException.class, () -> ModelExpression.parse(text));
    }

    @Test
    void twoThousandNestedParenthesesAreAParseErrorAtTheLevelPastTheLimit() {
        String text = "(".repeat(2000) + "x" + ")".repeat(2000);
        ExpressionParseException e = parseError(text);
        assertEquals(LIMIT + 1, e.column());
        assertTrue(e.reason().startsWith("nesting deeper than 256 levels at column 257"), e.reason());
    }

    @Test
    void nestingUpToTheLimitParsesEvaluatesAndDifferentiates() {
        String brackets = "(".repeat(LIMIT) + "b1*x" + ")".repeat(LIMIT);
        CompiledModel m = ModelExpression.parse(brackets);
        double[] g = new double[1];
        assertEquals(6.0, m.valueAndGradient(new double[] {2}, new double[] {3}, g));
        assertEquals(2.0, g[0]);
        parseError("(" + brackets + ")");

        String calls = "sqrt(".repeat(LIMIT) + "b1" + ")".repeat(LIMIT);
        CompiledModel c = ModelExpression.parse(calls);
        assertEquals(1.0, c.valueAndGradient(new double[0], new double[] {1}, g), 1e-15);
        assertEquals(Math.pow(0.5, LIMIT), g[0], 1e-300);
        parseError("exp(" + calls + ")");

        String powers = "1^".repeat(LIMIT) + "b1";
        assertEquals(1.0, ModelExpression.parse(powers).value(new double[0], new double[] {5}));
        ExpressionParseException e = parseError("1^" + powers);
        assertEquals(2 * LIMIT + 2, e.column(), "the caret is at the '^' that opens level 257");
    }

    @Test
    void twentyThousandChainedPowersAreAParseErrorNotAStackOverflow() {
        ExpressionParseException e = parseError("2^".repeat(20_000) + "x");
        assertEquals(2 * LIMIT + 2, e.column());
        e = parseError("b1**-".repeat(20_000) + "x");
        assertTrue(e.reason().contains("nesting deeper than 256"), e.reason());
    }

    @Test
    void twentyThousandChainedSignsParseAndDifferentiate() {
        // signs are read in a loop, so a chain of any length is fine (each '-' is one negation)
        CompiledModel even = ModelExpression.parse("-".repeat(20_000) + "b1*x");
        double[] g = new double[1];
        assertEquals(6.0, even.valueAndGradient(new double[] {2}, new double[] {3}, g));
        assertEquals(2.0, g[0]);
        CompiledModel odd = ModelExpression.parse("2^" + "-+".repeat(10_001) + "b1");
        assertEquals(0.125, odd.valueAndGradient(new double[0], new double[] {3}, g));
        assertEquals(-0.125 * Math.log(2), g[0], 1e-15);
    }

    @Test
    void longFlatChainsEvaluateWithoutRecursion() {
        int n = 100_000;
        StringBuilder sb = new StringBuilder("b1");
        for (int i = 1; i < n; i++) {
            sb.append(i % 2 == 0 ? "+b1" : "*1");
        }
        CompiledModel m = ModelExpression.parse(sb.toString());
        double[] g = new double[1];
        assertEquals(n / 2, m.valueAndGradient(new double[0], new double[] {1}, g), 1e-9);
        assertEquals(n / 2, g[0], 1e-9);
    }

    @Test
    void manyParametersCostLinearMemoryNotNodesTimesParameters() {
        // the forward-mode gradient kept p gradient entries per node: b1*x+...+b4000*x, 16,000 nodes, took
        // 16,000 x 4,000 doubles (512 MB); reverse mode keeps four doubles per node
        Fuzz.AllocationCounter counter = Fuzz.AllocationCounter.forCurrentThread();
        List<String> names = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= 4000; k++) {
            names.add("b" + k);
            sb.append(k == 1 ? "" : "+").append("b").append(k).append("*x");
        }
        String text = sb.toString();
        ModelExpression.parse(text); // warm up
        CompiledModel[] m = new CompiledModel[1];
        long bytes = counter.measure(() -> m[0] = ModelExpression.parse(text, List.of("x"), names));
        assertTrue(!counter.supported() || bytes < 256L * text.length() + (1 << 20),
                bytes + " bytes for " + text.length() + " characters");
        double[] params = new double[4000];
        double[] g = new double[4000];
        java.util.Arrays.fill(params, 1);
        assertEquals(4000 * 3.0, m[0].valueAndGradient(new double[] {3}, params, g));
        for (double gk : g) {
            assertEquals(3.0, gk);
        }
    }

    @Test
    void nonAsciiDigitsAndOverflowingNumbersAreParseErrors() {
        // Character.isDigit accepted '\u0663' and Double.parseDouble then threw NumberFormatException
        ExpressionParseException e = parseError("2*\u0663");
        assertEquals(3, e.column());
        e = parseError("b1 + 1e999*x");
        assertEquals(6, e.column());
        assertTrue(e.reason().startsWith("number '1e999' at column 6 overflows a double"), e.reason());
    }
}
