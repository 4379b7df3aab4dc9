package org.gn4j.gn.core;


import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.banded.BlockBandedGram;
import org.gn4j.solvers.banded.BlockBandedMatrix;
import org.gn4j.solvers.dense.DenseCholeskySolver;

/**
 * Cholesky of the normal equations {@code JᵀJ + λD²}. The Gram matrix {@code JᵀJ} ({@code O(mn²)}, the dominant cost
 * for m ≫ n) is formed once per linearization through the {@code Blas} seam ({@code syrk}, multi-threaded) and
 * cached; a λ costs a copy, the diagonal and the {@code O(n³/3)} factorization, and a second solve with the same λ
 * and D (geodesic acceleration) reuses the factor. Cheaper than QR for m ≫ n; squares the condition number. A
 * block-banded Jacobian's Gram matrix is assembled by blocks and factored densely (the reference for
 * {@link BlockBandedSolver}). A linearization that holds only the Gram matrix ({@link DenseGramLinearization}, normal
 * equations summed over data partitions) is factored from it directly.
 */
public final class GramCholeskySolver implements DampedSolver {
    private DMatrixRMaj jac;
    private DMatrixRMaj gram;
    private DMatrixRMaj normal;
    private DenseCholeskySolver chol;
    private FactoredShift factored;
    private double[] rhs;

    @Override
    public String name() {
        return "cholesky";
    }

    @Override
    public DampedSolver fresh() {
        return new GramCholeskySolver();
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.denseJacobian() != null || lin.jacobian() instanceof BlockBandedGram || lin.denseGram() != null;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        jac = lin.denseJacobian();
        BlockBandedGram banded = lin.jacobian() instanceof BlockBandedGram ? (BlockBandedGram) lin.jacobian() : null;
        DMatrixRMaj heldGram = jac == null && banded == null ? lin.denseGram() : null;
        if (jac == null && banded == null && heldGram == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN,
                    "Cholesky needs a dense or block-banded Jacobian or a dense Gram matrix");
        }
        int n = lin.cols();
        if (gram == null || gram.numRows != n) {
            gram = new DMatrixRMaj(n, n);
            normal = new DMatrixRMaj(n, n);
            factored = new FactoredShift(n);
            rhs = new double[n];
            chol = new DenseCholeskySolver();
        }
        if (jac != null) {
            BlasProvider.blas().syrk(true, 1.0, jac, 0.0, gram);
        } else if (heldGram != null) {
            gram.setTo(heldGram);
        } else {
            // the block-banded Gram matrix, assembled by blocks and expanded (the dense reference path)
            BlockBandedMatrix g = new BlockBandedMatrix(banded.blocks(), banded.blockSize(), banded.bandwidth());
            banded.normalMatrix(g);
            gram.setTo(g.toDense());
        }
        factored.invalidate();
        return SolveResult.ok("Gram matrix " + n + "x" + n);
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        int n = gram.numRows;
        if (!factored.holds(lambda, d)) {
            factored.invalidate();
            System.arraycopy(gram.data, 0, normal.data, 0, n * n);
            for (int j = 0; j < n; j++) {
                double dj = d == null ? 1 : d[j];
                normal.data[j * n + j] += lambda * dj * dj;
            }
            SolveResult f = chol.factor(normal);
            if (!f.hasSolution()) {
                return f;
            }
            factored.factored(lambda, d);
        }
        for (int j = 0; j < n; j++) {
            rhs[j] = -gradient[j];
        }
        return chol.solve(rhs, out);
    }

}
