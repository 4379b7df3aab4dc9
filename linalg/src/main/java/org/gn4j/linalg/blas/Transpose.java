package org.gn4j.linalg.blas;

/** Whether a BLAS operand is used as stored ({@link #NO}) or transposed ({@link #YES}). */
public enum Transpose {
    /** The operand is used as stored. */
    NO,
    /** The operand is used transposed: {@code op(A) = Aᵀ}. */
    YES;

    /**
     * {@link #YES} when {@code t} is true.
     *
     * @param t whether the operand is transposed
     * @return {@link #YES} for true, {@link #NO} for false
     */
    public static Transpose of(boolean t) {
        return t ? YES : NO;
    }
}
