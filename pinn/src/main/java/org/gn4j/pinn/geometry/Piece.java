package org.gn4j.pinn.geometry;

import java.util.Arrays;

/**
 * A boundary piece of a shape: a primitive {@link Surface}, possibly with its normal flipped (the subtrahend of a
 * difference) and clipped by the operands it met in set operations. A point of the surface belongs to the piece when
 * every clip accepts it.
 */
final class Piece {
    /** The point is strictly inside the other operand. */
    static final int IN = 1;
    /** The point is strictly outside the other operand. */
    static final int OUT = 2;
    /** The point is on the other operand's boundary, whose outward normal points the same way. */
    static final int ON_SAME = 4;
    /** The point is on the other operand's boundary, whose outward normal points the opposite way. */
    static final int ON_OPPOSITE = 8;

    final Surface surface;
    final String label;
    final boolean flipped;
    private final Shape[] others;
    private final int[] accept;
    private final boolean[] flippedThen;

    private Piece(Surface surface, String label, boolean flipped, Shape[] others, int[] accept,
            boolean[] flippedThen) {
        this.surface = surface;
        this.label = label;
        this.flipped = flipped;
        this.others = others;
        this.accept = accept;
        this.flippedThen = flippedThen;
    }

    /** An unclipped piece of a primitive. */
    static Piece of(Surface surface, String label) {
        return new Piece(surface, label, false, new Shape[0], new int[0], new boolean[0]);
    }

    /** Whether no set operation clips this piece. */
    boolean unclipped() {
        return others.length == 0;
    }

    /**
     * This piece seen from a set operation with {@code other}: points are kept where their class with respect to
     * {@code other} (judged with the normal as it is now) is in {@code acceptMask}; {@code flip} reverses the normal
     * afterwards.
     */
    Piece clip(Shape other, int acceptMask, boolean flip) {
        int k = others.length;
        Shape[] o = Arrays.copyOf(others, k + 1);
        int[] a = Arrays.copyOf(accept, k + 1);
        boolean[] f = Arrays.copyOf(flippedThen, k + 1);
        o[k] = other;
        a[k] = acceptMask;
        f[k] = flipped;
        return new Piece(surface, label, flipped ^ flip, o, a, f);
    }

    /** The same piece under another label. */
    Piece relabel(String newLabel) {
        return new Piece(surface, newLabel, flipped, others, accept, flippedThen);
    }

    /**
     * Whether the surface point x with the primitive's outward normal {@code nrm} belongs to this piece.
     *
     * @param jet scratch of at least {@code 2n + 1} entries
     */
    boolean keeps(double[] x, int xOff, double[] nrm, int nOff, int n, double[] jet) {
        for (int c = 0; c < others.length; c++) {
            Shape o = others[c];
            o.field(x, xOff, jet, 0);
            int cls;
            if (jet[0] > o.tolerance) {
                cls = IN;
            } else if (jet[0] < -o.tolerance) {
                cls = OUT;
            } else {
                // the other operand's outward normal is −∇φ: same orientation when n·∇φ < 0
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += nrm[nOff + i] * jet[1 + i];
                }
                if (flippedThen[c]) {
                    dot = -dot;
                }
                cls = dot < 0 ? ON_SAME : ON_OPPOSITE;
            }
            if ((accept[c] & cls) == 0) {
                return false;
            }
        }
        return true;
    }
}
