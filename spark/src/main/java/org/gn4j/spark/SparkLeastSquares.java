package org.gn4j.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.DenseGramLinearization;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.GramLinearization;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;

/**
 * A nonlinear least-squares problem over a distributed data set as the core loop's {@link Objective}: the cost
 * {@code ½Σρ(rᵢ(θ)²)} over every row of an RDD, each linearization one tree sum ({@link OrderedSums}: the same bits on every run) of the normal equations
 * ({@code J̃ᵀJ̃} upper triangle, {@code J̃ᵀr̃}, cost, {@code ‖r̃‖²}; the column norms are {@code √diag J̃ᵀJ̃}) into a
 * {@link DenseGramLinearization}, each trial point one cost-only aggregation, θ broadcast to the executors for every
 * pass. The loop (Levenberg-Marquardt, dogleg, bounds) runs on the driver with {@link DampedSolvers#cholesky()};
 * geodesic acceleration is not available (it needs the residual rows).
 *
 * <p>The data set is read once per pass: persist it ({@link JavaRDD#cache()}) when it is cheaper to keep than to
 * recompute, or leave generated rows to be regenerated. An objective is used by one loop at a time; it counts the
 * passes of the current run ({@link #start} begins one) and their wall-clock time ({@link #passes()}).
 *
 * @param <T> the row type
 */
public final class SparkLeastSquares<T> implements Objective {
    /** The default depth of the aggregation tree (Spark's own default). */
    public static final int DEFAULT_DEPTH = 2;

    private final JavaRDD<T> rows;
    private final RowModel<T> model;
    private final int n;
    private final RobustLoss loss;
    private final double lossScale;
    private final double[] lower;
    private final double[] upper;
    private final int depth;
    private final boolean matrixFree;
    private final List<Pass> passes = new ArrayList<>();
    private double cost;
    private double costTrial;
    private double costKept;
    private long residualCount = -1;
    private int residualEvaluations;
    private int jacobianEvaluations;
    private String nonFinite;

    /** What a pass aggregates. */
    public enum PassKind {
        /** The normal equations, or (matrix-free) the gradient and the Gram diagonal. */
        LINEARIZATION,
        /** The cost at a trial point. */
        COST,
        /** One Gram product {@code J̃ᵀ(J̃v)} (matrix-free). */
        PRODUCT
    }

    /**
     * The kind and wall-clock time of one aggregation pass.
     *
     * @param kind what the pass aggregated
     * @param seconds wall-clock time of the pass on the driver, in seconds
     */
    public record Pass(PassKind kind, double seconds) {
        /**
         * Whether this pass linearized.
         *
         * @return true for a {@link PassKind#LINEARIZATION} pass
         */
        public boolean linearization() {
            return kind == PassKind.LINEARIZATION;
        }
    }

    private SparkLeastSquares(JavaRDD<T> rows, RowModel<T> model, RobustLoss loss, double lossScale, double[] lower,
            double[] upper, int depth, boolean matrixFree) {
        this.matrixFree = matrixFree;
        this.rows = rows;
        this.model = model;
        this.n = model.parameterCount();
        this.loss = loss;
        this.lossScale = lossScale;
        this.lower = lower;
        this.upper = upper;
        this.depth = depth;
    }

    /**
     * Plain least squares {@code ½Σrᵢ²} of the model's residuals over the rows.
     *
     * @param <T> the row type
     * @param rows the data set, one element per row (persist it if recomputing is expensive); read once per pass
     * @param model the per-row residuals and Jacobian rows
     * @return an unbounded problem with the linear loss, aggregated with depth {@link #DEFAULT_DEPTH}, normal
     *         equations formed
     * @throws IllegalArgumentException if an argument is null
     */
    public static <T> SparkLeastSquares<T> of(JavaRDD<T> rows, RowModel<T> model) {
        if (rows == null || model == null) {
            throw new IllegalArgumentException("rows and model must not be null");
        }
        return new SparkLeastSquares<>(rows, model, RobustLoss.LINEAR, 1, null, null, DEFAULT_DEPTH, false);
    }

