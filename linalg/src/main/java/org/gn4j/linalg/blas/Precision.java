package org.gn4j.linalg.blas;

import java.util.Locale;

/**
 * The arithmetic of a network's products: {@link #F32} multiplies in float32 (16 lanes per AVX-512 vector, half the
 * memory traffic of packed panels), {@link #F64} in float64. A property of a network fixed at construction and
 * applied behind the {@link Blas} seam by {@link Blas#withPrecision}; the solvers around a network (CG vectors and
 * dot products, Cholesky, damping, loss sums) stay in float64 either way.
 */
public enum Precision {
    /**
     * Products in float32 (operands rounded to float, sums in float within a cache block, float64 across), except
     * those the kernel computes faster in float64 on float64 storage (see {@link Blas#dgemmF32}): the error of a
     * product is at most float32's.
     */
    F32,
    /** Products in float64. */
    F64;

    /**
     * Unit round-off of the precision: 2⁻²⁴ for F32, 2⁻⁵³ for F64.
     *
     * @return the unit round-off u: {@code 2⁻²⁴} for F32, {@code 2⁻⁵³} for F64
     */
    public double unitRoundoff() {
        return this == F32 ? 0x1p-24 : 0x1p-53;
    }

    /**
     * Lower-case name as the command line writes it ("f32", "f64").
     *
     * @return {@code "f32"} or {@code "f64"}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The precision named {@code text} ("f32", "float32", "f64", "float64", any case).
     *
     * @param text the name; surrounding blanks and case are ignored ("float" and "double" are accepted too); null is
     *             rejected like any unknown name
     * @return the precision named
     * @throws IllegalArgumentException naming the value found and the values expected
     */
    public static Precision parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "f32":
            case "float32":
            case "float":
                return F32;
            case "f64":
            case "float64":
            case "double":
                return F64;
            default:
                throw new IllegalArgumentException("precision is '" + text + "', expected f32 or f64");
        }
    }
}
