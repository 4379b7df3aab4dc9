package org.gn4j.pinn.net;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.nn.layers.Activation;

/**
 * A fully connected network {@code u: ℝⁿ → ℝ} with smooth activations on the hidden layers and a linear output, the
 * architecture of a PINN. Immutable: it describes the shape; the parameters live in a caller-owned flat vector θ and
 * evaluation happens in an {@link MlpEvaluator} (which owns the buffers).
 *
 * <p>Inputs first pass through a fixed affine map {@code s = (x − center) / halfWidth} (default identity), so a network
 * can see a subdomain or a box as {@code [−1, 1]ⁿ}; all derivatives the evaluator reports are with respect to the
 * original x.
 *
 * <p>Parameter layout of θ, layer by layer from the input: the weight matrix {@code W} (fan-out × fan-in, row-major)
 * then the bias {@code b} (fan-out); the last layer has fan-out 1.
 */
public final class Mlp {
    private final Activation.Function activation;
    private final int inputs;
    private final int[] widths;
    private final double[] center;
    private final double[] halfWidth;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int parameterCount;

    private Mlp(Activation.Function activation, int inputs, int[] widths, double[] center, double[] halfWidth) {
        this.activation = activation;
        this.inputs = inputs;
        this.widths = widths;
        this.center = center;
        this.halfWidth = halfWidth;
        int layers = widths.length + 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int off = 0;
        int fanIn = inputs;
        for (int l = 0; l < layers; l++) {
            int fanOut = l < widths.length ? widths[l] : 1;
            weightOffset[l] = off;
            off += fanOut * fanIn;
            biasOffset[l] = off;
            off += fanOut;
            fanIn = fanOut;
        }
        parameterCount = off;
    }

