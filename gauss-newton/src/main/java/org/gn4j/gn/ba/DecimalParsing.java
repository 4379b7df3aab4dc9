package org.gn4j.gn.ba;

import java.math.BigInteger;

/**
 * Decimal numbers of a text file parsed to exactly the values {@link Double#parseDouble} and {@link Long#parseLong}
 * give, without their general machinery on the common path: plain decimals ({@code [+-]digits[.digits][(e|E)[+-]digits]}
 * with at most 18 significant digits) are converted by Clinger's exact fast path (a significand below 2⁵³ times or
 * divided by an exact power of ten up to 10²²) or by the Eisel-Lemire method (the significand times a 128-bit
 * truncation of 5^q, correctly rounded whenever the 192-bit product decides the rounding, which it does unless the
 * truncation error could carry into the rounding bit or the value could lie on a halfway point). Every other token
 * (more digits, subnormal or overflowing results, undecided rounding, {@code NaN}, hexadecimal, type suffixes,
 * malformed text) is handed to the JDK's parser, so results and exceptions are the JDK's.
 *
 * <p>The point is the compile queue of a short-lived JVM: the JDK's parser of 17-digit numbers runs big-integer
 * arithmetic whose methods become hot while a file is read, and C2 is still compiling them (with its thresholds for
 * every other method raised by the backlog) when the work the file was read for starts.
 */
final class DecimalParsing {
    private static final int MIN_Q = -342;
    private static final int MAX_Q = 308;
    private static final double[] EXACT_POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** 5^q for q in [MIN_Q, MAX_Q], normalized to [2¹²⁷, 2¹²⁸) and truncated: high and low 64 bits. */
    private static final class Powers {
        static final long[] HI = new long[MAX_Q - MIN_Q + 1];
        static final long[] LO = new long[MAX_Q - MIN_Q + 1];
        /** floor(log2(5^q)). */
        static final int[] LOG2 = new int[MAX_Q - MIN_Q + 1];

        static {
            BigInteger five = BigInteger.valueOf(5);
            BigInteger p = BigInteger.ONE;
            for (int q = 0; q <= Math.max(MAX_Q, -MIN_Q); q++) {
                int bl = p.bitLength();
                if (q <= MAX_Q) {
                    BigInteger t = bl >= 128 ? p.shiftRight(bl - 128) : p.shiftLeft(128 - bl);
                    set(q, t, bl - 1);
                }
                if (q > 0 && -q >= MIN_Q) {
                    // 2^(127 + bl) / 5^q lies in (2^127, 2^128) as 5^q lies in (2^(bl-1), 2^bl)
                    set(-q, BigInteger.ONE.shiftLeft(127 + bl).divide(p), -bl);
                }
                p = p.multiply(five);
            }
        }

        private static void set(int q, BigInteger t, int log2) {
            HI[q - MIN_Q] = t.shiftRight(64).longValue();
            LO[q - MIN_Q] = t.longValue();
            LOG2[q - MIN_Q] = log2;
        }
    }

    private DecimalParsing() {
    }

    /**
     * {@code Double.parseDouble(s.substring(from, to))}.
     *
     * @param s the text
     * @param from first character of the token
     * @param to end of the token, exclusive
     * @return the double the JDK parses from that token
     * @throws NumberFormatException as {@link Double#parseDouble}
     */
    static double parseDouble(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long w = 0;
        int significant = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (point) {
                    fraction++;
                }
                if (w != 0 || c != '0') {
                    if (++significant > 18) {
                        return Double.parseDouble(s.substring(from, to));
                    }
                    w = 10 * w + (c - '0');
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.parseDouble(s.substring(from, to));
        }
        int exp = 0;
        if (i < to) {
            char c = s.charAt(i);
            if (c != 'e' && c != 'E') {
                return Double.parseDouble(s.substring(from, to));
            }
            i++;
            boolean negExp = false;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                negExp = s.charAt(i) == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < to; i++) {
                c = s.charAt(i);
                if (c < '0' || c > '9' || ++expDigits > 5) {
                    return Double.parseDouble(s.substring(from, to));
                }
                exp = 10 * exp + (c - '0');
            }
            if (expDigits == 0) {
                return Double.parseDouble(s.substring(from, to));
            }
            if (negExp) {
                exp = -exp;
            }
        }
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        int q = exp - fraction;
        double v = toDouble(w, q);
        if (Double.isNaN(v)) {
            return Double.parseDouble(s.substring(from, to));
        }
        return negative ? -v : v;
    }

    /**
     * {@code w·10^q} correctly rounded, for {@code 0 < w < 10¹⁸}; NaN when neither fast path decides it (the caller
     * then uses the JDK's parser).
     */
    static double toDouble(long w, int q) {
        if (w < (1L << 53) && q >= -22 && q <= 22) {
            // Clinger: both operands exact, one correctly rounded operation
            return q >= 0 ? w * EXACT_POWERS[q] : w / EXACT_POWERS[-q];
        }
        if (q < MIN_Q || q > MAX_Q) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        long x = w << lz;
        long thi = Powers.HI[q - MIN_Q];
        long tlo = Powers.LO[q - MIN_Q];
        // P = x·T as three 64-bit limbs p2:p1:p0 (p0 is not needed); the exact product lies in [P, P + x)
        long a1 = unsignedMultiplyHigh(x, tlo);
        long b0 = x * thi;
        long b1 = unsignedMultiplyHigh(x, thi);
        long p1 = b0 + a1;
        long p2 = b1 + (Long.compareUnsigned(p1, b0) < 0 ? 1 : 0);
        int shift = p2 < 0 ? 10 : 9;
        long lowMask = (1L << shift) - 1;
        long low = p2 & lowMask;
        if ((low == lowMask && p1 == -1L) || (low == 0 && p1 == 0)) {
            // the truncation could carry into the rounding bit, or the value could be a halfway point
            return Double.NaN;
        }
        long m = p2 >>> shift;
        int e2 = (shift == 10 ? 12 : 11) + Powers.LOG2[q - MIN_Q] + q - lz;
        if ((m & 1) != 0) {
            // above halfway (the bits below the rounding bit are not all zero)
            m++;
        }
        m >>>= 1;
        if (m == (1L << 53)) {
            m >>>= 1;
            e2++;
        }
        int biased = e2 + 52 + 1023;
        if (biased < 1 || biased > 2046) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(((long) biased << 52) | (m & ((1L << 52) - 1)));
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /**
     * {@code Long.parseLong(s.substring(from, to))}.
     *
     * @param s the text
     * @param from first character of the token
     * @param to end of the token, exclusive
     * @return the long the JDK parses from that token
     * @throws NumberFormatException as {@link Long#parseLong}
     */
    static long parseLong(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i == to || to - i > 18) {
            return Long.parseLong(s.substring(from, to));
        }
        long v = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Long.parseLong(s.substring(from, to));
            }
            v = 10 * v + (c - '0');
        }
        return negative ? -v : v;
    }
}
