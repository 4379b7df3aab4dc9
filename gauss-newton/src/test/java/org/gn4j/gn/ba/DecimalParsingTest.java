package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DecimalParsingTest {
    /** The same bits as the JDK's parser, or the same exception type; the token is embedded in other text. */
    private static void same(String token) {
        String s = "ab " + token + " cd";
        int from = 3;
        int to = 3 + token.length();
        double expected;
        try {
            expected = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            assertThrows(NumberFormatException.class, () -> DecimalParsing.parseDouble(s, from, to), token);
            return;
        }
        double v = DecimalParsing.parseDouble(s, from, to);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v),
                () -> token + ": JDK " + expected + ", found " + v);
    }

    private static void sameLong(String token) {
        String s = "[" + token + "]";
        long expected;
        try {
            expected = Long.parseLong(token);
        } catch (NumberFormatException e) {
            assertThrows(NumberFormatException.class, () -> DecimalParsing.parseLong(s, 1, 1 + token.length()), token);
            return;
        }
        assertEquals(expected, DecimalParsing.parseLong(s, 1, 1 + token.length()), token);
    }

    @Test
    void shortestAndFixedDigitFormsOfRandomDoublesParseAsTheJdkParsesThem() {
        Random rnd = new Random(42);
        int decided = 0;
        int total = 0;
        for (int i = 0; i < 60_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String shortest = Double.toString(d);
            same(shortest);
            same(String.format(Locale.ROOT, "%.16e", d));
            same(String.format(Locale.ROOT, "%.14e", d));
            same(String.format(Locale.ROOT, "%.5e", d));
            // the BAL generator's numbers: moderate magnitudes, shortest form
            double g = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(12) - 6);
            same(Double.toString(g));
            same(Double.toString(-g));
            total++;
            BigDecimal b = new BigDecimal(Double.toString(Math.abs(g)));
            if (g != 0 && b.unscaledValue().bitLength() < 60
                    && !Double.isNaN(DecimalParsing.toDouble(b.unscaledValue().longValueExact(), -b.scale()))) {
                decided++;
            }
        }
        // the fast paths decide nearly every such number; the JDK's parser is the rare fallback
        assertTrue(decided > 0.99 * total, decided + " of " + total + " decided without the fallback");
    }

    @Test
    void randomDigitStringsWithExtremeExponentsParseAsTheJdkParsesThem() {
        Random rnd = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextBoolean() ? '-' : '+');
            }
            int n = 1 + rnd.nextInt(20);
            int point = rnd.nextInt(n + 2) - 1;
            for (int j = 0; j < n; j++) {
                if (j == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextInt(4) != 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(720) - 360);
            }
            same(sb.toString());
        }
    }

    @Test
    void halfwayPointsLimitsAndMalformedTokensParseAsTheJdkParsesThem() {
        Random rnd = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong() & 0x7fffffffffffffffL);
            if (!Double.isFinite(d) || d == Double.MAX_VALUE) {
                continue;
            }
            // the exact midpoint to the next double, and its neighbours in the last printed digit
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            same(mid.toString());
            same(mid.round(new java.math.MathContext(17)).toString());
            same(mid.round(new java.math.MathContext(18)).toString());
        }
        for (long m = (1L << 53) - 3; m < (1L << 53) + 10; m++) {
            same(Long.toString(m));
            same(m + "e3");
            same(m + "e-300");
        }
        for (String t : new String[] {"0", "-0", "+0", "0.0", "-0.000e5", "1", "1.", ".5", "-.5e1", "0e999999",
            "1e-400", "1e400", "-1e400", "4.9e-324", "2.4703282292062327e-324", "2.2250738585072014E-308",
            "2.2250738585072011e-308", "1.7976931348623157E308", "1.7976931348623158e308", "1.7976931348623159e308",
            "123456789012345678", "1234567890123456789", "12345678901234567890123", "9007199254740993",
            "0.000000000000000000000000000001", "1e22", "1e23", "8.98846567431158e307", "NaN", "-Infinity", "0x1p3",
            "1.0d", "2f", "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1e5.0", "abc", "1 2", "1_0", "١"}) {
            same(t);
        }
        for (String t : new String[] {"0", "-0", "+7", "123", "-9223372036854775808", "9223372036854775807",
            "9223372036854775808", "999999999999999999", "1000000000000000000", "", "-", "+", "1.0", "x", "12a"}) {
            sameLong(t);
        }
    }
}
