package org.gn4j.gn.core;

import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.banded.BlockBandedCholesky;
import org.gn4j.solvers.banded.BlockBandedGram;
import org.gn4j.solvers.banded.BlockBandedMatrix;

/**
 * Cholesky of a block-banded {@code JᵀJ + λD²} (overlapping domain decomposition): the Gram matrix is assembled
 * block by block once per linearization ({@link BlockBandedGram#normalMatrix}) and each λ costs a copy, the diagonal
 * and a block-banded factorization, {@code O(K·p³·(b + 1)²)} for K blocks of size p and block bandwidth b instead of
 * {@code O((Kp)³)}. Needs a Jacobian that implements {@link BlockBandedGram}.
 */
public final class BlockBandedSolver implements DampedSolver {
    private BlockBandedMatrix normal;
    private BlockBandedMatrix shifted;
    private final BlockBandedCholesky chol = new BlockBandedCholesky();
    private double[] rhs;

    @Override
    public String name() {
        return "block-banded";
    }

    @Override
    public DampedSolver fresh() {
        return new BlockBandedSolver();
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.jacobian() instanceof BlockBandedGram;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        if (!(lin.jacobian() instanceof BlockBandedGram)) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "block-banded Cholesky needs a block-banded Jacobian");
        }
        BlockBandedGram j = (BlockBandedGram) lin.jacobian();
        if (normal == null || normal.blocks() != j.blocks() || normal.blockSize() != j.blockSize()
                || normal.bandwidth() != j.bandwidth()) {
            normal = new BlockBandedMatrix(j.blocks(), j.blockSize(), j.bandwidth());
            shifted = new BlockBandedMatrix(j.blocks(), j.blockSize(), j.bandwidth());
            rhs = new double[normal.size()];
        }
        j.normalMatrix(normal);
        return SolveResult.ok("block-banded Gram matrix, " + j.blocks() + " blocks of " + j.blockSize());
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        shifted.copyFrom(normal);
        if (d == null) {
            shifted.addToDiagonal(lambda);
        } else {
            int p = shifted.blockSize();
            for (int i = 0; i < shifted.blocks(); i++) {
                double[] b = shifted.block(i, i);
                for (int a = 0; a < p; a++) {
                    double da = d[i * p + a];
                    b[a * p + a] += lambda * da * da;
                }
            }
        }
        if (!chol.factor(shifted)) {
            return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE,
                    "block-banded JᵀJ + λD² is not positive definite (λ = " + lambda + ")");
        }
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = -gradient[i];
        }
        chol.solve(rhs, out);
        for (double v : out) {
            if (!Double.isFinite(v)) {
                return SolveResult.failed(SolveStatus.NON_FINITE, "block-banded solve gave a non-finite step");
            }
        }
        return SolveResult.ok("block-banded Cholesky");
    }
}
