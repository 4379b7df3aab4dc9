package org.gn4j.gn.ba;

import org.gn4j.gn.core.OperatorLinearization;
import org.gn4j.solvers.schur.CameraPointJacobian;

/**
 * A bundle-adjustment problem linearized at a point: residuals (two per observation), the gradient {@code Jᵀr} and the
 * Jacobian as a {@link CameraPointJacobian} (a 2×9 camera block and a 2×3 point block per observation; never a dense
 * m × n matrix), which the Schur-complement solvers ({@link SchurDampedSolver}) read and every matrix-free solver can
 * use as an operator. Valid until its objective is linearized again (the blocks are reused).
 */
public final class BundleAdjustmentLinearization extends OperatorLinearization {
    private final CameraPointJacobian jac;

    /**
     * A linearization with the given blocks, residuals and gradient.
     *
     * @param jac  the Jacobian blocks (not copied)
     * @param r    the residuals, length {@code jac.rows()} (held, not copied)
     * @param g    the gradient {@code Jᵀr}, length {@code jac.cols()} (held, not copied)
     * @param cost {@code ½‖r‖²}
     */
    public BundleAdjustmentLinearization(CameraPointJacobian jac, double[] r, double[] g, double cost) {
        super(jac, r, g, cost);
        this.jac = jac;
    }

    /**
     * The block Jacobian.
     *
     * @return the {@link CameraPointJacobian} this linearization was made with
     */
    @Override
    public CameraPointJacobian jacobian() {
        return jac;
    }

    /**
     * Column norms from the blocks ({@code O(m)}), at any n.
     *
     * @param out receives the n column norms
     * @return true
     */
    @Override
    public boolean columnNorms(double[] out) {
        jac.columnNorms(out);
        return true;
    }
}
