package org.gn4j.gn.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.gn4j.testkit.Fuzz;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;

/**
 * 10,000 seeded inputs for the expression parser: mutations of valid model texts, random token sequences and deep
 * nesting (brackets, function calls, power chains, sign chains, around and far beyond the nesting limit). Each must
 * either compile, and then evaluate with value and gradient without throwing (the two passes agreeing on the value),
 * or raise {@link ExpressionParseException} naming a column inside the text; never another exception, never a stack
 * overflow, never more than 256 bytes per character of text (plus 1 MiB) allocated by the parse.
 */
class ModelExpressionFuzzTest {
    private static final List<String> SEEDS = List.of(
            "b1*(1-exp[-b2*x])",
            "b1 / (1+exp[b2-b3*x])",
            "exp(-b1*x)/(b2+b3*x)",
            "b1*x**b2",
            "(b1 + b2*x + b3*x**2)/(1 + b4*x)",
            "b1 + b2*cos( 2*pi*x/12 ) + b3*sin( 2*pi*x/12 )",
            "-b1^2 + 2^-b2 - --x",
            "sqrt(b1) + atan(b2*x1) - log(x2) * tan[b3] / arctan(b4)",
            "b1*(x**2+x*b2) / (x**2+x*b3+b4)",
            "1E-3 * .5 + 2.5e+1 - 0.5E0");

    private static final List<String> TOKENS = List.of("(", ")", "[", "]", ",", "+", "-", "*", "/", "^", "**", "exp(",
            "log[", "sin(", "cos(", "tan(", "atan(", "arctan[", "sqrt(", "pi", "x", "x1", "x2", "b1", "b2", "b3", "b4",
            "b99", "foo", "_", " ", "\t", "\n", "1", "2.5", ".5", "1E3", "1e-2", "$", "\u00e9", "\u0663", "2x", "e",
            "E", ".", "..", "1.2.3");

    /** Tokens of the random sequences: mostly well-formed pieces, some junk. */
    private static final List<String> SEQUENCE_TOKENS = List.of("(", ")", "[", "]", ",", "+", "-", "*", "/", "^",
            "**", "exp", "log", "sin", "sqrt", "atan", "pi", "x", "x1", "b1", "b2", "b3", "1", "2", "0.5", "1E3", " ",
            "1e999", "9".repeat(30), "#", "1d", "0x1p3");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomSequence(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + rng.nextInt(rng.nextInt(10) == 0 ? 400 : 30);
        for (int k = 0; k < length; k++) {
            sb.append(SEQUENCE_TOKENS.get(rng.nextInt(SEQUENCE_TOKENS.size())));
        }
        return utf8(sb.toString());
    }

    /** Nesting of one kind, with a depth near the limit or far beyond it. */
    private static byte[] deepNesting(SplittableRandom rng) {
        int limit = ModelExpression.MAX_NESTING_DEPTH;
        int depth = switch (rng.nextInt(100)) {
            case 0 -> 20_000; // the reported overflow: 20,000 chained signs, powers or brackets
            case 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 -> limit - 2 + rng.nextInt(5);
            case 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 -> limit + rng.nextInt(2000);
            default -> rng.nextInt(limit);
        };
        String inner = rng.nextBoolean() ? "b1*x" : "x";
        StringBuilder sb = new StringBuilder();
        switch (rng.nextInt(7)) {
            case 0 -> sb.append("(".repeat(depth)).append(inner).append(")".repeat(depth));
            case 1 -> sb.append("[(".repeat(depth / 2)).append(inner).append(")]".repeat(depth / 2));
            case 2 -> sb.append("exp(".repeat(depth)).append(inner).append(")".repeat(depth));
            case 3 -> sb.append("2^".repeat(depth)).append(inner);
            case 4 -> sb.append("-".repeat(depth)).append(inner);
            case 5 -> sb.append("b1**-".repeat(depth)).append(inner);
            default -> sb.append("(".repeat(depth)).append(inner); // unbalanced
        }
        return utf8(sb.toString());
    }

    @Test
    void tenThousandMutatedExpressionsParseOrFailWithAParseError() {
        List<byte[]> seeds = new ArrayList<>();
        for (String s : SEEDS) {
            seeds.add(utf8(s));
        }
        double[] vars = {0.7, 1.3, 2.1};
        double[] params = {1.5, 0.25, -0.75, 3.0};
        List<String> declaredVariables = List.of("x", "x1", "x2");
        List<String> declaredParameters = List.of("b1", "b2", "b3", "b4");
        int[] compiled = new int[1];
        Fuzz.Report report = Fuzz.of("ModelExpression.parse", seeds, Seeds.of(501), TOKENS)
                .generator(ModelExpressionFuzzTest::randomSequence)
                .generator(ModelExpressionFuzzTest::deepNesting)
                .allowing(ExpressionParseException.class)
                .messages(t -> {
                    ExpressionParseException e = (ExpressionParseException) t;
                    return e.column() >= 1 && e.column() <= e.expression().length() + 1 && e.reason() != null
                            && e.reason().contains("column");
                })
                .allocationBound(256, 1 << 20)
                .run(input -> {
                    String text = new String(input, StandardCharsets.UTF_8);
                    // inferred names for half the inputs, the same names declared for the other half
                    CompiledModel m = (input.length & 1) == 0 ? ModelExpression.parse(text)
                            : ModelExpression.parse(text, declaredVariables, declaredParameters);
                    double[] x = Arrays.copyOf(vars, m.variableCount());
                    double[] b = Arrays.copyOf(params, m.parameterCount());
                    double[] g = new double[m.parameterCount()];
                    double v = m.value(x, b);
                    double w = m.valueAndGradient(x, b, g);
                    assertTrue(Double.compare(v, w) == 0 || Double.isNaN(v) && Double.isNaN(w), text);
                    compiled[0]++;
                });
        System.out.println("ModelExpression fuzz: " + report);
        // both outcomes occur often: the mutations neither all break nor all keep the seeds
        assertTrue(report.valid() > 500 && report.errors() > 2000, report.toString());
    }
}
