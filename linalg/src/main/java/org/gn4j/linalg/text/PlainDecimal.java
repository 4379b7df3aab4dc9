package org.gn4j.linalg.text;

/**
 * The number grammar of gn4j's data readers (CSV, NIST StRD): an optional sign, digits with an optional point (at
 * least one digit on either side), then an optional exponent {@code e|E [+|-] digits}. Narrower than
 * {@link Double#parseDouble}, which also takes {@code 1d}, hex floats, {@code NaN} and {@code Infinity}. Linear time,
 * no backtracking. Stateless and safe to use from several threads.
 */
public final class PlainDecimal {
    private PlainDecimal() {
    }

    /**
     * Whether {@code text} (already trimmed) is a plain decimal number.
     *
     * @param text the candidate, already trimmed; not null
     * @return true when the whole of {@code text} follows the grammar of this class
     */
    public static boolean matches(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
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
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Whether {@code text} spells NaN or an infinity ({@code nan}, {@code inf}, {@code infinity}, any case and sign).
     *
     * @param text the candidate, already trimmed; not null
     * @return true for {@code nan}, {@code inf} or {@code infinity} in any case, with an optional sign
     */
    public static boolean spellsNonFinite(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /**
     * An ASCII digit.
     *
     * @param c the character
     * @return true for {@code '0'} to {@code '9'} only
     */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
