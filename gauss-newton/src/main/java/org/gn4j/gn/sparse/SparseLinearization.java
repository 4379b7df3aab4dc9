package org.gn4j.gn.sparse;

import org.gn4j.gn.core.OperatorLinearization;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * A linearization with a sparse Jacobian in compressed rows: an {@link OperatorLinearization} whose operator is the
 * CSR matrix itself (gradient {@code Jᵀr}, Gram operator {@code JᵀJ} as two sparse products, curvature), which
 * also gives the matrix to sparse damped solvers and its column norms from the stored entries at any n. Nothing of
 * size m×n or n×n is formed.
 */
public final class SparseLinearization extends OperatorLinearization {
    private final CsrMatrix jac;
    private double[] norms;

    /**
     * A linearization whose gradient {@code Jᵀr} is computed here.
     *
     * @param jac  J (m×n; not copied)
     * @param r    residuals (length m; not copied)
     * @param cost the cost
     * @throws IllegalArgumentException when r does not have J's row count
     */
    public SparseLinearization(CsrMatrix jac, double[] r, double cost) {
        this(jac, r, null, cost);
    }

    /**
     * A linearization with a given gradient (a non-finite one where the Jacobian was not finite).
     *
     * @param jac  J (m×n; not copied)
     * @param r    residuals (length m; not copied)
     * @param g    {@code Jᵀr} (length n; not copied), or null to compute it here
     * @param cost the cost
     * @throws IllegalArgumentException when r does not have J's row count or g not its column count
     */
    public SparseLinearization(CsrMatrix jac, double[] r, double[] g, double cost) {
        super(checked(jac, r, g), r, g, cost);
        this.jac = jac;
    }

    private static CsrMatrix checked(CsrMatrix jac, double[] r, double[] g) {
        if (jac == null) {
            throw new IllegalArgumentException("Jacobian must not be null");
        }
        if (r == null || r.length != jac.rows()) {
            throw new IllegalArgumentException("residuals have length " + (r == null ? "null" : r.length)
                    + ", expected the Jacobian's rows " + jac.rows());
        }
        if (g != null && g.length != jac.cols()) {
            throw new IllegalArgumentException("gradient has length " + g.length + ", expected the Jacobian's "
                    + "columns " + jac.cols());
        }
        return jac;
    }

    /**
     * The sparse Jacobian.
     *
     * @return J, the matrix this linearization was made with
     */
    @Override
    public CsrMatrix sparseJacobian() {
        return jac;
    }

    /**
     * The column norms from the stored entries (zero columns give 1), at any n.
     *
     * @param out receives the n column norms
     * @return true
     */
    @Override
    public boolean columnNorms(double[] out) {
        int n = jac.cols();
        if (norms == null) {
            norms = new double[n];
            jac.columnSquares(norms);
            for (int j = 0; j < n; j++) {
                norms[j] = norms[j] > 0 ? Math.sqrt(norms[j]) : 1.0;
            }
        }
        System.arraycopy(norms, 0, out, 0, n);
        return true;
    }
}
