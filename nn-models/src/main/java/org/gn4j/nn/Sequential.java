package org.gn4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.blas.Precision;

/**
 * A feed-forward network as a chain of {@link Layer}s with one flat parameter vector θ: layer l owns the slice
 * starting at {@link #offset(int)} (views into θ, never copies). The network is stateless; a {@link Tape} holds the
 * activations of one batch chunk, so chunks can be evaluated in parallel with the same network and θ.
 *
 * <p>Products at the cached forward point, for a batch of b samples and c outputs:
 * {@link #forward} {@code f(x; θ)}, {@link #jvp} {@code J·v} (forward mode, one tangent pass), {@link #vjp}
 * {@code Jᵀ·u} (reverse mode, one adjoint pass), {@link #perSampleJacobian} the {@code bc × d} Jacobian from c
 * reverse passes.
 */
public final class Sequential {
    private final Layer[] layers;
    private final int[] offsets;
    private final int parameterCount;
    private final Precision precision;

    /**
     * @param layers the layers in order, at least one; the list is copied, the layers referenced; products in float64
     * @throws IllegalArgumentException if the list is empty or consecutive shapes do not match (naming the layer, the
     *                                  shape found and the shape expected)
     */
    public Sequential(List<? extends Layer> layers) {
        this(layers, Precision.F64);
    }

