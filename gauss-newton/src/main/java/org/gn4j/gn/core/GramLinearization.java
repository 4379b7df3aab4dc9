package org.gn4j.gn.core;

import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A linearization known only through the Gram operator {@code G} and the gradient g (a mini-batch's generalized
 * Gauss-Newton matrix {@code (1/b)JᵀQJ} and {@code ∇L}): the model is {@code L + gᵀs + ½sᵀGs}.
 */
public final class GramLinearization implements Linearization {
    private final LinearOperator gram;
    private final double[] g;
    private final double cost;
    private final double[] columnNorms;
    private final double residualNorm;
    private double[] gs;

    /**
     * @param gram G (n×n, symmetric positive semidefinite)
     * @param g    the gradient (not copied)
     * @param cost the cost (loss)
     */
    public GramLinearization(LinearOperator gram, double[] g, double cost) {
        this(gram, g, cost, null, Double.NaN);
    }

    /**
     * A least-squares linearization known through {@code G = JᵀJ} as an operator, with what the loop's scaling and
     * stopping tests read of J: its column norms {@code √diag G} and {@code ‖r‖} (a distributed Jacobian, whose
     * rows stay where they are).
     *
     * @param gram the n × n Gram operator {@code G = JᵀJ}
     * @param g the gradient {@code Jᵀr}, length n (not copied)
     * @param cost the cost at the point
     * @param columnNorms  the column norms of J (length n, not copied), or null when not known
     * @param residualNorm {@code ‖r‖}, or NaN when not known
     * @throws IllegalArgumentException if the column norms have another length than G's order
     */
    public GramLinearization(LinearOperator gram, double[] g, double cost, double[] columnNorms,
            double residualNorm) {
        if (columnNorms != null && columnNorms.length != gram.cols()) {
            throw new IllegalArgumentException("columnNorms has length " + columnNorms.length + ", expected "
                    + gram.cols());
        }
        this.gram = gram;
        this.g = g;
        this.cost = cost;
        this.columnNorms = columnNorms;
        this.residualNorm = residualNorm;
    }

    @Override
    public double residualNorm() {
        return residualNorm;
    }

    @Override
    public int rows() {
        return 0;
    }

    @Override
    public int cols() {
        return gram.cols();
    }

    @Override
    public double cost() {
        return cost;
    }

    @Override
    public double[] residuals() {
        return null;
    }

    @Override
    public double[] gradient() {
        return g;
    }

    @Override
    public LinearOperator jacobian() {
        return null;
    }

    @Override
    public LinearOperator gram() {
        return gram;
    }

    @Override
    public double curvature(double[] s) {
        if (gs == null) {
            gs = new double[s.length];
        }
        gram.apply(s, gs);
        return VectorOps.dot(s, gs);
    }

    @Override
    public boolean columnNorms(double[] out) {
        if (columnNorms == null) {
            return false;
        }
        System.arraycopy(columnNorms, 0, out, 0, columnNorms.length);
        return true;
    }
}
