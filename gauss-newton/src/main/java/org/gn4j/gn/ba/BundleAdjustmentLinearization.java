package org.gn4j.gn.ba;

import org.gn4j.gn.core.Linearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.solvers.schur.CameraPointJacobian;

/**
 * A bundle-adjustment problem linearized at a point: residuals (two per observation), the gradient {@code Jᵀr} and the
 * Jacobian as a {@link CameraPointJacobian} (a 2×9 camera block and a 2×3 point block per observation; never a dense
 * m × n matrix), which the Schur-complement solvers ({@link SchurDampedSolver}) read and every matrix-free solver can
 * use as an operator. Valid until its objective is linearized again (the blocks are reused).
 */
public final class BundleAdjustmentLinearization implements Linearization {
    private final CameraPointJacobian jac;
    private final double[] r;
    private final double[] g;
    private final double cost;
    private double[] jd;

    /**
     * @param jac  the Jacobian blocks
     * @param r    the residuals (held)
     * @param g    the gradient {@code Jᵀr} (held)
     * @param cost {@code ½‖r‖²}
     */
    public BundleAdjustmentLinearization(CameraPointJacobian jac, double[] r, double[] g, double cost) {
        this.jac = jac;
        this.r = r;
        this.g = g;
        this.cost = cost;
    }

    @Override
    public int rows() {
        return jac.rows();
    }

    @Override
    public int cols() {
        return jac.cols();
    }

    @Override
    public double cost() {
        return cost;
    }

    @Override
    public double[] residuals() {
        return r;
    }

    @Override
    public double[] gradient() {
        return g;
    }

    /** The block Jacobian ({@link CameraPointJacobian}). */
    @Override
    public CameraPointJacobian jacobian() {
        return jac;
    }

    @Override
    public LinearOperator gram() {
        return Operators.normal(jac);
    }

    @Override
    public double curvature(double[] s) {
        if (jd == null) {
            jd = new double[jac.rows()];
        }
        jac.apply(s, jd);
        return VectorOps.dot(jd, jd);
    }

    /** Column norms from the blocks ({@code O(m)}). */
    @Override
    public boolean columnNorms(double[] out) {
        jac.columnNorms(out);
        return true;
    }
}
