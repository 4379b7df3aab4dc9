package org.gn4j.linalg.op;

import java.util.EnumSet;

/**
 * {@code A + λI} for a square operator, the damped Gauss-Newton / Levenberg-Marquardt matrix. λ can be changed
 * between solves with {@link #setShift} (damping is adapted every iteration) without rebuilding anything.
 */
public final class ShiftedOperator extends AbstractOperator {
    private final LinearOperator a;
    private double lambda;

    /**
     * @param a the square operator; referenced
     * @param lambda the initial shift λ, finite; with {@code λ > 0} on a positive semidefinite {@code a} the result is
     *               tagged positive definite
     * @throws IllegalArgumentException if {@code a} is not square or λ is not finite
     */
    public ShiftedOperator(LinearOperator a, double lambda) {
        super(a.rows(), a.cols(), tags(a, lambda));
        this.a = a;
        this.lambda = lambda;
    }

    private static EnumSet<Structure> tags(LinearOperator a, double lambda) {
        if (!a.isSquare()) {
            throw new IllegalArgumentException(
                    "a is " + a.rows() + "x" + a.cols() + ", expected a square operator for A + lambda*I");
        }
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda is " + lambda + ", expected a finite value");
        }
        EnumSet<Structure> s = EnumSet.noneOf(Structure.class);
        if (a.is(Structure.SYMMETRIC)) {
            s.add(Structure.SYMMETRIC);
        }
        if (a.is(Structure.DIAGONAL)) {
            s.add(Structure.DIAGONAL);
        }
        // PSD + λI with λ > 0 is PD; the tags are fixed at construction for λ's sign class (see setShift)
        if (a.is(Structure.POSITIVE_SEMIDEFINITE) && lambda >= 0) {
            s.add(Structure.POSITIVE_SEMIDEFINITE);
            if (lambda > 0 || a.is(Structure.POSITIVE_DEFINITE)) {
                s.add(Structure.POSITIVE_DEFINITE);
            }
        }
        return s;
    }

    /**
     * The current shift λ.
     *
     * @return the current λ
     */
    public double shift() {
        return lambda;
    }

    /**
     * Changes λ. The structure tags were fixed for the initial λ, so the new value must keep them true.
     *
     * @param lambda the new λ, finite; must be {@code > 0} if the operator was built positive definite from a
     *               semidefinite {@code a}, {@code >= 0} if it is tagged semidefinite
     * @throws IllegalArgumentException if λ is not finite, or would break a positive (semi-)definiteness tag
     */
    public void setShift(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda is " + lambda + ", expected a finite value");
        }
        if (structure().contains(Structure.POSITIVE_SEMIDEFINITE) && lambda < 0) {
            throw new IllegalArgumentException("lambda is " + lambda + ", expected >= 0 to keep A + lambda*I PSD");
        }
        if (structure().contains(Structure.POSITIVE_DEFINITE) && !a.is(Structure.POSITIVE_DEFINITE) && !(lambda > 0)) {
            throw new IllegalArgumentException("lambda is " + lambda + ", expected > 0 to keep A + lambda*I PD");
        }
        this.lambda = lambda;
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        a.apply(x, y);
        for (int i = 0; i < y.length; i++) {
            y[i] += lambda * x[i];
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        a.applyTranspose(x, y);
        for (int i = 0; i < y.length; i++) {
            y[i] += lambda * x[i];
        }
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        if (!a.diagonal(out)) {
            return false;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += lambda;
        }
        return true;
    }
}
