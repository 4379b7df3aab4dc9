package org.gn4j.linalg;

/**
 * Argument validation shared by every gn4j module. Each check throws {@link IllegalArgumentException} whose message
 * names the argument, what was found and what was expected, so a caller can fix the call without a debugger.
 */
public final class ArgumentChecks {
    private ArgumentChecks() {
    }

    /**
     * Requires {@code array.length == expected}.
     *
     * @param name the argument's name, used in the exception message
     * @param array the array checked; null fails
     * @param expected the required length
     * @throws IllegalArgumentException if the array is null or has another length
     */
    public static void requireLength(String name, double[] array, int expected) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null (expected length " + expected + ")");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name + " has length " + array.length + ", expected " + expected);
        }
    }

    /**
     * Requires that {@code array[offset .. offset + count)} lies inside the array.
     *
     * @param name the argument's name, used in the exception message
     * @param array the array checked; null fails
     * @param offset index of the range's first entry, {@code >= 0}
     * @param count number of entries in the range, {@code >= 0}
     * @throws IllegalArgumentException if the array is null, the offset is negative or the range runs past the end
     */
    public static void requireRange(String name, double[] array, int offset, int count) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null (expected an array holding the range ["
                    + offset + ", " + ((long) offset + count) + "))");
        }
        if (offset < 0 || count < 0 || (long) offset + count > array.length) {
            throw new IllegalArgumentException(name + ": range [" + offset + ", " + ((long) offset + count)
                    + ") found, expected within [0, " + array.length + ")");
        }
    }

    /**
     * Requires that a row-major matrix with {@code rows} rows, {@code cols} columns and leading dimension {@code ld}
     * starting at {@code offset} fits in the array.
     *
     * @param name the argument's name, used in the exception message
     * @param array the array checked; null fails
     * @param offset index of the matrix's first entry, {@code >= 0}
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param ld leading dimension (distance between row starts), {@code >= max(1, cols)}
     */
    public static void requireMatrix(String name, double[] array, int offset, int rows, int cols, int ld) {
        requireMatrix(name, array == null, array == null ? 0 : array.length, offset, rows, cols, ld);
    }

    /**
     * As {@link #requireMatrix(String, double[], int, int, int, int)}, for float storage.
     *
     * @param name the argument's name, used in the exception message
     * @param array the array checked; null fails
     * @param offset index of the matrix's first entry, {@code >= 0}
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param ld leading dimension (distance between row starts), {@code >= max(1, cols)}
     */
    public static void requireMatrix(String name, float[] array, int offset, int rows, int cols, int ld) {
        requireMatrix(name, array == null, array == null ? 0 : array.length, offset, rows, cols, ld);
    }

    /** The shape and range checks of either storage: an array of {@code length} elements, or none. */
    private static void requireMatrix(String name, boolean missing, int length, int offset, int rows, int cols,
            int ld) {
        if (missing) {
            throw new IllegalArgumentException(
                    name + " must not be null (expected an array holding a " + rows + "x" + cols + " matrix)");
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(
                    name + ": negative shape " + rows + "x" + cols + " found, expected non-negative dimensions");
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(
                    name + ": leading dimension " + ld + " found, expected >= " + Math.max(1, cols));
        }
        if (offset < 0) {
            throw new IllegalArgumentException(name + ": offset " + offset + " found, expected >= 0");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) offset + (long) (rows - 1) * ld + cols;
        if (last > length) {
            throw new IllegalArgumentException(name + ": a " + rows + "x" + cols + " matrix with leading dimension "
                    + ld + " at offset " + offset + " needs " + last + " elements, found " + length);
        }
    }

    /**
     * Requires a non-null argument: {@link IllegalArgumentException} naming it, never a NullPointerException.
     *
     * @param <T> the argument's type
     * @param name the argument's name, used in the exception message
     * @param value the argument; null fails
     * @return the argument
     */
    public static <T> T requireNonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Requires {@code value >= 0}.
     *
     * @param name the argument's name, used in the exception message
     * @param value the value checked
     */
    public static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is " + value + ", expected >= 0");
        }
    }

    /**
     * Requires {@code value > 0}.
     *
     * @param name the argument's name, used in the exception message
     * @param value the value checked
     */
    public static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " is " + value + ", expected > 0");
        }
    }

    /**
     * Requires a finite {@code value >= 0}.
     *
     * @param name the argument's name, used in the exception message
     * @param value the value checked; NaN and ±∞ fail
     */
    public static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ", expected a finite value >= 0");
        }
    }

    /**
     * Requires a finite {@code value > 0}.
     *
     * @param name the argument's name, used in the exception message
     * @param value the value checked; NaN and ±∞ fail
     */
    public static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ", expected a finite value > 0");
        }
    }

    /**
     * Requires {@code value > 0}; positive infinity is allowed (for example an unbounded trust radius).
     *
     * @param name the argument's name, used in the exception message
     * @param value the value checked; NaN, 0, negatives and −∞ fail
     */
    public static void requirePositiveOrInfinite(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " is " + value + ", expected > 0");
        }
    }

    /**
     * Requires every entry to be finite, naming the first offending index.
     *
     * @param name the argument's name, used in the exception message
     * @param array the array checked; null fails
     */
    public static void requireFinite(String name, double[] array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < array.length; i++) {
            if (!Double.isFinite(array[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + array[i] + ", expected a finite value");
            }
        }
    }

    /**
     * Requires two arrays to be distinct objects (the operation cannot work in place).
     *
     * @param nameA the first argument's name, used in the message
     * @param a the first array
     * @param nameB the second argument's name, used in the message
     * @param b the second array
     */
    public static void requireDistinct(String nameA, double[] a, String nameB, double[] b) {
        if (a == b) {
            throw new IllegalArgumentException(nameA + " and " + nameB
                    + " are the same array, expected distinct arrays (this operation cannot work in place)");
        }
    }

    /**
     * Requires {@code found == expected} for a named dimension.
     *
     * @param name the dimension's name, used in the message
     * @param found the dimension the caller passed
     * @param expected the dimension required
     */
    public static void requireDimension(String name, int found, int expected) {
        if (found != expected) {
            throw new IllegalArgumentException(name + " is " + found + ", expected " + expected);
        }
    }
}
