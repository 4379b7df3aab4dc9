package org.gn4j.nn;

/**
 * The work storage of one batch chunk: per layer the activations, tangents and cotangents (batch-major flat arrays)
 * and the layer states. Created by {@link Sequential#newTape(int)} for a maximum batch size; one tape per thread.
 */
public final class Tape {
    final int maxBatch;
    final double[][] act;
    final double[][] tan;
    final double[][] cot;
    final LayerState[] states;
    int batch;

    Tape(Sequential net, int maxBatch) {
        this.maxBatch = maxBatch;
        int n = net.layerCount();
        act = new double[n + 1][];
        tan = new double[n + 1][];
        cot = new double[n + 1][];
        states = new LayerState[n];
        act[0] = new double[maxBatch * net.inputShape().size()];
        tan[0] = null;
        cot[0] = new double[maxBatch * net.inputShape().size()];
        for (int l = 0; l < n; l++) {
            Layer layer = net.layer(l);
            int size = maxBatch * layer.outputShape().size();
            act[l + 1] = new double[size];
            tan[l + 1] = new double[size];
            cot[l + 1] = new double[size];
            states[l] = layer.newState(maxBatch);
        }
    }

    /**
     * The largest batch this tape holds.
     *
     * @return the capacity in samples, {@code >= 1}
     */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * The batch size of the last forward pass.
     *
     * @return the number of samples of the last {@link Sequential#forward}; 0 before the first
     */
    public int batch() {
        return batch;
    }

    /**
     * The network output of the last forward pass (batch × outputs, batch-major; valid until the next pass).
     *
     * @return the tape's own output array (a view, not a copy), holding at least {@code batch() × c} valid entries
     */
    public double[] output() {
        return act[act.length - 1];
    }

    /**
     * The output tangent of the last {@code jvp} (batch × outputs).
     *
     * @return the tape's own output tangent array (a view), holding at least {@code batch() × c} valid entries
     */
    public double[] outputTangent() {
        return tan[tan.length - 1];
    }

    /** The output cotangent buffer (batch × outputs) that {@code vjp} reads when given none. */
    double[] outputCotangent() {
        return cot[cot.length - 1];
    }
}
