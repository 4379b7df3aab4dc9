package org.gn4j.linalg.blas;

/** Whether a BLAS operand is used as stored ({@link #NO}) or transposed ({@link #YES}). */
public enum Transpose {
    NO, YES;

    /** {@link #YES} when {@code t} is true. */
    public static Transpose of(boolean t) {
        return t ? YES : NO;
    }
}