    /**
     * A network whose products run in {@code precision}: every layer is taken through
     * {@link Layer#withPrecision}, so forward passes, JVPs, VJPs, per-sample Jacobians and the GGN products built on
     * them use float32 GEMMs for {@link Precision#F32}; activations stay in float64 arrays.
     *
     * @param layers the layers in order, at least one; the list is copied
     * @param precision the precision of every layer's products; not null
     * @throws IllegalArgumentException as {@link #Sequential(List)}, or if {@code precision} is null
     */
    public Sequential(List<? extends Layer> layers, Precision precision) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers is empty, expected at least one layer");
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null, expected F32 or F64");
        }
        this.precision = precision;
        this.layers = new Layer[layers.size()];
        for (int l = 0; l < this.layers.length; l++) {
            this.layers[l] = layers.get(l).withPrecision(precision);
        }
        this.offsets = new int[this.layers.length];
        long total = 0;
        for (int l = 0; l < this.layers.length; l++) {
            if (l > 0 && !this.layers[l].inputShape().equals(this.layers[l - 1].outputShape())) {
                throw new IllegalArgumentException("layer " + l + " (" + this.layers[l].name() + ") expects input "
                        + this.layers[l].inputShape() + ", but layer " + (l - 1) + " (" + this.layers[l - 1].name()
                        + ") outputs " + this.layers[l - 1].outputShape());
            }
            offsets[l] = (int) total;
            total += this.layers[l].parameterCount();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("network has " + total + " parameters, more than an array holds");
        }
        this.parameterCount = (int) total;
    }

    /**
     * A network of the given layers.
     *
     * @param layers the layers in order, at least one
     * @return a new float64 network
     */
    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    /**
     * The precision of the network's products: {@link Precision#F64} for the constructors without one (generic
     * least-squares fits, tests), whatever {@link #withPrecision} or {@link #Sequential(List, Precision)} chose.
     *
     * @return the precision all layers' products run in
     */
    public Precision precision() {
        return precision;
    }

    /**
     * The same layers and parameters layout with products in {@code precision} (this network when it agrees).
     *
     * @param precision the precision of the products; not null
     * @return this network if {@code precision} is its own, else a new one over the same layers; θ layouts are
     *         identical
     */
    public Sequential withPrecision(Precision precision) {
        return precision == this.precision ? this : new Sequential(List.of(layers), precision);
    }

    /**
     * Number of parameters d.
     *
     * @return the length d of θ
     */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * Number of layers.
     *
     * @return the number of layers, {@code >= 1}
     */
    public int layerCount() {
        return layers.length;
    }

    /**
     * Layer {@code l}.
     *
     * @param l the layer index, {@code 0 <= l < layerCount()}
     * @return layer {@code l} as the network uses it (already in the network's precision)
     */
    public Layer layer(int l) {
        return layers[l];
    }

    /**
     * The layers.
     *
     * @return an unmodifiable list of the layers, in order
     */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /**
     * Offset of layer l's parameters in θ.
     *
     * @param l the layer index, {@code 0 <= l < layerCount()}
     * @return the index in θ of layer l's first parameter
     */
    public int offset(int l) {
        return offsets[l];
    }

    /**
     * Shape of one input sample.
     *
     * @return the shape of one input sample (the first layer's input shape)
     */
    public Shape inputShape() {
        return layers[0].inputShape();
    }

    /**
     * Shape of one output sample (c = its size).
     *
     * @return the shape of one output sample (the last layer's output shape)
     */
    public Shape outputShape() {
        return layers[layers.length - 1].outputShape();
    }

    /**
     * A fresh parameter vector initialized layer by layer from {@code new Random(seed)}.
     *
     * @param seed seed of the {@link Random} the layers draw from, in layer order; the same seed gives the same θ
     * @return a new vector θ of length {@link #parameterCount()}
     */
    public double[] initialParameters(long seed) {
        double[] theta = new double[parameterCount];
        Random rng = new Random(seed);
        for (int l = 0; l < layers.length; l++) {
            layers[l].initialize(theta, offsets[l], rng);
        }
        return theta;
    }

    /**
     * Work storage for batches of up to {@code maxBatch} samples.
     *
     * @param maxBatch the largest batch the tape holds, {@code >= 1}
     * @return a new tape for this network (one per thread)
     */
    public Tape newTape(int maxBatch) {
        ArgumentChecks.requirePositive("maxBatch", maxBatch);
        return new Tape(this, maxBatch);
    }

    /**
     * Forward pass on samples {@code x[xOff ..]} (batch × input size), caching everything in the tape.
     *
     * @param theta the parameter vector θ, length {@link #parameterCount()}
     * @param batch number of samples, {@code 1 <= batch <= tape.maxBatch()}
     * @param x the inputs, batch-major: sample s at {@code x[xOff + s·in ..]} with {@code in = inputShape().size()}
     * @param xOff index of the first input entry in {@code x}
     * @param tape the work storage that receives the activations; fixes the point for {@link #jvp}, {@link #vjp} and
     *             {@link #perSampleJacobian}
     * @return the output array of the tape (batch × c)
     * @throws IllegalArgumentException on a wrong θ length, a batch larger than the tape, too short an input, or a
     *                                  non-finite input (naming the sample and entry)
     */
    public double[] forward(double[] theta, int batch, double[] x, int xOff, Tape tape) {
        ArgumentChecks.requireLength("theta", theta, parameterCount);
        checkBatch(batch, tape);
        int in = inputShape().size();
        ArgumentChecks.requireRange("x", x, xOff, batch * in);
        for (int i = 0; i < batch * in; i++) {
            double v = x[xOff + i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("input sample " + (i / in) + " entry " + (i % in) + " is " + v
                        + ", expected finite values (input shape " + inputShape() + ")");
            }
        }
        System.arraycopy(x, xOff, tape.act[0], 0, batch * in);
        tape.batch = batch;
        for (int l = 0; l < layers.length; l++) {
            layers[l].forward(theta, offsets[l], batch, tape.act[l], tape.act[l + 1], tape.states[l]);
        }
        return tape.output();
    }

    /**
     * {@code J·v} at the tape's forward point (input tangent zero).
     *
     * @param theta the parameter vector θ, length {@link #parameterCount()}
     * @param v the parameter tangent, length d
     * @param tape a tape after {@link #forward}, at whose point the product is taken
     * @return the tape's output tangent (batch × c)
     */
    public double[] jvp(double[] theta, double[] v, Tape tape) {
        ArgumentChecks.requireLength("v", v, parameterCount);
        int batch = tape.batch;
        for (int l = 0; l < layers.length; l++) {
            layers[l].jvp(theta, offsets[l], v, batch, tape.tan[l], tape.tan[l + 1], tape.states[l]);
        }
        return tape.outputTangent();
    }

    /**
     * {@code grad += Jᵀ·u} at the tape's forward point.
     *
     * @param theta the parameter vector θ, length {@link #parameterCount()}
     * @param u     output cotangent, batch × c
     * @param grad  length d, accumulated
     * @param tape  a tape after {@link #forward}, at whose point the product is taken
     */
    public void vjp(double[] theta, double[] u, double[] grad, Tape tape) {
        int batch = tape.batch;
        int c = outputShape().size();
        ArgumentChecks.requireRange("u", u, 0, batch * c);
        ArgumentChecks.requireLength("grad", grad, parameterCount);
        double[] top = tape.cot[layers.length];
        System.arraycopy(u, 0, top, 0, batch * c);
        for (int l = layers.length - 1; l >= 0; l--) {
            double[] xb = l > 0 ? tape.cot[l] : null;
            layers[l].vjp(theta, offsets[l], batch, tape.cot[l + 1], grad, xb, tape.states[l]);
        }
    }

    /**
     * The per-sample Jacobian at the tape's forward point: row {@code s·c + k} is {@code ∂f_k(x_s)/∂θ}, written into
     * {@code jac[rowOffset ..]} with rows of length d, built with c reverse passes over the batch.
     *
     * @param theta the parameter vector θ, length {@link #parameterCount()}
     * @param tape a tape after {@link #forward} on b samples, at whose point the Jacobian is taken
     * @param jac receives the {@code bc × d} Jacobian, row-major; must hold {@code b·c·d} entries from
     *            {@code rowOffset}
     * @param rowOffset index in {@code jac} of row 0's first entry
     */
    public void perSampleJacobian(double[] theta, Tape tape, double[] jac, int rowOffset) {
        int batch = tape.batch;
        int c = outputShape().size();
        int d = parameterCount;
        ArgumentChecks.requireRange("jac", jac, rowOffset, batch * c * d);
        double[] top = tape.cot[layers.length];
        for (int k = 0; k < c; k++) {
            Arrays.fill(top, 0, batch * c, 0.0);
            for (int s = 0; s < batch; s++) {
                top[s * c + k] = 1.0;
            }
            for (int l = layers.length - 1; l >= 0; l--) {
                double[] xb = l > 0 ? tape.cot[l] : null;
                // row of (s, k) starts at rowOffset + (s·c + k)·d: stride c·d between samples
                layers[l].vjpPerSample(theta, offsets[l], batch, tape.cot[l + 1], jac, rowOffset + k * d, c * d, xb,
                        tape.states[l]);
            }
        }
    }

    /**
     * The per-sample Jacobian with the c reverse passes seeded by given per-sample vectors instead of unit vectors:
     * row {@code s·c + k} is {@code (S_s e_k)ᵀ ∂f(x_s)/∂θ}, i.e. the rows of sample s are {@code S_sᵀJ_s}, with
     * {@code S_s} the c×c row-major matrix at {@code seeds[seedOffset + s·c²]}. With the loss-Hessian factors as seeds
     * this gives the whitened Jacobian {@code L_sᵀJ_s} of the exact Gauss-Newton step at the cost of J.
     *
     * @param theta the parameter vector θ, length {@link #parameterCount()}
     * @param tape a tape after {@link #forward} on b samples, at whose point the Jacobian is taken
     * @param jac receives the {@code bc × d} whitened Jacobian, row-major; must hold {@code b·c·d} entries from
     *            {@code rowOffset}
     * @param rowOffset index in {@code jac} of row 0's first entry
     * @param seeds the b seed matrices {@code S_s}, each {@code c×c} row-major, one after the other
     * @param seedOffset index in {@code seeds} of {@code S_0}'s first entry
     */
    public void perSampleJacobian(double[] theta, Tape tape, double[] jac, int rowOffset, double[] seeds,
            int seedOffset) {
        int batch = tape.batch;
        int c = outputShape().size();
        int d = parameterCount;
        ArgumentChecks.requireRange("jac", jac, rowOffset, batch * c * d);
        ArgumentChecks.requireRange("seeds", seeds, seedOffset, batch * c * c);
        double[] top = tape.cot[layers.length];
        for (int k = 0; k < c; k++) {
            for (int s = 0; s < batch; s++) {
                int base = seedOffset + s * c * c;
                for (int i = 0; i < c; i++) {
                    top[s * c + i] = seeds[base + i * c + k]; // column k of S_s
                }
            }
            for (int l = layers.length - 1; l >= 0; l--) {
                double[] xb = l > 0 ? tape.cot[l] : null;
                layers[l].vjpPerSample(theta, offsets[l], batch, tape.cot[l + 1], jac, rowOffset + k * d, c * d, xb,
                        tape.states[l]);
            }
        }
    }

    private static void checkBatch(int batch, Tape tape) {
        if (batch <= 0 || batch > tape.maxBatch) {
            throw new IllegalArgumentException(
                    "batch is " + batch + ", expected 1.." + tape.maxBatch + " (the tape's capacity)");
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Layer l : layers) {
            names.add(l.name());
        }
        return "Sequential" + names + " (" + parameterCount + " parameters"
                + (precision == Precision.F32 ? ", float32 products" : "") + ")";
    }
}
