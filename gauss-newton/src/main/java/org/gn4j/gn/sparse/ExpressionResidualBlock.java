package org.gn4j.gn.sparse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.gn4j.gn.expr.CompiledModel;

/**
 * A residual block whose residuals are a model expression (the expression fitter's {@link CompiledModel}) over rows
 * of data: {@code r_i = (f(x_i; β) − y_i) / σ_i}, with the model's parameters taken from the residual block's
 * parameter blocks and its Jacobian from the expression's exact gradient (reverse-mode, no finite differences).
 *
 * <p>This is how a global fit is posed sparsely: several data sets fitted at once, each with its own parameters
 * and some parameters shared. With the decay {@code a*exp(-k*t)+c} fitted to G data sets with a shared rate k, the
 * problem has one parameter block {@code [k]} and one block {@code [a_g, c_g]} per data set; data set g is one
 * residual block over {@code [k]} and {@code [a_g, c_g]}, and each model parameter names its slot (which of the
 * residual block's parameter blocks, which entry in it). Each row of the Jacobian then has three non-zeros out of
 * {@code 1 + 2G}.
 *
 * <p><b>Not thread-safe</b>: it holds its own copy of the model's work buffers. {@link ResidualBlocks} evaluates its
 * residual blocks on one thread; give each residual block its own instance.
 */
public final class ExpressionResidualBlock implements ResidualBlocks.CostFunction {
    private final CompiledModel model;
    private final double[][] rows;
    private final double[] observed;
    private final double[] inverseSigma;
    private final int[] slotBlock;
    private final int[] slotIndex;
    private final double[] params;
    private final double[] grad;

    /**
     * A residual block over the given rows.
     *
     * @param model    the model expression; copied (its tape shared, its buffers not)
     * @param rows     the variables of each row, {@code rows[i]} of length {@code model.variableCount()}; at least one
     *                 row; held, not copied
     * @param observed the observed values {@code y_i}, one per row; held, not copied
     * @param sigma    the standard deviation of each observation (positive and finite), or null for 1
     * @param slots    for each model parameter j (in {@code model.parameterNames()} order), {@code {b, e}}: entry e
     *                 of the b-th parameter block given to {@link ResidualBlocks#addResidualBlock}; no two
     *                 parameters in the same slot
     * @throws IllegalArgumentException if a length does not match, a σ is not positive and finite, or a slot is
     *                                  missing, negative or repeated
     */
    public ExpressionResidualBlock(CompiledModel model, double[][] rows, double[] observed, double[] sigma,
            int[][] slots) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one row");
        }
        if (observed == null || observed.length != rows.length) {
            throw new IllegalArgumentException("observed has length " + (observed == null ? "null" : observed.length)
                    + ", expected one value per row: " + rows.length);
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != model.variableCount()) {
                throw new IllegalArgumentException("row " + i + " has " + (rows[i] == null ? "null" : rows[i].length)
                        + " variables, expected the model's " + model.variableCount() + " " + model.variableNames());
            }
        }
        if (sigma != null && sigma.length != rows.length) {
            throw new IllegalArgumentException("sigma has length " + sigma.length + ", expected one value per row: "
                    + rows.length);
        }
        inverseSigma = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = sigma == null ? 1 : sigma[i];
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("sigma of row " + i + " is " + s + ", expected positive and finite");
            }
            inverseSigma[i] = 1 / s;
        }
        int p = model.parameterCount();
        if (slots == null || slots.length != p) {
            throw new IllegalArgumentException("slots has length " + (slots == null ? "null" : slots.length)
                    + ", expected one per model parameter: " + p + " " + model.parameterNames());
        }
        slotBlock = new int[p];
        slotIndex = new int[p];
        Set<Long> used = new HashSet<>();
        for (int j = 0; j < p; j++) {
            if (slots[j] == null || slots[j].length != 2 || slots[j][0] < 0 || slots[j][1] < 0) {
                throw new IllegalArgumentException("slot of parameter " + model.parameterNames().get(j)
                        + " must be {block, entry} with both >= 0");
            }
            if (!used.add(((long) slots[j][0] << 32) | slots[j][1])) {
                throw new IllegalArgumentException("parameter " + model.parameterNames().get(j) + " repeats slot {"
                        + slots[j][0] + ", " + slots[j][1] + "}");
            }
            slotBlock[j] = slots[j][0];
            slotIndex[j] = slots[j][1];
        }
        this.model = model.copy();
        this.rows = rows;
        this.observed = observed;
        this.params = new double[p];
        this.grad = new double[p];
    }

    /**
     * The number of residuals, one per row: the {@code count} to give {@link ResidualBlocks#addResidualBlock}.
     *
     * @return the number of rows
     */
    public int residualCount() {
        return rows.length;
    }

    /**
     * Evaluates the residuals and, on request, the Jacobian with respect to each parameter block.
     *
     * @param parameters the values of each parameter block of the residual block
     * @param residuals  receives {@code (f(x_i; β) − y_i) / σ_i}, one per row
     * @param jacobians  null, or per parameter block a row-major rows × (block size) array to fill
     * @throws IllegalArgumentException if a slot lies outside the blocks given
     */
    @Override
    public void evaluate(double[][] parameters, double[] residuals, double[][] jacobians) {
        for (int j = 0; j < params.length; j++) {
            int b = slotBlock[j];
            if (b >= parameters.length || slotIndex[j] >= parameters[b].length) {
                throw new IllegalArgumentException("parameter " + model.parameterNames().get(j) + " has slot {" + b
                        + ", " + slotIndex[j] + "}, outside the residual block's " + parameters.length
                        + " parameter blocks");
            }
            params[j] = parameters[b][slotIndex[j]];
        }
        if (jacobians != null) {
            for (double[] jb : jacobians) {
                Arrays.fill(jb, 0);
            }
        }
        for (int i = 0; i < rows.length; i++) {
            double w = inverseSigma[i];
            if (jacobians == null) {
                residuals[i] = (model.value(rows[i], params) - observed[i]) * w;
                continue;
            }
            residuals[i] = (model.valueAndGradient(rows[i], params, grad) - observed[i]) * w;
            for (int j = 0; j < params.length; j++) {
                int b = slotBlock[j];
                int size = parameters[b].length;
                jacobians[b][i * size + slotIndex[j]] = grad[j] * w;
            }
        }
    }
}
