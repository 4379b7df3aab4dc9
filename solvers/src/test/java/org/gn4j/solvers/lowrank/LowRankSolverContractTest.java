package org.gn4j.solvers.lowrank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.LinearSolverContract;

/**
 * The low-rank solver's normal form run through the shared linear-solver contract: any SPD matrix A is written as
 * {@code UᵀU + μI} with {@code μ = λ_min/2} and {@code U = Lᵀ}, L the Cholesky factor of {@code A − μI}, and the
 * Woodbury solve of {@code (UᵀU + μI)x = b} must then answer like any other solver of {@code Ax = b}.
 */
class LowRankSolverContractTest extends LinearSolverContract {

    @Override
    protected LinearSolver prepareSpd(DMatrixRMaj spd) {
        int n = spd.numRows;
        LowRankSolver lr = new LowRankSolver();
        if (n == 0) {
            lr.setFactor(new double[0], 0, 0);
            lr.factor(1.0);
            return lr;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(spd.copy())) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double lambdaMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lambdaMin = Math.min(lambdaMin, eig.getEigenvalue(i).real);
        }
        double mu = 0.5 * lambdaMin;
        DMatrixRMaj shifted = spd.copy();
        for (int i = 0; i < n; i++) {
            shifted.add(i, i, -mu);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(shifted)) {
            throw new IllegalStateException("Cholesky of A - mu*I failed");
        }
        DMatrixRMaj u = CommonOps_DDRM.transpose(chol.getT(null), null);
        lr.setFactor(u).orThrow();
        lr.factor(mu).orThrow();
        return lr;
    }

    /**
     * The Woodbury form {@code x = (b − Uᵀ(UUᵀ + μI)⁻¹Ub)/μ} cancels the well-determined part of b, so with μ only
     * half the smallest eigenvalue its error grows like cond·(‖A‖/μ)·ε: allow cond·1e-12.
     */
    @Override
    protected double forwardErrorTolerance(double cond) {
        return cond * 1e-12;
    }
}