    /**
     * The same problem with a robust loss ρ of scale c (see {@link RobustLoss}).
     *
     * @param l the loss ρ
     * @param scale the scale c &gt; 0 of the loss, in the units of the residuals
     * @return a new objective with that loss; this one is unchanged
     * @throws IllegalArgumentException if the loss is null or the scale is not positive and finite
     */
    public SparkLeastSquares<T> withLoss(RobustLoss l, double scale) {
        if (l == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("loss scale is " + scale + ", expected a finite value > 0");
        }
        return new SparkLeastSquares<>(rows, model, l, scale, lower, upper, depth, matrixFree);
    }

    /**
     * The same problem with bounds {@code lo ≤ θ ≤ hi} ({@code ±∞} for none on that side).
     *
     * @param lo lower bounds, length n; {@code Double.NEGATIVE_INFINITY} for none (copied)
     * @param hi upper bounds, length n; {@code Double.POSITIVE_INFINITY} for none (copied)
     * @return a new objective with those bounds; this one is unchanged
     * @throws IllegalArgumentException for lengths other than n, NaN, or {@code lo[j] > hi[j]}
     */
    public SparkLeastSquares<T> withBounds(double[] lo, double[] hi) {
        if (lo == null || hi == null || lo.length != n || hi.length != n) {
            throw new IllegalArgumentException("bounds of lengths " + (lo == null ? "null" : lo.length) + " and "
                    + (hi == null ? "null" : hi.length) + ", expected two arrays of length " + n);
        }
        for (int j = 0; j < n; j++) {
            if (!(lo[j] <= hi[j])) {
                throw new IllegalArgumentException("bounds of parameter " + j + " are [" + lo[j] + ", " + hi[j]
                        + "], expected lower <= upper and no NaN");
            }
        }
        return new SparkLeastSquares<>(rows, model, loss, lossScale, lo.clone(), hi.clone(), depth, matrixFree);
    }

