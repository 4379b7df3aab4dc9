package org.gn4j.nn.layers;

import java.util.Random;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.nn.Layer;
import org.gn4j.nn.Shape;

/**
 * Shared geometry of the parameter-free pooling layers: a {@code size × size} window moved by {@code stride} over
 * each of C channels of an H × W input, without padding, giving {@code H' = (H − size)/stride + 1} (likewise W').
 */
abstract class Pool2d implements Layer {
    final int c;
    final int h;
    final int w;
    final int size;
    final int stride;
    final int ho;
    final int wo;

    /**
     * @throws IllegalArgumentException if a size or the stride is not positive, the window is larger than the input,
     *                                  or the stride does not divide {@code H − size} (or {@code W − size})
     */
    Pool2d(int channels, int height, int width, int size, int stride) {
        ArgumentChecks.requirePositive("channels", channels);
        ArgumentChecks.requirePositive("height", height);
        ArgumentChecks.requirePositive("width", width);
        ArgumentChecks.requirePositive("size", size);
        ArgumentChecks.requirePositive("stride", stride);
        this.c = channels;
        this.h = height;
        this.w = width;
        this.size = size;
        this.stride = stride;
        this.ho = Im2col.outputSize("height", height, size, stride, 0);
        this.wo = Im2col.outputSize("width", width, size, stride, 0);
    }

    /** "Kind(C×H×W→C×H'×W', k×k, stride s)". */
    String describe(String kind) {
        return kind + "(" + c + "×" + h + "×" + w + "→" + c + "×" + ho + "×" + wo + ", " + size + "×" + size
                + ", stride " + stride + ")";
    }

    @Override
    public Shape inputShape() {
        return Shape.of(c, h, w);
    }

    @Override
    public Shape outputShape() {
        return Shape.of(c, ho, wo);
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public void initialize(double[] theta, int off, Random rng) {
        // no parameters
    }
}
