package org.gn4j.linalg.op;

import java.util.EnumSet;

/** {@code A + B} for operators of equal shape; owns one work vector of each side's length. */
public final class SumOperator extends AbstractOperator {
    private final LinearOperator a;
    private final LinearOperator b;
    private final double[] tmpRows;
    private final double[] tmpCols;

    /**
     * @param a the first operand, referenced
     * @param b the second operand, of the same shape, referenced
     * @throws IllegalArgumentException if the shapes differ
     */
    public SumOperator(LinearOperator a, LinearOperator b) {
        super(a.rows(), a.cols(), tags(a, b));
        this.a = a;
        this.b = b;
        this.tmpRows = new double[a.rows()];
        this.tmpCols = new double[a.cols()];
    }

    private static EnumSet<Structure> tags(LinearOperator a, LinearOperator b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("b is " + b.rows() + "x" + b.cols() + ", expected " + a.rows() + "x"
                    + a.cols() + " (the shape of a)");
        }
        EnumSet<Structure> s = EnumSet.noneOf(Structure.class);
        if (a.is(Structure.SYMMETRIC) && b.is(Structure.SYMMETRIC)) {
            s.add(Structure.SYMMETRIC);
        }
        if (a.is(Structure.DIAGONAL) && b.is(Structure.DIAGONAL)) {
            s.add(Structure.DIAGONAL);
        }
        if (a.is(Structure.POSITIVE_SEMIDEFINITE) && b.is(Structure.POSITIVE_SEMIDEFINITE)) {
            s.add(Structure.POSITIVE_SEMIDEFINITE);
            if (a.is(Structure.POSITIVE_DEFINITE) || b.is(Structure.POSITIVE_DEFINITE)) {
                s.add(Structure.POSITIVE_DEFINITE);
            }
        }
        return s;
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        a.apply(x, y);
        b.apply(x, tmpRows);
        for (int i = 0; i < y.length; i++) {
            y[i] += tmpRows[i];
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        a.applyTranspose(x, y);
        b.applyTranspose(x, tmpCols);
        for (int i = 0; i < y.length; i++) {
            y[i] += tmpCols[i];
        }
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        // both diagonals into temporaries first: on false, out must be left untouched
        double[] s = new double[out.length];
        double[] t = new double[out.length];
        if (!a.diagonal(s) || !b.diagonal(t)) {
            return false;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = s[i] + t[i];
        }
        return true;
    }
}
