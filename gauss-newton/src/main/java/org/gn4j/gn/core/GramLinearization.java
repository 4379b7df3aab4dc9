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
    private double[] gs;

    /**
     * @param gram G (n×n, symmetric positive semidefinite)
     * @param g    the gradient (not copied)
     * @param cost the cost (loss)
     */
    public GramLinearization(LinearOperator gram, double[] g, double cost) {
        this.gram = gram;
        this.g = g;
        this.cost = cost;
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
        return false;
    }
}
