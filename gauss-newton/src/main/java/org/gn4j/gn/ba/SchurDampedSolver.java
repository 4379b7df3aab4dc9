package org.gn4j.gn.ba;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.Linearization;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.schur.CameraPointJacobian;
import org.gn4j.solvers.schur.SchurComplement;

/**
 * The damped step {@code (JᵀJ + λD²)x = −Jᵀr} of a two-block Jacobian ({@link CameraPointJacobian}: bundle
 * adjustment's cameras and points) by the Schur complement that eliminates the points ({@link SchurComplement}):
 * {@link Mode#DENSE} forms the reduced camera system and factors it by Cholesky (Ceres's {@code DENSE_SCHUR}),
 * {@link Mode#SPARSE} forms only its nonzero camera blocks (cameras that share a point) and factors its envelope in a
 * bandwidth-reducing camera order (the counterpart of Ceres's {@code SPARSE_SCHUR}),
 * {@link Mode#ITERATIVE} solves it by CG with the Schur-Jacobi preconditioner without forming it (Ceres's
 * {@code ITERATIVE_SCHUR}); both back-substitute the points. {@link #prepare} forms the blocks of {@code JᵀJ} once per
 * linearization; each λ damps with the scaling D the loop passes. Usable by every configuration of the loop whose
 * linearization has such a Jacobian ({@link #supports}).
 */
public final class SchurDampedSolver implements DampedSolver {
    /** How the reduced camera system is solved. */
    public enum Mode {
        /** Dense Cholesky of the formed Schur complement. */
        DENSE,
        /** Envelope Cholesky of the Schur complement formed in its sparsity, cameras in reverse Cuthill-McKee order. */
        SPARSE,
        /** Preconditioned CG on the Schur complement without forming it. */
        ITERATIVE
    }

    private final Mode mode;
    private final double tolerance;
    private final int maxIterations;
    private SchurComplement schur;

    /**
     * @param mode          dense or iterative
     * @param tolerance     relative residual of the CG solve ({@code ‖b − Sx‖ <= tol·‖b‖}; ignored by DENSE and
     *                      SPARSE), in (0, 1)
     * @param maxIterations CG iteration cap (ignored by DENSE and SPARSE), ≥ 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public SchurDampedSolver(Mode mode, double tolerance, int maxIterations) {
        ArgumentChecks.requireNonNull("mode", mode);
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance is " + tolerance + ", expected a value in (0, 1)");
        }
        ArgumentChecks.requirePositive("maxIterations", maxIterations);
        this.mode = mode;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * The mode.
     *
     * @return DENSE or ITERATIVE
     */
    public Mode mode() {
        return mode;
    }

    /**
     * The CG tolerance (ITERATIVE).
     *
     * @return the relative residual at which CG stops (used by ITERATIVE only)
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The CG iteration cap (ITERATIVE).
     *
     * @return the largest number of CG iterations (used by ITERATIVE only)
     */
    public int maxIterations() {
        return maxIterations;
    }

    @Override
    public String name() {
        switch (mode) {
            case DENSE:
                return "dense-schur";
            case SPARSE:
                return "sparse-schur";
            default:
                return "iterative-schur";
        }
    }

    @Override
    public DampedSolver fresh() {
        return new SchurDampedSolver(mode, tolerance, maxIterations);
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.jacobian() instanceof CameraPointJacobian;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        if (!supports(lin)) {
            return SolveResult.failed(SolveStatus.BREAKDOWN,
                    "the Schur solvers need a camera-point block Jacobian (CameraPointJacobian)");
        }
        CameraPointJacobian jac = (CameraPointJacobian) lin.jacobian();
        if (schur == null || !schur.layout().sameAs(jac.layout())) {
            schur = new SchurComplement(jac.layout());
        }
        return schur.prepare(jac);
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        if (schur == null) {
            throw new IllegalStateException("prepare must be called before solve");
        }
        switch (mode) {
            case DENSE:
                return schur.solveDense(lambda, d, gradient, out);
            case SPARSE:
                return schur.solveSparse(lambda, d, gradient, out);
            default:
                return schur.solveIterative(lambda, d, gradient, out, tolerance, maxIterations);
        }
    }

    @Override
    public void reset() {
        schur = null;
    }

    @Override
    public String toString() {
        return mode == Mode.ITERATIVE ? "iterative-schur(tol " + tolerance + ", max " + maxIterations + ")" : name();
    }
}
