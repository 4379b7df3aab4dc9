package org.gn4j.pinn.pde;

/**
 * A number with its exact first derivatives with respect to the variables of one point of a {@link PdeSystem}: the
 * jet entries of every field (value, first derivatives, weighted Laplacian) and the unknown coefficients. A PDE
 * residual written with these operations ({@link PointResidual}) yields its value and, by forward-mode automatic
 * differentiation, the derivatives the chain rule to the network parameters needs; no derivative is written by hand.
 *
 * <p>Immutable. A constant carries no derivative array; where only values are wanted (residual evaluation) every
 * variable is such a constant and no derivative is computed.
 */
public final class Dual {
    private final double v;
    /** Derivatives with respect to the point's variables, or null for a constant. */
    private final double[] d;

    private Dual(double v, double[] d) {
        this.v = v;
        this.d = d;
    }

    /**
     * A constant.
     *
     * @param c the value
     * @return a number with value c and no derivatives
     */
    public static Dual constant(double c) {
        return new Dual(c, null);
    }

    /** Variable {@code index} of {@code count} with value {@code value} (derivative 1 with respect to itself). */
    static Dual variable(double value, int index, int count) {
        double[] d = new double[count];
        d[index] = 1;
        return new Dual(value, d);
    }

    /**
     * The value.
     *
     * @return the value
     */
    public double value() {
        return v;
    }

    /** The derivative with respect to variable i (0 for a constant). */
    double derivative(int i) {
        return d == null ? 0 : d[i];
    }

    /** Whether the number carries derivatives. */
    boolean hasDerivatives() {
        return d != null;
    }

    /** {@code a·x + b·y} of the derivative arrays (either may be null). */
    private static double[] combine(double a, double[] x, double b, double[] y) {
        if (x == null && y == null) {
            return null;
        }
        int n = x != null ? x.length : y.length;
        double[] out = new double[n];
        if (x != null && a != 0) {
            for (int i = 0; i < n; i++) {
                out[i] = a * x[i];
            }
        }
        if (y != null && b != 0) {
            for (int i = 0; i < n; i++) {
                out[i] += b * y[i];
            }
        }
        return out;
    }

    /** {@code f(v)} with {@code f'(v) = slope}. */
    private Dual chain(double value, double slope) {
        return new Dual(value, d == null ? null : combine(slope, d, 0, null));
    }

    /**
     * Sum {@code this + o}.
     *
     * @param o the other operand
     * @return the sum, with the summed derivatives
     */
    public Dual plus(Dual o) {
        return new Dual(v + o.v, combine(1, d, 1, o.d));
    }

    /**
     * Sum {@code this + c} with a constant.
     *
     * @param c the constant
     * @return the sum, with this number's derivatives
     */
    public Dual plus(double c) {
        return new Dual(v + c, d);
    }

    /**
     * Difference {@code this − o}.
     *
     * @param o the subtrahend
     * @return the difference, with the differenced derivatives
     */
    public Dual minus(Dual o) {
        return new Dual(v - o.v, combine(1, d, -1, o.d));
    }

    /**
     * Difference {@code this − c} with a constant.
     *
     * @param c the constant
     * @return the difference, with this number's derivatives
     */
    public Dual minus(double c) {
        return new Dual(v - c, d);
    }

    /**
     * Product {@code this·o} (product rule).
     *
     * @param o the other factor
     * @return the product
     */
    public Dual times(Dual o) {
        return new Dual(v * o.v, combine(o.v, d, v, o.d));
    }

    /**
     * Product {@code this·c} with a constant.
     *
     * @param c the constant
     * @return the product, derivatives scaled by c
     */
    public Dual times(double c) {
        return chain(v * c, c);
    }

    /**
     * Quotient {@code this/o} (quotient rule).
     *
     * @param o the divisor; a zero value gives an infinite or NaN result
     * @return the quotient
     */
    public Dual div(Dual o) {
        double q = v / o.v;
        return new Dual(q, combine(1 / o.v, d, -q / o.v, o.d));
    }

    /**
     * Quotient {@code this/c} by a constant.
     *
     * @param c the constant divisor
     * @return the quotient, derivatives divided by c
     */
    public Dual div(double c) {
        return chain(v / c, 1 / c);
    }

    /**
     * Negation {@code −this}.
     *
     * @return the negated number
     */
    public Dual negate() {
        return chain(-v, -1);
    }

    /**
     * {@code this²}.
     *
     * @return the square, derivative {@code 2v·dv}
     */
    public Dual square() {
        return chain(v * v, 2 * v);
    }

    /**
     * {@code thisᵏ} for an integer k (k ≥ 0, or negative for a nonzero value).
     *
     * @param k the exponent
     * @return the power, derivative {@code k·v^(k−1)·dv}; the constant 1 for k = 0
     */
    public Dual pow(int k) {
        if (k == 0) {
            return constant(1);
        }
        double p = Math.pow(v, k - 1);
        return chain(p * v, k * p);
    }

    /**
     * {@code this^a} for a real exponent (value positive unless a is an integer).
     *
     * @param a the exponent
     * @return the power, derivative {@code a·v^(a−1)·dv}; NaN for a negative value and a non-integer a
     */
    public Dual pow(double a) {
        double p = Math.pow(v, a - 1);
        return chain(p * v, a * p);
    }

    /**
     * Square root.
     *
     * @return {@code √this}, derivative {@code dv/(2√v)}; NaN for a negative value, infinite derivative at 0
     */
    public Dual sqrt() {
        double s = Math.sqrt(v);
        return chain(s, 0.5 / s);
    }

    /**
     * Exponential.
     *
     * @return {@code e^this}
     */
    public Dual exp() {
        double e = Math.exp(v);
        return chain(e, e);
    }

    /**
     * Natural logarithm.
     *
     * @return {@code ln this}, derivative {@code dv/v}; NaN for a negative value
     */
    public Dual log() {
        return chain(Math.log(v), 1 / v);
    }

    /**
     * Sine (argument in radians).
     *
     * @return {@code sin this}
     */
    public Dual sin() {
        return chain(Math.sin(v), Math.cos(v));
    }

    /**
     * Cosine (argument in radians).
     *
     * @return {@code cos this}
     */
    public Dual cos() {
        return chain(Math.cos(v), -Math.sin(v));
    }

    /**
     * Hyperbolic tangent.
     *
     * @return {@code tanh this}, derivative {@code (1 − tanh²)·dv}
     */
    public Dual tanh() {
        double t = Math.tanh(v);
        return chain(t, 1 - t * t);
    }

    @Override
    public String toString() {
        return d == null ? Double.toString(v) : v + " (with derivatives)";
    }
}
