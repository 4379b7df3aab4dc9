package org.gn4j.gn.expr;

import java.util.List;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A model {@code f(x; β)} compiled from an expression by {@link ModelExpression}: a scalar function of
 * {@link #variableCount()} variables {@code x} and {@link #parameterCount()} parameters {@code β}, with the exact
 * gradient {@code ∂f/∂β} by forward-mode automatic differentiation.
 *
 * <p>The expression is stored as a tape: its nodes in post order (children before parents, the root last). One
 * evaluation walks the tape once, carrying for every node its value and, for {@link #valueAndGradient}, its gradient
 * with respect to all {@code p} parameters (a dual number with a {@code p}-vector of infinitesimal parts). Nodes that
 * do not depend on any parameter (constants, variables and sub-expressions of them only, such as {@code 2*pi*x/12})
 * have a zero gradient that is never touched, so their cost is the value alone.
 *
 * <p><b>Not thread-safe.</b> The value and gradient buffers of every node are allocated once, in the constructor, and
 * reused by every evaluation, which therefore allocates nothing. Use {@link #copy()} to give each thread its own
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

    // Work buffers (per instance): value of node i, gradient of node i in gradient[i*p .. i*p+p).
    private final double[] value;
    private final double[] gradient;

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
        this.dependsOnParameters = new boolean[n];
        for (int i = 0; i < n; i++) {
            switch (op[i]) {
                case CONST, VAR -> dependsOnParameters[i] = false;
                case PARAM -> dependsOnParameters[i] = true;
                case ADD, SUB, MUL, DIV, POW ->
                    dependsOnParameters[i] = dependsOnParameters[left[i]] || dependsOnParameters[right[i]];
                default -> dependsOnParameters[i] = dependsOnParameters[left[i]];
            }
        }
        this.value = new double[n];
        this.gradient = new double[n * this.parameterNames.size()];
        initializeBuffers();
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
        this.gradient = new double[op.length * parameterNames.size()];
        initializeBuffers();
    }

    /**
     * Sets the parts of the buffers that never change: constants keep their value, and the gradient of parameter
     * node {@code β_k} is the unit vector {@code e_k}; all other gradients start (and, for parameter-free nodes, stay)
     * zero.
     */
    private void initializeBuffers() {
        int p = parameterNames.size();
        for (int i = 0; i < op.length; i++) {
            if (op[i] == CONST) {
                value[i] = constant[i];
            } else if (op[i] == PARAM) {
                gradient[i * p + index[i]] = 1.0;
            }
        }
    }

    /** A new instance with the same tape and its own work buffers, for use on another thread. */
    public CompiledModel copy() {
        return new CompiledModel(this);
    }

    /** The number of parameters {@code p}, the length of the {@code params} and {@code gradOut} arrays. */
    public int parameterCount() {
        return parameterNames.size();
    }

    /** The number of variables, the length of the {@code vars} array. */
    public int variableCount() {
        return variableNames.size();
    }

    /** The parameter names in the order of the {@code params} array (unmodifiable). */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The variable names in the order of the {@code vars} array (unmodifiable). */
    public List<String> variableNames() {
        return variableNames;
    }

    /** The expression text this model was compiled from. */
    public String text() {
        return text;
    }

    /**
     * Evaluates {@code f(vars; params)}. Allocates nothing; see the class comment on thread safety and non-finite
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
     * Evaluates {@code f(vars; params)} and its exact gradient {@code gradOut[j] = ∂f/∂params[j]} in one forward pass
     * (forward-mode automatic differentiation). Allocates nothing; see the class comment on thread safety and
     * non-finite results.
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
        final int p = parameterNames.size();
        final double[] v = value;
        final double[] g = gradient;
        for (int i = 0; i < op.length; i++) {
            final int a = left[i];
            final int b = right[i];
            final int gi = i * p;
            final int ga = a * p;
            final int gb = b * p;
            final boolean dual = dependsOnParameters[i];
            switch (op[i]) {
                case CONST -> {
                    // value preset, gradient zero
                }
                case VAR -> v[i] = vars[index[i]];
                case PARAM -> v[i] = params[index[i]]; // gradient preset to e_k
                case ADD -> {
                    v[i] = v[a] + v[b];
                    if (dual) {
                        // d(u + w) = du + dw
                        for (int j = 0; j < p; j++) {
                            g[gi + j] = g[ga + j] + g[gb + j];
                        }
                    }
                }
                case SUB -> {
                    v[i] = v[a] - v[b];
                    if (dual) {
                        // d(u - w) = du - dw
                        for (int j = 0; j < p; j++) {
                            g[gi + j] = g[ga + j] - g[gb + j];
                        }
                    }
                }
                case MUL -> {
                    final double u = v[a];
                    final double w = v[b];
                    v[i] = u * w;
                    if (dual) {
                        // d(u w) = w du + u dw; a parameter-free factor contributes no term (avoids inf * 0)
                        if (!dependsOnParameters[b]) {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = w * g[ga + j];
                            }
                        } else if (!dependsOnParameters[a]) {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = u * g[gb + j];
                            }
                        } else {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = w * g[ga + j] + u * g[gb + j];
                            }
                        }
                    }
                }
                case DIV -> {
                    final double w = v[b];
                    final double f = v[a] / w;
                    v[i] = f;
                    if (dual) {
                        // d(u / w) = (du - f dw) / w
                        final double inv = 1.0 / w;
                        if (!dependsOnParameters[b]) {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = g[ga + j] * inv;
                            }
                        } else {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = (g[ga + j] - f * g[gb + j]) * inv;
                            }
                        }
                    }
                }
                case POW -> {
                    final double u = v[a];
                    final double w = v[b];
                    final double f = Math.pow(u, w);
                    v[i] = f;
                    if (dual) {
                        // d(u^w) = w u^(w-1) du + u^w ln(u) dw. Each term is formed only when its differential can be
                        // non-zero: a constant exponent must not bring in ln(u), which is NaN for u < 0 (x**2 at
                        // negative x), and u^(w-1) is computed directly rather than as f/u so that u = 0 works.
                        final double du = dependsOnParameters[a] ? w * Math.pow(u, w - 1.0) : 0.0;
                        // lim u->0+ of u^w ln u = 0 for w > 0
                        final double dw = dependsOnParameters[b] ? (f == 0.0 ? 0.0 : f * Math.log(u)) : 0.0;
                        if (!dependsOnParameters[b]) {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = du * g[ga + j];
                            }
                        } else if (!dependsOnParameters[a]) {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = dw * g[gb + j];
                            }
                        } else {
                            for (int j = 0; j < p; j++) {
                                g[gi + j] = du * g[ga + j] + dw * g[gb + j];
                            }
                        }
                    }
                }
                case NEG -> {
                    v[i] = -v[a];
                    if (dual) {
                        for (int j = 0; j < p; j++) {
                            g[gi + j] = -g[ga + j];
                        }
                    }
                }
                case EXP -> {
                    final double f = Math.exp(v[a]);
                    v[i] = f;
                    // d exp(u) = exp(u) du
                    chain(dual, f, g, gi, ga, p);
                }
                case LOG -> {
                    final double u = v[a];
                    v[i] = Math.log(u);
                    // d ln(u) = du / u
                    chain(dual, 1.0 / u, g, gi, ga, p);
                }
                case SIN -> {
                    final double u = v[a];
                    v[i] = Math.sin(u);
                    // d sin(u) = cos(u) du
                    chain(dual, dual ? Math.cos(u) : 0.0, g, gi, ga, p);
                }
                case COS -> {
                    final double u = v[a];
                    v[i] = Math.cos(u);
                    // d cos(u) = -sin(u) du
                    chain(dual, dual ? -Math.sin(u) : 0.0, g, gi, ga, p);
                }
                case TAN -> {
                    final double t = Math.tan(v[a]);
                    v[i] = t;
                    // d tan(u) = (1 + tan²u) du
                    chain(dual, 1.0 + t * t, g, gi, ga, p);
                }
                case ATAN -> {
                    final double u = v[a];
                    v[i] = Math.atan(u);
                    // d atan(u) = du / (1 + u²)
                    chain(dual, 1.0 / (1.0 + u * u), g, gi, ga, p);
                }
                case SQRT -> {
                    final double s = Math.sqrt(v[a]);
                    v[i] = s;
                    // d sqrt(u) = du / (2 sqrt(u))
                    chain(dual, 0.5 / s, g, gi, ga, p);
                }
                default -> throw new IllegalStateException("unknown operation code " + op[i]);
            }
        }
        final int root = op.length - 1;
        System.arraycopy(g, root * p, gradOut, 0, p);
        return v[root];
    }

    /** Chain rule for a unary function: {@code g[gi..] = derivative * g[ga..]} when the node carries a gradient. */
    private static void chain(boolean dual, double derivative, double[] g, int gi, int ga, int p) {
        if (dual) {
            for (int j = 0; j < p; j++) {
                g[gi + j] = derivative * g[ga + j];
            }
        }
    }

    /** The expression text. */
    @Override
    public String toString() {
        return text;
    }
}
