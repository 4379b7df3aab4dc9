package org.gn4j.nn;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.layers.Conv2d;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.layers.Flatten;
import org.gn4j.nn.layers.MaxPool2d;

/**
 * The networks of the SGN experiments as ready-made {@link Sequential}s. Initialization follows the activation: He
 * normal for ReLU hidden layers (and convolutions), Glorot uniform otherwise and for the output layer; get a
 * parameter vector with {@link Sequential#initialParameters(long)}. All outputs are raw scores (logits for
 * classification: pair them with the softmax cross-entropy loss).
 */
public final class Presets {
    private Presets() {
    }

    /**
     * A fully connected network {@code in → hidden[0] → … → hidden[n−1] → out} with activation {@code f} after every
     * hidden layer and none after the output layer.
     *
     * @param in input size, {@code >= 1}
     * @param hidden the hidden layer widths, each {@code >= 1}; empty for a linear model; not null
     * @param out output size, {@code >= 1}
     * @param f the hidden activation; not null
     * @return a new float64 network with {@code 2·hidden.length + 1} layers
     * @throws IllegalArgumentException if a size is not positive or {@code f} is null
     */
    public static Sequential mlp(int in, int[] hidden, int out, Activation.Function f) {
        ArgumentChecks.requirePositive("in", in);
        ArgumentChecks.requirePositive("out", out);
        if (hidden == null || f == null) {
            throw new IllegalArgumentException("hidden and f must not be null");
        }
        Dense.Init init = f == Activation.Function.RELU ? Dense.Init.HE_NORMAL : Dense.Init.GLOROT_UNIFORM;
        List<Layer> layers = new ArrayList<>();
        int prev = in;
        for (int i = 0; i < hidden.length; i++) {
            ArgumentChecks.requirePositive("hidden[" + i + "]", hidden[i]);
            layers.add(new Dense(prev, hidden[i], init));
            layers.add(new Activation(f, hidden[i]));
            prev = hidden[i];
        }
        layers.add(new Dense(prev, out));
        return new Sequential(layers);
    }

    /**
     * {@code inputs → 20 → 20 → 20 → outputs}, sigmoid hidden layers (the SGN paper's small MLP).
     *
     * @param inputs input size, {@code >= 1}
     * @param outputs output size, {@code >= 1}
     * @return a new float64 network
     */
    public static Sequential mlp3x20Sigmoid(int inputs, int outputs) {
        return mlp(inputs, new int[] {20, 20, 20}, outputs, Activation.Function.SIGMOID);
    }

    /**
     * {@code inputs → 100 → 100 → outputs}, sigmoid hidden layers.
     *
     * @param inputs input size, {@code >= 1}
     * @param outputs output size, {@code >= 1}
     * @return a new float64 network
     */
    public static Sequential mlp2x100Sigmoid(int inputs, int outputs) {
        return mlp(inputs, new int[] {100, 100}, outputs, Activation.Function.SIGMOID);
    }

    /**
     * {@code 784 → 1024 → 1024 → 10}, tanh hidden layers (1,863,690 parameters).
     *
     * @return a new float64 network for flattened 28×28 images
     */
    public static Sequential mlp784x1024x1024x10Tanh() {
        return mlp(784, new int[] {1024, 1024}, 10, Activation.Function.TANH);
    }

