package org.gn4j.nn;

import java.util.Random;

import org.gn4j.linalg.blas.Precision;

/**
 * A differentiable layer over mini-batches. Layers are stateless functions of their parameters: the parameters live
 * in one flat vector θ owned by the network (this layer's slice starts at {@code off}), and everything a backward or
 * tangent pass needs from the forward pass lives in a {@link LayerState} created per batch chunk, so several chunks can
 * run on different threads with the same layer.
 *
 * <p>All activations are batch-major flat arrays: sample s of an input occupies {@code x[s·in .. (s+1)·in)} with
 * {@code in = inputShape().size()}. Methods allocate nothing.
 */
public interface Layer {
    /** Short description, e.g. "Dense(784→20)". */
    String name();

    /** Shape of one input sample. */
    Shape inputShape();

    /** Shape of one output sample. */
    Shape outputShape();

    /** Number of parameters in θ. */
    int parameterCount();

    /** Work storage for batches of up to {@code maxBatch} samples (cached inputs, pre-activations, masks). */
    LayerState newState(int maxBatch);

    /** {@code y = f(x; θ)} for {@code batch} samples; caches what the tangent and adjoint passes need in the state. */
    void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state);

    /**
     * Forward mode (R-operator) at the cached point: {@code ẏ = ∂f/∂x·ẋ + ∂f/∂θ·v}.
     *
     * @param v  parameter tangent (this layer's slice at {@code off}); null means zero
     * @param xt input tangent; null means zero
     * @param yt output tangent (overwritten)
     */
    void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state);

    /**
     * Reverse mode at the cached point: accumulates {@code Σ_s (∂f/∂θ)ᵀ ȳ_s} into {@code grad} (this layer's slice at
     * {@code off}) and writes {@code x̄ = (∂f/∂x)ᵀ ȳ}.
     *
     * @param grad parameter gradient, accumulated (not overwritten); null to skip
     * @param xb   input cotangent (overwritten); null to skip
     */
    void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state);

    /**
     * Reverse mode per sample: for each sample s writes {@code (∂f/∂θ)ᵀ ȳ_s} into its own row,
     * {@code rows[rowOffset + s·rowStride + off ..]} (overwritten), and {@code x̄} as {@link #vjp}. Used to build
     * per-sample Jacobians with c reverse passes instead of d forward passes.
     */
    void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset, int rowStride,
            double[] xb, LayerState state);

    /**
     * This layer with its products (the GEMMs behind the {@link org.gn4j.linalg.blas.Blas} seam) in the given
     * precision: the same function of the same parameters. Layers without GEMMs (activations, pooling, reshapes)
     * return themselves.
     *
     * @throws IllegalArgumentException if {@code precision} is null
     */
    default Layer withPrecision(Precision precision) {
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null, expected F32 or F64");
        }
        return this;
    }

    /** The precision of this layer's products ({@link Precision#F64} for layers without GEMMs). */
    default Precision precision() {
        return Precision.F64;
    }

    /** Initializes this layer's parameters (Glorot / He for weights, zero biases). */
    void initialize(double[] theta, int off, Random rng);
}
