package org.gn4j.linalg.op;

import java.util.EnumSet;

import org.gn4j.linalg.ArgumentChecks;

/** {@code diag(d)} as an operator. The array is copied, so the operator is immutable. */
public final class DiagonalOperator extends AbstractOperator {
    private final double[] d;

    /**
     * @param d diagonal entries; must be finite
     * @throws IllegalArgumentException if an entry is not finite
     */
    public DiagonalOperator(double[] d) {
        super(d.length, d.length, tags(d));
        this.d = d.clone();
    }

    private static EnumSet<Structure> tags(double[] d) {
        ArgumentChecks.requireFinite("d", d);
        EnumSet<Structure> s = EnumSet.of(Structure.DIAGONAL, Structure.SYMMETRIC);
        boolean nonNeg = true;
        boolean pos = true;
        for (double v : d) {
            nonNeg &= v >= 0;
            pos &= v > 0;
        }
        if (pos) {
            s.add(Structure.POSITIVE_DEFINITE);
        }
        if (nonNeg) {
            s.add(Structure.POSITIVE_SEMIDEFINITE);
        }
        return s;
    }

    /**
     * Entry {@code i} of the diagonal.
     *
     * @param i the index, {@code 0 <= i < rows()}
     * @return the diagonal entry {@code d_i}
     */
    public double get(int i) {
        return d[i];
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        for (int i = 0; i < d.length; i++) {
            y[i] = d[i] * x[i];
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        applyUnchecked(x, y);
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        System.arraycopy(d, 0, out, 0, d.length);
        return true;
    }
}