    /**
     * LeNet-5 for 28×28 grey images (MNIST, Fashion-MNIST), input {@code {1, 28, 28}}, 10 logits, 61,706 parameters:
     * <pre>
     *   conv 6@5×5, padding 2 → maxpool 2 → ReLU   (6×28×28 → 6×14×14)
     *   conv 16@5×5           → maxpool 2 → ReLU   (16×10×10 → 16×5×5)
     *   flatten 400 → dense 120 → ReLU → dense 84 → ReLU → dense 10
     * </pre>
     * ReLU instead of the original tanh/sigmoid squashing: the common modern variant, and it trains faster with both
     * first- and second-order methods. Max-pooling comes before the ReLU: ReLU is non-decreasing, so
     * {@code maxpool(relu(x)) = relu(maxpool(x))} exactly and the gradients agree too (both send a window's cotangent
     * to its first maximum, or give 0 when the maximum is ≤ 0): the textbook conv → ReLU → pool network, with the ReLU
     * applied to a quarter of the values.
     *
     * @return a new float64 network
     */
    public static Sequential leNetFashion() {
        Activation.Function relu = Activation.Function.RELU;
        return Sequential.of(
                new Conv2d(1, 28, 28, 6, 5, 1, 2),
                new MaxPool2d(6, 28, 28, 2, 2),
                new Activation(relu, Shape.of(6, 14, 14)),
                new Conv2d(6, 14, 14, 16, 5, 1, 0),
                new MaxPool2d(16, 10, 10, 2, 2),
                new Activation(relu, Shape.of(16, 5, 5)),
                new Flatten(Shape.of(16, 5, 5)),
                new Dense(400, 120, Dense.Init.HE_NORMAL),
                new Activation(relu, 120),
                new Dense(120, 84, Dense.Init.HE_NORMAL),
                new Activation(relu, 84),
                new Dense(84, 10));
    }

    /**
     * A small CNN for 32×32 colour images (CIFAR-10), input {@code {3, 32, 32}}, 10 logits, 122,570 parameters:
     * <pre>
     *   conv 32@3×3, padding 1 → maxpool 2 → ReLU   (32×32×32 → 32×16×16)
     *   conv 64@3×3, padding 1 → maxpool 2 → ReLU   (64×16×16 → 64×8×8)
     *   conv 64@3×3, padding 1 → maxpool 2 → ReLU   (64×8×8 → 64×4×4)
     *   flatten 1024 → dense 64 → ReLU → dense 10
     * </pre>
     * Max-pooling comes before the ReLU, as in {@link #leNetFashion}. Memory: the activations on the tape take about
     * 80,000 doubles (0.6 MB) per sample; the convolutions' im2col columns are rebuilt per block of samples and not
     * kept (see {@link org.gn4j.nn.layers.Conv2d}).
     *
     * @return a new float64 network, convolutions' algorithm {@link Conv2d.Algorithm#AUTO}
     */
    public static Sequential cifarCnn() {
        return cifarCnn(Conv2d.Algorithm.AUTO);
    }

    /**
     * The same network with the convolutions' algorithm chosen ({@link Conv2d.Algorithm#AUTO}: Winograd for the second
     * and third convolutions; {@link Conv2d.Algorithm#COLUMNS}: im2col GEMMs for all three, for comparisons). Both
     * compute the same function from the same parameters.
     *
     * @param algorithm {@link Conv2d.Algorithm#AUTO} or {@link Conv2d.Algorithm#COLUMNS}
     * @return a new float64 network
     * @throws IllegalArgumentException if {@code algorithm} is null or {@link Conv2d.Algorithm#WINOGRAD}, which the
     *                                  3-channel first layer would not pick (use AUTO)
     */
    public static Sequential cifarCnn(Conv2d.Algorithm algorithm) {
        if (algorithm == null || algorithm == Conv2d.Algorithm.WINOGRAD) {
            throw new IllegalArgumentException("algorithm must be AUTO or COLUMNS, found " + algorithm);
        }
        Activation.Function relu = Activation.Function.RELU;
        Dense.Init he = Dense.Init.HE_NORMAL;
        return Sequential.of(
                new Conv2d(3, 32, 32, 32, 3, 3, 1, 1, he, algorithm),
                new MaxPool2d(32, 32, 32, 2, 2),
                new Activation(relu, Shape.of(32, 16, 16)),
                new Conv2d(32, 16, 16, 64, 3, 3, 1, 1, he, algorithm),
                new MaxPool2d(64, 16, 16, 2, 2),
                new Activation(relu, Shape.of(64, 8, 8)),
                new Conv2d(64, 8, 8, 64, 3, 3, 1, 1, he, algorithm),
                new MaxPool2d(64, 8, 8, 2, 2),
                new Activation(relu, Shape.of(64, 4, 4)),
                new Flatten(Shape.of(64, 4, 4)),
                new Dense(1024, 64, Dense.Init.HE_NORMAL),
                new Activation(relu, 64),
                new Dense(64, 10));
    }
}