    /**
     * The same problem aggregated through a tree of the given depth ({@code ≥ 1}; 1 sends every partition's sums to
     * the driver).
     *
     * @param d the depth of Spark's {@code treeAggregate}, ≥ 1 (default {@link #DEFAULT_DEPTH})
     * @return a new objective with that depth; this one is unchanged
     * @throws IllegalArgumentException if depth is below 1
     */
    public SparkLeastSquares<T> withDepth(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("depth is " + d + ", expected at least 1");
        }
        return new SparkLeastSquares<>(rows, model, loss, lossScale, lower, upper, d, matrixFree);
    }

    /**
     * The same problem solved matrix-free: a linearization aggregates only {@code J̃ᵀr̃} and the diagonal of
     * {@code J̃ᵀJ̃} ({@code 2n + 4} doubles instead of {@code n(n+1)/2 + n + 4}), and the step comes from conjugate
     * gradient ({@link DampedSolvers#cg()}) whose every product {@code J̃ᵀ(J̃v)} is one more pass (v broadcast, the
     * Jacobian rows evaluated again on the executors). For parameter counts where the Gram matrix is too large to
     * send or factor: a pass moves {@code 8n} bytes per partial instead of {@code 4n²}.
     *
     * @param on true for matrix-free CG steps, false for the normal equations (the default)
     * @return a new objective with that setting; this one is unchanged
     */
    public SparkLeastSquares<T> withMatrixFree(boolean on) {
        return new SparkLeastSquares<>(rows, model, loss, lossScale, lower, upper, depth, on);
    }

    /**
     * Whether steps are solved matrix-free ({@link #withMatrixFree}).
     *
     * @return true when linearizations aggregate only the gradient and Gram diagonal
     */
    public boolean matrixFree() {
        return matrixFree;
    }

    /**
     * The model.
     *
     * @return the row model given to {@link #of}
     */
    public RowModel<T> model() {
        return model;
    }

    /**
     * The rows.
     *
     * @return the data set given to {@link #of} (the same RDD, not a copy)
     */
    public JavaRDD<T> rows() {
        return rows;
    }

    /**
     * The residual count of the last pass (−1 before the first).
     *
     * @return the number of residuals counted by the last pass, or −1 before the first
     */
    public long residualCount() {
        return residualCount;
    }

    /**
     * Every aggregation pass so far, in order (unmodifiable view).
     *
     * @return the passes of the current run in order, as an unmodifiable view that grows with later passes
     */
    public List<Pass> passes() {
        return Collections.unmodifiableList(passes);
    }

    /**
     * Runs the loop on this objective with the normal-equation solver ({@link DampedSolvers#cholesky()}): the
     * loop's tolerances, budget, control, descent and callback are used as they are.
     *
     * @param loop the configured loop; its step solver is replaced (CG when matrix-free, else Cholesky)
     * @param start the initial θ, length n (not modified)
     * @return the final per-run state of the loop: the iterate, counts, stop reason and trace
     */
    public GaussNewtonLoop.State run(GaussNewtonLoop loop, double[] start) {
        return loop.withSolver(matrixFree ? DampedSolvers.cg() : DampedSolvers.cholesky()).run(this, start);
    }

    /**
     * Levenberg-Marquardt as configured (its step solver is replaced by the normal equations or CG).
     *
     * @param lm the configured Levenberg-Marquardt method
     * @param start the initial θ, length n (not modified)
     * @return the optimum with the pass counts and times of this run
     */
    public SparkOptimum fit(LevenbergMarquardt lm, double[] start) {
        return SparkOptimum.of("distributed Levenberg-Marquardt (" + solverName() + ")", this, run(lm.loop(), start));
    }

    /**
     * Dogleg as configured (its step solver is replaced by the normal equations or CG).
     *
     * @param dogleg the configured dogleg method
     * @param start the initial θ, length n (not modified)
     * @return the optimum with the pass counts and times of this run
     */
    public SparkOptimum fit(Dogleg dogleg, double[] start) {
        return SparkOptimum.of("distributed dogleg (" + solverName() + ")", this, run(dogleg.loop(), start));
    }

    private String solverName() {
        return matrixFree ? "cg" : "cholesky";
    }

    @Override
    public int parameterCount() {
        return n;
    }

    @Override
    public double[] lowerBounds() {
        return lower == null ? null : lower.clone();
    }

    @Override
    public double[] upperBounds() {
        return upper == null ? null : upper.clone();
    }

    @Override
    public boolean plainLeastSquares() {
        return loss == RobustLoss.LINEAR;
    }

    /** @throws IllegalArgumentException if a residual is not finite at the start point (naming how many) */
    @Override
    public double start(double[] x) {
        requirePoint(x);
        // a run starts here: its counts and passes start afresh
        residualEvaluations = 0;
        jacobianEvaluations = 0;
        passes.clear();
        nonFinite = null;
        double[] acc = costPass(x);
        if (acc[2] > 0) {
            throw new IllegalArgumentException((long) acc[2] + " of " + (long) acc[1] + " residuals are not finite "
                    + "at the start point, expected finite residuals (check the start values and the model)");
        }
        cost = acc[0];
        return cost;
    }

    @Override
    public Linearization linearize(double[] x) {
        requirePoint(x);
        jacobianEvaluations++;
        if (matrixFree) {
            return linearizeMatrixFree(x);
        }
        double[] acc = pass(x, PassKind.LINEARIZATION, NormalEquations.linearizationLength(n),
                NormalEquations::linearize);
        int p = NormalEquations.packed(n);
        double[] g = new double[n];
        System.arraycopy(acc, p, g, 0, n);
        residualCount = (long) acc[p + n + 2];
        long bad = (long) acc[p + n + 3];
        if (bad > 0) {
            nonFinite = bad + " of " + residualCount + " residual rows have a non-finite residual or Jacobian entry at "
                    + java.util.Arrays.toString(x);
            java.util.Arrays.fill(g, Double.NaN);
        }
        return new DenseGramLinearization(NormalEquations.gram(acc, n), g, cost, acc[p + n + 1], residualCount);
    }

    private Linearization linearizeMatrixFree(double[] x) {
        double[] acc = pass(x, PassKind.LINEARIZATION, NormalEquations.matrixFreeLength(n),
                NormalEquations::linearizeMatrixFree);
        double[] g = java.util.Arrays.copyOf(acc, n);
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            norms[j] = Math.sqrt(acc[n + j]);
        }
        residualCount = (long) acc[2 * n + 2];
        long bad = (long) acc[2 * n + 3];
        if (bad > 0) {
            nonFinite = bad + " of " + residualCount + " residual rows have a non-finite residual or Jacobian entry at "
                    + java.util.Arrays.toString(x);
            java.util.Arrays.fill(g, Double.NaN);
        }
        double[] at = x.clone();
        LinearOperator gram = Operators.of(n, n, (v, out) -> gramProduct(at, v, out),
                (v, out) -> gramProduct(at, v, out), Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE);
        return new GramLinearization(gram, g, cost, norms, Math.sqrt(acc[2 * n + 1]));
    }

    /** {@code out = J̃ᵀ(J̃v)} at x: one pass with v broadcast beside θ. */
    private void gramProduct(double[] x, double[] v, double[] out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
        Broadcast<double[]> vb = jsc.broadcast(v.clone());
        double[] acc = pass(x, PassKind.PRODUCT, n,
                (m, theta, it, l, s) -> NormalEquations.gramTimes(m, theta, vb.value(), it, l, s));
        vb.destroy();
        System.arraycopy(acc, 0, out, 0, n);
    }

    @Override
    public double trialCost(double[] x) {
        requirePoint(x);
        double[] acc = costPass(x);
        if (acc[2] > 0) {
            nonFinite = (long) acc[2] + " of " + (long) acc[1] + " residuals are not finite at "
                    + java.util.Arrays.toString(x);
            costTrial = Double.NaN;
        } else {
            costTrial = acc[0];
            if (!Double.isFinite(costTrial)) {
                nonFinite = "the cost overflowed (" + costTrial + ") with finite residuals at "
                        + java.util.Arrays.toString(x);
            }
        }
        return costTrial;
    }

    private double[] costPass(double[] x) {
        residualEvaluations++;
        double[] acc = pass(x, PassKind.COST, NormalEquations.COST_LENGTH, NormalEquations::cost);
        residualCount = (long) acc[1];
        return acc;
    }

    /** What one partition contributes to a pass: its sums at θ. */
    @FunctionalInterface
    private interface PartitionSums<T> extends java.io.Serializable {
        double[] of(RowModel<T> model, double[] theta, java.util.Iterator<T> rows, RobustLoss loss, double scale);
    }

    /**
     * One pass over the rows at x: θ broadcast, each partition's sums, one ordered tree sum of them (length
     * {@code length}); timed into {@link #passes()}.
     */
    private double[] pass(double[] x, PassKind kind, int length, PartitionSums<T> sums) {
        long t0 = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
        Broadcast<double[]> theta = jsc.broadcast(x.clone());
        RowModel<T> m = model;
        RobustLoss l = loss;
        double s = lossScale;
        double[] acc = OrderedSums.sum(rows.mapPartitions(it -> Collections.singletonList(
                sums.of(m, theta.value(), it, l, s)).iterator()), length, depth);
        theta.destroy();
        passes.add(new Pass(kind, (System.nanoTime() - t0) * 1e-9));
        return acc;
    }

    private void requirePoint(double[] x) {
        if (x == null || x.length != n) {
            throw new IllegalArgumentException("point has length " + (x == null ? "null" : x.length) + ", expected "
                    + n);
        }
    }

    @Override
    public void keepTrial() {
        costKept = costTrial;
    }

    @Override
    public void acceptTrial() {
        cost = costKept;
    }

    @Override
    public String nonFiniteDetail() {
        return nonFinite;
    }

    @Override
    public int residualEvaluations() {
        return residualEvaluations;
    }

    @Override
    public int jacobianEvaluations() {
        return jacobianEvaluations;
    }
}
