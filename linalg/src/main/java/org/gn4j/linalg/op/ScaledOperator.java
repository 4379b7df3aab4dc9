package org.gn4j.linalg.op;

import java.util.EnumSet;

/** {@code α A} for a finite scalar α. */
public final class ScaledOperator extends AbstractOperator {
    private final double alpha;
    private final LinearOperator a;

    /**
     * @param alpha the scale α, finite
     * @param a the operand, referenced
     * @throws IllegalArgumentException if α is not finite
     */
    public ScaledOperator(double alpha, LinearOperator a) {
        super(a.rows(), a.cols(), tags(alpha, a));
        this.alpha = alpha;
        this.a = a;
    }

    private static EnumSet<Structure> tags(double alpha, LinearOperator a) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha is " + alpha + ", expected a finite value");
        }
        EnumSet<Structure> s = EnumSet.noneOf(Structure.class);
        if (a.is(Structure.SYMMETRIC)) {
            s.add(Structure.SYMMETRIC);
        }
        if (a.is(Structure.DIAGONAL)) {
            s.add(Structure.DIAGONAL);
        }
        if (alpha >= 0 && a.is(Structure.POSITIVE_SEMIDEFINITE)) {
            s.add(Structure.POSITIVE_SEMIDEFINITE);
        }
        if (alpha > 0 && a.is(Structure.POSITIVE_DEFINITE)) {
            s.add(Structure.POSITIVE_DEFINITE);
        }
        return s;
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        a.apply(x, y);
        for (int i = 0; i < y.length; i++) {
            y[i] *= alpha;
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        a.applyTranspose(x, y);
        for (int i = 0; i < y.length; i++) {
            y[i] *= alpha;
        }
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        if (!a.diagonal(out)) {
            return false;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] *= alpha;
        }
        return true;
    }
}
