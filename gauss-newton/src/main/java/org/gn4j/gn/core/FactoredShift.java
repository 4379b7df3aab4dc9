package org.gn4j.gn.core;

import java.util.Arrays;

/**
 * The damping {@code λ·D²} a damped solver's factorization holds, so that a second solve with the same λ and D reuses
 * it: the bookkeeping every factorizing {@link DampedSolver} shares.
 */
public final class FactoredShift {
    private final double[] d;
    private double lambda;
    private boolean valid;

    /**
     * No factorization held yet.
     *
     * @param n the number of parameters (the length of D)
     */
    public FactoredShift(int n) {
        this.d = new double[n];
    }

    /**
     * Whether the held factorization is of this shift.
     *
     * @param lambda the damping parameter
     * @param scaling the diagonal D, or {@code null} for the identity
     * @return true when a factorization is held and its λ and D equal these
     */
    public boolean holds(double lambda, double[] scaling) {
        return valid && lambda == this.lambda && sameScaling(scaling);
    }

    /**
     * Whether the held record has this D and a λ at most the given one: what was found of the held shift's matrix
     * and can only improve with more damping (its condition, for a D-scaled {@code JᵀJ + λD²}) holds for this shift.
     *
     * @param lambda the damping parameter
     * @param scaling the diagonal D, or {@code null} for the identity
     * @return true when a record is held, its λ is at most lambda and its D equals this one
     */
    public boolean holdsAtMost(double lambda, double[] scaling) {
        return valid && this.lambda <= lambda && sameScaling(scaling);
    }

    private boolean sameScaling(double[] scaling) {
        if (scaling != null) {
            return Arrays.equals(scaling, d);
        }
        for (double x : d) {
            if (x != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records a factorization of this shift.
     *
     * @param lambda the damping parameter
     * @param scaling the diagonal D, or {@code null} for the identity (copied)
     */
    public void factored(double lambda, double[] scaling) {
        this.lambda = lambda;
        if (scaling == null) {
            Arrays.fill(d, 1.0);
        } else {
            System.arraycopy(scaling, 0, d, 0, d.length);
        }
        valid = true;
    }

    /** Forgets the held factorization (the matrix changed, or a factorization failed). */
    public void invalidate() {
        valid = false;
    }
}
