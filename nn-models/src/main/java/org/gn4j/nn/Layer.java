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
    /**
     * Short description, e.g. "Dense(784→20)".
     *
     * @return a short human-readable description, e.g. {@code "Dense(784→20)"}
     */
    String name();

    /**
     * Shape of one input sample.
     *
     * @return the shape of one input sample
     */
    Shape inputShape();

    /**
     * Shape of one output sample.
     *
     * @return the shape of one output sample
     */
    Shape outputShape();

    /**
     * Number of parameters in θ.
     *
     * @return the length of this layer's slice of θ, {@code >= 0}
     */
    int parameterCount();

    /**
     * Work storage for batches of up to {@code maxBatch} samples (cached inputs, pre-activations, masks).
     *
     * @param maxBatch the largest batch the state must hold, {@code >= 1}
     * @return a new state, to be used by one thread at a time
     */
    LayerState newState(int maxBatch);

    /**
     * {@code y = f(x; θ)} for {@code batch} samples; caches what the tangent and adjoint passes need in the state.
     *
     * @param theta the network's flat parameter vector θ; not modified
     * @param off index of this layer's first parameter in {@code theta}
     * @param batch number of samples, {@code >= 1} and at most the state's {@code maxBatch}
     * @param x the inputs, batch-major {@code batch × inputShape().size()}; not modified
     * @param y receives the outputs, batch-major {@code batch × outputShape().size()}; overwritten
     * @param state the state that receives the cache of this pass
     */
    void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state);

    /**
     * Forward mode (R-operator) at the cached point: {@code ẏ = ∂f/∂x·ẋ + ∂f/∂θ·v}.
     *
     * @param theta the network's flat parameter vector θ; not modified
     * @param off   index of this layer's first parameter in {@code theta}
     * @param v     parameter tangent (this layer's slice at {@code off}); null means zero
     * @param batch number of samples, as in the last {@link #forward} on {@code state}
     * @param xt    input tangent; null means zero
     * @param yt    output tangent (overwritten)
     * @param state the state of the last {@link #forward}, fixing the point
     */
    void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state);

    /**
     * Reverse mode at the cached point: accumulates {@code Σ_s (∂f/∂θ)ᵀ ȳ_s} into {@code grad} (this layer's slice at
     * {@code off}) and writes {@code x̄ = (∂f/∂x)ᵀ ȳ}.
     *
     * @param theta the network's flat parameter vector θ; not modified
     * @param off   index of this layer's first parameter in {@code theta}
     * @param batch number of samples, as in the last {@link #forward} on {@code state}
     * @param yb    the output cotangent ȳ, batch-major {@code batch × outputShape().size()}; may be used as scratch
     * @param grad  parameter gradient, accumulated (not overwritten); null to skip
     * @param xb    input cotangent (overwritten); null to skip
     * @param state the state of the last {@link #forward}, fixing the point
     */
    void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state);

    /**
     * Reverse mode per sample: for each sample s writes {@code (∂f/∂θ)ᵀ ȳ_s} into its own row,
     * {@code rows[rowOffset + s·rowStride + off ..]} (overwritten), and {@code x̄} as {@link #vjp}. Used to build
     * per-sample Jacobians with c reverse passes instead of d forward passes.
     *
     * @param theta the network's flat parameter vector θ; not modified
     * @param off index of this layer's first parameter in {@code theta}
     * @param batch number of samples, as in the last {@link #forward} on {@code state}
     * @param yb the output cotangent ȳ, batch-major {@code batch × outputShape().size()}; may be used as scratch
     * @param rows the per-sample gradient rows; this layer writes entries {@code [off, off + parameterCount())} of each
     * @param rowOffset index in {@code rows} of sample 0's row
     * @param rowStride distance in {@code rows} between the rows of consecutive samples
     * @param xb input cotangent (overwritten); null to skip
     * @param state the state of the last {@link #forward}, fixing the point
     */
    void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset, int rowStride,
            double[] xb, LayerState state);

    /**
     * This layer with its products (the GEMMs behind the {@link org.gn4j.linalg.blas.Blas} seam) in the given
     * precision: the same function of the same parameters. Layers without GEMMs (activations, pooling, reshapes)
     * return themselves.
     *
     * @param precision the precision of the products; not null
     * @return a layer computing the same function in {@code precision}; this layer when nothing changes
     * @throws IllegalArgumentException if {@code precision} is null
     */
    default Layer withPrecision(Precision precision) {
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null, expected F32 or F64");
        }
        return this;
    }

    /**
     * The precision of this layer's products ({@link Precision#F64} for layers without GEMMs).
     *
     * @return the precision of this layer's products
     */
    default Precision precision() {
        return Precision.F64;
    }

    /**
     * Initializes this layer's parameters (Glorot / He for weights, zero biases).
     *
     * @param theta the network's flat parameter vector θ; this layer's slice is overwritten
     * @param off index of this layer's first parameter in {@code theta}
     * @param rng the random source drawn from; advanced by the draws
     */
    void initialize(double[] theta, int off, Random rng);
}
