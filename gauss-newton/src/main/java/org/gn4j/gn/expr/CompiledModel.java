package org.gn4j.gn.expr;

import java.util.List;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A model {@code f(x; β)} compiled from an expression by {@link ModelExpression}: a scalar function of
 * {@link #variableCount()} variables {@code x} and {@link #parameterCount()} parameters {@code β}, with the exact
 * gradient {@code ∂f/∂β} by reverse-mode automatic differentiation.
 *
 * <p>The expression is stored as a tape: its nodes in post order (children before parents, the root last), each node
 * the child of at most one parent (the expression tree). An evaluation walks the tape once forwards for the values;
 * {@link #valueAndGradient} also records each node's partial derivatives with respect to its operands and then walks
 * the tape once backwards, carrying the adjoint {@code ∂f/∂node} from the root to the parameter leaves, where it is
 * added to the gradient. Both passes are linear in the size of the expression, whatever the number of parameters, and
 * the buffers are four doubles per node. Nodes that do not depend on any parameter (constants, variables and
 * sub-expressions of them only, such as {@code 2*pi*x/12}) receive no adjoint, so a parameter-free factor never
 * contributes a term (no {@code inf * 0} from it).
 *
 * <p><b>Not thread-safe.</b> The value and derivative buffers of every node are allocated once, in the constructor,
 * and reused by every evaluation, which therefore allocates nothing. Use {@link #copy()} to give each thread its own
 * instance; copies share the immutable tape and only duplicate the buffers.
 *
 * <p><b>Non-finite results.</b> Evaluation never throws on numerical trouble: the logarithm or square root of a
 * negative number, a division by zero or an overflow simply yields NaN or an infinity in the value and gradient, as
 * the IEEE arithmetic of {@link Math} gives them. Callers (a least-squares problem, a solver) must check the results
 * and report non-finite residuals as a status.
 */
public final class CompiledModel {
    // Operation codes of the tape.
    static final int CONST = 0;
    static final int VAR = 1;
    static final int PARAM = 2;
    static final int ADD = 3;
    static final int SUB = 4;
    static final int MUL = 5;
    static final int DIV = 6;
    static final int POW = 7;
    static final int NEG = 8;
    static final int EXP = 9;
    static final int LOG = 10;
    static final int SIN = 11;
    static final int COS = 12;
    static final int TAN = 13;
    static final int ATAN = 14;
    static final int SQRT = 15;

    private final String text;
    private final List<String> variableNames;
    private final List<String> parameterNames;

    // The tape (immutable, shared between copies): node i computes op[i] from nodes left[i], right[i]; constants
    // keep their value in constant[i], variables and parameters their index in index[i].
    private final int[] op;
    private final int[] left;
    private final int[] right;
    private final int[] index;
    private final double[] constant;
    /** dependsOnParameters[i]: node i is a function of at least one parameter (else its gradient is zero). */
    private final boolean[] dependsOnParameters;

    // Work buffers (per instance): value of node i, its partial derivatives with respect to its left and right
    // operands (set by valueAndGradient for parameter-dependent nodes), and its adjoint df/dnode.
    private final double[] value;
    private final double[] partialLeft;
    private final double[] partialRight;
    private final double[] adjoint;

    CompiledModel(String text, List<String> variableNames, List<String> parameterNames, int[] op, int[] left,
            int[] right, int[] index, double[] constant) {
        this.text = text;
        this.variableNames = List.copyOf(variableNames);
        this.parameterNames = List.copyOf(parameterNames);
        this.op = op;
        this.left = left;
        this.right = right;
        this.index = index;
        this.constant = constant;
        int n = op.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty tape, expected at least one node");
        }
        // the backward pass assigns (not adds) each node's adjoint from its one parent: check the tape is a tree
        boolean[] hasParent = new boolean[n];
        this.dependsOnParameters = new boolean[n];
        for (int i = 0; i < n; i++) {
            int arity = switch (op[i]) {
                case CONST, VAR, PARAM -> 0;
                case ADD, SUB, MUL, DIV, POW -> 2;
                case NEG, EXP, LOG, SIN, COS, TAN, ATAN, SQRT -> 1;
                default -> throw new IllegalArgumentException("unknown operation code " + op[i] + " at node " + i);
            };
            if (arity >= 1) {
                claimChild(hasParent, left[i], i);
            }
            if (arity == 2) {
                claimChild(hasParent, right[i], i);
            }
            switch (op[i]) {
                case CONST, VAR -> dependsOnParameters[i] = false;
                case PARAM -> dependsOnParameters[i] = true;
                case ADD, SUB, MUL, DIV, POW ->
                    dependsOnParameters[i] = dependsOnParameters[left[i]] || dependsOnParameters[right[i]];
                default -> dependsOnParameters[i] = dependsOnParameters[left[i]];
            }
        }
        this.value = new double[n];
        this.partialLeft = new double[n];
        this.partialRight = new double[n];
        this.adjoint = new double[n];
        initializeBuffers();
    }

    private static void claimChild(boolean[] hasParent, int child, int parent) {
        if (child < 0 || child >= parent || hasParent[child]) {
            throw new IllegalArgumentException("node " + parent + " has operand " + child
                    + ", expected an earlier node that no other node uses (a tree in post order)");
        }
        hasParent[child] = true;
    }

    private CompiledModel(CompiledModel other) {
        this.text = other.text;
        this.variableNames = other.variableNames;
        this.parameterNames = other.parameterNames;
        this.op = other.op;
        this.left = other.left;
        this.right = other.right;
        this.index = other.index;
        this.constant = other.constant;
        this.dependsOnParameters = other.dependsOnParameters;
        this.value = new double[op.length];
        this.partialLeft = new double[op.length];
        this.partialRight = new double[op.length];
        this.adjoint = new double[op.length];
        initializeBuffers();
    }

    /** Sets the parts of the buffers that never change: constants keep their value. */
    private void initializeBuffers() {
        for (int i = 0; i < op.length; i++) {
            if (op[i] == CONST) {
                value[i] = constant[i];
            }
        }
    }

    /**
     * A new instance with the same tape and its own work buffers, for use on another thread.
     *
     * @return a new model sharing this one's compiled tape
     */
    public CompiledModel copy() {
        return new CompiledModel(this);
    }

    /**
     * The number of parameters {@code p}, the length of the {@code params} and {@code gradOut} arrays.
     *
     * @return the number of parameters p
     */
    public int parameterCount() {
        return parameterNames.size();
    }

    /**
     * The number of variables, the length of the {@code vars} array.
     *
     * @return the number of variables
     */
    public int variableCount() {
        return variableNames.size();
    }

    /**
     * The parameter names in the order of the {@code params} array (unmodifiable).
     *
     * @return the parameter names, unmodifiable
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * The variable names in the order of the {@code vars} array (unmodifiable).
     *
     * @return the variable names, unmodifiable
     */
    public List<String> variableNames() {
        return variableNames;
    }

    /**
     * The expression text this model was compiled from.
     *
     * @return the source text of the expression
     */
    public String text() {
        return text;
    }

    /**
     * Evaluates {@code f(vars; params)} in one forward pass over the tape. Allocates nothing; see the class comment on thread safety and non-finite
     * results.
     *
     * @param vars   the variables, length {@link #variableCount()}
     * @param params the parameters, length {@link #parameterCount()}
     * @return the model value (possibly NaN or infinite)
     * @throws IllegalArgumentException if an array is null or has the wrong length
     */
    public double value(double[] vars, double[] params) {
        ArgumentChecks.requireLength("vars", vars, variableNames.size());
        ArgumentChecks.requireLength("params", params, parameterNames.size());
        final double[] v = value;
        for (int i = 0; i < op.length; i++) {
            switch (op[i]) {
                case CONST -> {
                    // value preset in initializeBuffers
                }
                case VAR -> v[i] = vars[index[i]];
                case PARAM -> v[i] = params[index[i]];
                case ADD -> v[i] = v[left[i]] + v[right[i]];
                case SUB -> v[i] = v[left[i]] - v[right[i]];
                case MUL -> v[i] = v[left[i]] * v[right[i]];
                case DIV -> v[i] = v[left[i]] / v[right[i]];
                case POW -> v[i] = Math.pow(v[left[i]], v[right[i]]);
                case NEG -> v[i] = -v[left[i]];
                case EXP -> v[i] = Math.exp(v[left[i]]);
                case LOG -> v[i] = Math.log(v[left[i]]);
                case SIN -> v[i] = Math.sin(v[left[i]]);
                case COS -> v[i] = Math.cos(v[left[i]]);
                case TAN -> v[i] = Math.tan(v[left[i]]);
                case ATAN -> v[i] = Math.atan(v[left[i]]);
                case SQRT -> v[i] = Math.sqrt(v[left[i]]);
                default -> throw new IllegalStateException("unknown operation code " + op[i]);
            }
        }
        return v[op.length - 1];
    }

    /**
     * Evaluates {@code f(vars; params)} and its exact gradient {@code gradOut[j] = ∂f/∂params[j]} in one forward and
     * one backward pass over the tape (reverse-mode automatic differentiation). Allocates nothing; see the class
     * comment on thread safety and non-finite results.
     *
     * @param vars    the variables, length {@link #variableCount()}
     * @param params  the parameters, length {@link #parameterCount()}
     * @param gradOut receives the gradient, length {@link #parameterCount()}
     * @return the model value (possibly NaN or infinite)
     * @throws IllegalArgumentException if an array is null or has the wrong length
     */
    public double valueAndGradient(double[] vars, double[] params, double[] gradOut) {
        ArgumentChecks.requireLength("vars", vars, variableNames.size());
        ArgumentChecks.requireLength("params", params, parameterNames.size());
        ArgumentChecks.requireLength("gradOut", gradOut, parameterNames.size());
        final double[] v = value;
        final double[] da = partialLeft;
        final double[] db = partialRight;
        final boolean[] dep = dependsOnParameters;
        // forward: values, and for parameter-dependent nodes the partials with respect to their operands
        for (int i = 0; i < op.length; i++) {
            final int a = left[i];
            final int b = right[i];
            final boolean dual = dep[i];
            switch (op[i]) {
                case CONST -> {
                    // value preset
                }
                case VAR -> v[i] = vars[index[i]];
                case PARAM -> v[i] = params[index[i]];
                case ADD -> {
                    v[i] = v[a] + v[b];
                    da[i] = 1.0;
                    db[i] = 1.0;
                }
                case SUB -> {
                    v[i] = v[a] - v[b];
                    da[i] = 1.0;
                    db[i] = -1.0;
                }
                case MUL -> {
                    // d(u w) = w du + u dw
                    final double u = v[a];
                    final double w = v[b];
                    v[i] = u * w;
                    da[i] = w;
                    db[i] = u;
                }
                case DIV -> {
                    // d(u / w) = du / w - (u / w) dw / w
                    final double w = v[b];
                    final double f = v[a] / w;
                    v[i] = f;
                    if (dual) {
                        final double inv = 1.0 / w;
                        da[i] = inv;
                        db[i] = -f * inv;
                    }
                }
                case POW -> {
                    final double u = v[a];
                    final double w = v[b];
                    final double f = Math.pow(u, w);
                    v[i] = f;
                    if (dual) {
                        // d(u^w) = w u^(w-1) du + u^w ln(u) dw. Each partial is formed only when its operand depends
                        // on a parameter: a constant exponent must not bring in ln(u), which is NaN for u < 0 (x**2
                        // at negative x), and u^(w-1) is computed directly rather than as f/u so that u = 0 works.
                        da[i] = dep[a] ? w * Math.pow(u, w - 1.0) : 0.0;
                        // lim u->0+ of u^w ln u = 0 for w > 0
                        db[i] = dep[b] ? (f == 0.0 ? 0.0 : f * Math.log(u)) : 0.0;
                    }
                }
                case NEG -> {
                    v[i] = -v[a];
                    da[i] = -1.0;
                }
                case EXP -> {
                    // d exp(u) = exp(u) du
                    final double f = Math.exp(v[a]);
                    v[i] = f;
                    da[i] = f;
                }
                case LOG -> {
                    // d ln(u) = du / u
                    final double u = v[a];
                    v[i] = Math.log(u);
                    da[i] = 1.0 / u;
                }
                case SIN -> {
                    // d sin(u) = cos(u) du
                    final double u = v[a];
                    v[i] = Math.sin(u);
                    if (dual) {
                        da[i] = Math.cos(u);
                    }
                }
                case COS -> {
                    // d cos(u) = -sin(u) du
                    final double u = v[a];
                    v[i] = Math.cos(u);
                    if (dual) {
                        da[i] = -Math.sin(u);
                    }
                }
                case TAN -> {
                    // d tan(u) = (1 + tan²u) du
                    final double t = Math.tan(v[a]);
                    v[i] = t;
                    da[i] = 1.0 + t * t;
                }
                case ATAN -> {
                    // d atan(u) = du / (1 + u²)
                    final double u = v[a];
                    v[i] = Math.atan(u);
                    da[i] = 1.0 / (1.0 + u * u);
                }
                case SQRT -> {
                    // d sqrt(u) = du / (2 sqrt(u))
                    final double s = Math.sqrt(v[a]);
                    v[i] = s;
                    da[i] = 0.5 / s;
                }
                default -> throw new IllegalStateException("unknown operation code " + op[i]);
            }
        }
        // backward: the adjoint of each parameter-dependent node, from its one parent, down to the parameter leaves
        java.util.Arrays.fill(gradOut, 0.0);
        final int root = op.length - 1;
        if (!dep[root]) {
            return v[root];
        }
        final double[] adj = adjoint;
        adj[root] = 1.0;
        for (int i = root; i >= 0; i--) {
            if (!dep[i]) {
                continue;
            }
            final double g = adj[i];
            switch (op[i]) {
                case PARAM -> gradOut[index[i]] += g;
                case ADD, SUB, MUL, DIV, POW -> {
                    // an operand free of parameters receives nothing (its partial may be infinite)
                    if (dep[left[i]]) {
                        adj[left[i]] = g * da[i];
                    }
                    if (dep[right[i]]) {
                        adj[right[i]] = g * db[i];
                    }
                }
                default -> adj[left[i]] = g * da[i];
            }
        }
        return v[root];
    }

    /** The expression text. */
    @Override
    public String toString() {
        return text;
    }
}
