package org.gn4j.linalg.blas;

import org.gn4j.linalg.ArgumentChecks;

/**
 * The argument checks every {@link Blas} implementation makes, in one place so that all of them reject the same calls
 * with the same messages (argument named, found vs expected).
 */
public final class BlasArguments {
    private BlasArguments() {
    }

    /**
     * DGEMM: non-null flags, non-negative sizes, each operand's shape inside its array, and an output distinct from
     * the inputs.
     *
     * @param transA whether A is used as stored ({@link Transpose#NO}) or transposed ({@link Transpose#YES}); not null
     * @param transB the same flag for B; not null
     * @param m rows of {@code op(A)} and of C, {@code >= 0}
     * @param n columns of {@code op(B)} and of C, {@code >= 0}
     * @param k columns of {@code op(A)} = rows of {@code op(B)}, {@code >= 0}
     * @param a A, row-major: {@code m×k} as stored when not transposed, {@code k×m} when transposed
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A (distance between row starts), at least its stored column count and
     *            {@code >= 1}
     * @param b B, row-major: {@code k×n} as stored when not transposed, {@code n×k} when transposed
     * @param bOff index of B's first entry in {@code b}
     * @param ldb leading dimension of B, at least its stored column count and {@code >= 1}
     * @param c C, row-major {@code m×n}; overwritten with the result, must not overlap {@code a} or {@code b}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException naming the offending argument
     */
    public static void checkGemm(Transpose transA, Transpose transB, int m, int n, int k, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        checkSizes(transA, transB, m, n, k);
        ArgumentChecks.requireMatrix("a", a, aOff, rows(transA, m, k), rows(transA, k, m), lda);
        ArgumentChecks.requireMatrix("b", b, bOff, rows(transB, k, n), rows(transB, n, k), ldb);
        ArgumentChecks.requireMatrix("c", c, cOff, m, n, ldc);
    }

    /**
     * SGEMM: as {@link #checkGemm(Transpose, Transpose, int, int, int, double[], int, int, double[], int, int,
     * double[], int, int)} for float storage.
     *
     * @param transA whether A is used as stored ({@link Transpose#NO}) or transposed ({@link Transpose#YES}); not null
     * @param transB the same flag for B; not null
     * @param m rows of {@code op(A)} and of C, {@code >= 0}
     * @param n columns of {@code op(B)} and of C, {@code >= 0}
     * @param k columns of {@code op(A)} = rows of {@code op(B)}, {@code >= 0}
     * @param a A, row-major: {@code m×k} as stored when not transposed, {@code k×m} when transposed
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A (distance between row starts), at least its stored column count and
     *            {@code >= 1}
     * @param b B, row-major: {@code k×n} as stored when not transposed, {@code n×k} when transposed
     * @param bOff index of B's first entry in {@code b}
     * @param ldb leading dimension of B, at least its stored column count and {@code >= 1}
     * @param c C, row-major {@code m×n}; overwritten with the result, must not overlap {@code a} or {@code b}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException naming the offending argument
     */
    public static void checkGemm(Transpose transA, Transpose transB, int m, int n, int k, float[] a, int aOff,
            int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        checkSizes(transA, transB, m, n, k);
        ArgumentChecks.requireMatrix("a", a, aOff, rows(transA, m, k), rows(transA, k, m), lda);
        ArgumentChecks.requireMatrix("b", b, bOff, rows(transB, k, n), rows(transB, n, k), ldb);
        ArgumentChecks.requireMatrix("c", c, cOff, m, n, ldc);
    }

    /** Rows of an operand stored as {@code rows × cols} for {@code NO}, as its transpose for {@code YES}. */
    private static int rows(Transpose t, int rows, int cols) {
        return t == Transpose.YES ? cols : rows;
    }

    /**
     * DGEMV: A {@code m×n} inside its array, x and y of the lengths the flag implies ({@code n} and {@code m} for NO,
     * {@code m} and {@code n} for YES), and y distinct from A and x.
     *
     * @param trans {@link Transpose#NO}: {@code y = α·A·x + β·y}; {@link Transpose#YES}: {@code y = α·Aᵀ·x + β·y}
     * @param m rows of A as stored, {@code >= 0}
     * @param n columns of A as stored, {@code >= 0}
     * @param a A, row-major {@code m×n}
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A, {@code >= max(1, n)}
     * @param x the vector multiplied
     * @param xOff index of x's first entry in {@code x}
     * @param y the vector updated; not the same array as {@code a} or {@code x}
     * @param yOff index of y's first entry in {@code y}
     * @throws IllegalArgumentException naming the offending argument
     */
    public static void checkGemv(Transpose trans, int m, int n, double[] a, int aOff, int lda, double[] x, int xOff,
            double[] y, int yOff) {
        ArgumentChecks.requireMatrix("a", a, aOff, m, n, lda);
        ArgumentChecks.requireRange("x", x, xOff, rows(trans, n, m));
        ArgumentChecks.requireRange("y", y, yOff, rows(trans, m, n));
        if (y == x || y == a) {
            throw new IllegalArgumentException("y must not be the same array as a or x");
        }
    }

    /** The checks of either storage that do not look at the arrays: flags present, sizes non-negative. */
    private static void checkSizes(Transpose transA, Transpose transB, int m, int n, int k) {
        if (transA == null || transB == null) {
            throw new IllegalArgumentException("transpose flags must not be null");
        }
        ArgumentChecks.requireNonNegative("m", m);
        ArgumentChecks.requireNonNegative("n", n);
        ArgumentChecks.requireNonNegative("k", k);
    }

    /**
     * DSYRK: A's shape for the flag ({@code n×k} as stored for NO, {@code k×n} for YES), C square {@code n×n}, and C
     * not the same array as A.
     *
     * @param trans {@link Transpose#NO}: A stored {@code n×k}; {@link Transpose#YES}: A stored {@code k×n}
     * @param n order of C, {@code >= 0}
     * @param k inner dimension of the product, {@code >= 0}
     * @param a A, row-major
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A, at least its stored column count and {@code >= 1}
     * @param c C, row-major {@code n×n}; not the same array as {@code a}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     * @throws IllegalArgumentException naming the offending argument
     */
    public static void checkSyrk(Transpose trans, int n, int k, double[] a, int aOff, int lda, double[] c, int cOff,
            int ldc) {
        boolean t = trans == Transpose.YES;
        ArgumentChecks.requireMatrix("a", a, aOff, t ? k : n, t ? n : k, lda);
        ArgumentChecks.requireMatrix("c", c, cOff, n, n, ldc);
        if (a == c) {
            throw new IllegalArgumentException("c must not be the same array as a");
        }
    }
}