    /**
     * A network {@code inputs → hidden[0] → … → hidden[L−1] → 1}.
     *
     * @param activation the hidden activation; must have a third derivative (TANH or SIN)
     * @param inputs input dimension n, ≥ 1
     * @param hidden hidden-layer widths, each positive, at least one; copied
     * @return the network, with the identity input map
     * @throws IllegalArgumentException if inputs or a width is not positive, or there is no hidden layer
     */
    public static Mlp of(Activation.Function activation, int inputs, int... hidden) {
        if (activation == null || !activation.hasThirdDerivative()) {
            throw new IllegalArgumentException("activation is " + activation + ", expected TANH or SIN (the PINN "
                    + "derivatives need three derivatives of the activation)");
        }
        ArgumentChecks.requirePositive("inputs", inputs);
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("found no hidden layer, expected at least one width");
        }
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] <= 0) {
                throw new IllegalArgumentException("hidden[" + l + "] is " + hidden[l] + ", expected > 0");
            }
        }
        double[] c = new double[inputs];
        double[] h = new double[inputs];
        Arrays.fill(h, 1.0);
        return new Mlp(activation, inputs, hidden.clone(), c, h);
    }

    /**
     * A tanh network {@code inputs → hidden… → 1}.
     *
     * @param inputs input dimension n, ≥ 1
     * @param hidden hidden-layer widths, each positive, at least one
     * @return the network, with the identity input map
     * @throws IllegalArgumentException if inputs or a width is not positive, or there is no hidden layer
     */
    public static Mlp tanh(int inputs, int... hidden) {
        return of(Activation.Function.TANH, inputs, hidden);
    }

    /**
     * The same network reading its inputs through {@code s_i = (x_i − center_i) / halfWidth_i} (so the box
     * {@code [center − halfWidth, center + halfWidth]} becomes {@code [−1, 1]ⁿ}).
     *
     * @param newCenter the box centre, length n, finite; copied
     * @param newHalfWidth the box half widths, length n, each positive and finite; copied
     * @return a new network with the same architecture (and parameter layout)
     * @throws IllegalArgumentException on wrong lengths or a half-width that is not positive and finite
     */
    public Mlp withInputMap(double[] newCenter, double[] newHalfWidth) {
        ArgumentChecks.requireLength("center", newCenter, inputs);
        ArgumentChecks.requireLength("halfWidth", newHalfWidth, inputs);
        ArgumentChecks.requireFinite("center", newCenter);
        for (int i = 0; i < inputs; i++) {
            ArgumentChecks.requirePositive("halfWidth[" + i + "]", newHalfWidth[i]);
        }
        return new Mlp(activation, inputs, widths, newCenter.clone(), newHalfWidth.clone());
    }

    /**
     * The same network mapping the box {@code [lower, upper]} to {@code [−1, 1]ⁿ}.
     *
     * @param lower lower corner of the box, length n
     * @param upper upper corner of the box, length n, each entry above the matching lower entry
     * @return a new network with the same architecture (and parameter layout)
     * @throws IllegalArgumentException on wrong lengths or an empty or non-finite box
     */
    public Mlp withInputBox(double[] lower, double[] upper) {
        ArgumentChecks.requireLength("lower", lower, inputs);
        ArgumentChecks.requireLength("upper", upper, inputs);
        double[] c = new double[inputs];
        double[] h = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            c[i] = 0.5 * (lower[i] + upper[i]);
            h[i] = 0.5 * (upper[i] - lower[i]);
        }
        return withInputMap(c, h);
    }

    /**
     * The hidden activation.
     *
     * @return the activation of the hidden layers
     */
    public Activation.Function activation() {
        return activation;
    }

    /**
     * Input dimension n.
     *
     * @return n, ≥ 1
     */
    public int inputDimension() {
        return inputs;
    }

    /**
     * Hidden widths (a copy).
     *
     * @return a new array with one width per hidden layer
     */
    public int[] hiddenWidths() {
        return widths.clone();
    }

    /**
     * Number of layers with parameters (hidden layers + output).
     *
     * @return the number of hidden layers plus one
     */
    public int layerCount() {
        return widths.length + 1;
    }

    /**
     * Fan-out of layer l (1 for the output layer).
     *
     * @param layer layer index, in [0, layerCount())
     * @return the layer's fan-out
     */
    public int width(int layer) {
        return layer < widths.length ? widths[layer] : 1;
    }

    /**
     * Fan-in of layer l.
     *
     * @param layer layer index, in [0, layerCount())
     * @return the layer's fan-in (n for layer 0)
     */
    public int fanIn(int layer) {
        return layer == 0 ? inputs : widths[layer - 1];
    }

    /**
     * Offset of layer l's weight matrix in θ.
     *
     * @param layer layer index, in [0, layerCount())
     * @return the offset of the layer's fan-out × fan-in row-major weight matrix
     */
    public int weightOffset(int layer) {
        return weightOffset[layer];
    }

    /**
     * Offset of layer l's bias in θ.
     *
     * @param layer layer index, in [0, layerCount())
     * @return the offset of the layer's bias vector (fan-out entries)
     */
    public int biasOffset(int layer) {
        return biasOffset[layer];
    }

    /**
     * Length of θ.
     *
     * @return the number of parameters P
     */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * Input map centers (a copy).
     *
     * @return a new array of length n
     */
    public double[] inputCenter() {
        return center.clone();
    }

    /**
     * Input map half-widths (a copy).
     *
     * @return a new array of length n
     */
    public double[] inputHalfWidth() {
        return halfWidth.clone();
    }

    double centerAt(int i) {
        return center[i];
    }

    double halfWidthAt(int i) {
        return halfWidth[i];
    }

    /**
     * Glorot-normal weights ({@code N(0, 2/(fan-in + fan-out))}), zero biases, from a seed.
     *
     * @param seed random seed; the same seed gives the same θ
     * @return a new θ
     */
    public double[] initialParameters(long seed) {
        double[] theta = new double[parameterCount];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int l = 0; l < layerCount(); l++) {
            int fo = width(l);
            int fi = fanIn(l);
            double sd = Math.sqrt(2.0 / (fi + fo));
            for (int k = 0; k < fo * fi; k++) {
                theta[weightOffset[l] + k] = sd * gaussian(rnd);
            }
        }
        return theta;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller, one of the pair
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * A new evaluator (buffers for batch-parallel evaluation) for this network.
     *
     * @return a new evaluator; not safe to share between threads
     */
    public MlpEvaluator evaluator() {
        return new MlpEvaluator(this);
    }

    /**
     * {@code u(x)} at one point, plain forward pass (allocates; for tests and plots, use {@link MlpEvaluator} in
     * loops).
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param x the point, length n
     * @return the network output u(x)
     * @throws IllegalArgumentException on wrong lengths
     */
    public double value(double[] theta, double[] x) {
        ArgumentChecks.requireLength("theta", theta, parameterCount);
        ArgumentChecks.requireLength("x", x, inputs);
        double[] h = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            h[i] = (x[i] - center[i]) / halfWidth[i];
        }
        for (int l = 0; l < layerCount(); l++) {
            int fo = width(l);
            int fi = fanIn(l);
            double[] z = new double[fo];
            for (int j = 0; j < fo; j++) {
                double s = theta[biasOffset[l] + j];
                int row = weightOffset[l] + j * fi;
                for (int k = 0; k < fi; k++) {
                    s += theta[row + k] * h[k];
                }
                if (l < widths.length) {
                    s = activation.value(s);
                }
                z[j] = s;
            }
            h = z;
        }
        return h[0];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Mlp[").append(activation.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(inputs);
        for (int w : widths) {
            sb.append('-').append(w);
        }
        return sb.append("-1, ").append(parameterCount).append(" parameters]").toString();
    }
}
