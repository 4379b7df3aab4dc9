package org.gn4j.bench.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * LibTorch peer of {@code NetworkStepBenchmark} through DJL: the SGD step and the GGN-vector product of the
 * benchmark networks at mini-batch 1000 in float32 on the CPU, defined as in {@code bench/python/torch_steps.py}
 * (the Debian PyTorch 1.13 peer), and printed in that script's format: one line per network with the median and
 * minimum milliseconds of each operation.
 *
 * <p>Definitions, as in the Python script. Parameters are initialised like PyTorch's {@code nn.Linear} and
 * {@code nn.Conv2d} (uniform in ±1/√fan-in), inputs uniform in [0, 1), labels uniform in 0..9, the direction
 * {@code v} standard normal. The SGD step zeroes the gradients in place, evaluates the mean softmax cross-entropy,
 * back-propagates it and updates every parameter by {@code p -= 1e-3 · grad}. The GGN product is
 * {@code (1/b) Jᵀ Q J v} with {@code Q = diag(p) − ppᵀ} per sample and {@code p} the softmax of the network output:
 * {@code J v} by forward-mode propagation of parameter tangents (network output and tangent in one pass, as
 * functorch's {@code jvp} does), then a second forward pass recorded by autograd and one backward pass seeded with
 * {@code Q J v / b}, as functorch's {@code vjp}. DJL exposes no forward-mode autograd, so the tangent rules are
 * written out here: those of a dense layer and a convolution (bilinear in input and weights), ReLU, tanh and
 * sigmoid, and 2 × 2 max pooling, whose tangent is the input tangent at each window's maximum, selected by equality
 * with the pooled value (exact when no two entries of a window with non-zero tangent tie, which holds for these
 * networks: after a ReLU, ties are zeros whose tangent is zero).
 *
 * <p>Usage: {@code LibTorchSteps [--reps N] [--threads N] [--batch N] [network ...]} with networks among
 * {@code mlp784-20-20-20-10}, {@code mlp784-1024-1024-10}, {@code lenet-fashion}, {@code cnn-cifar10} (default:
 * all). DJL finds LibTorch ({@code pytorch-native-cpu}) and its JNI bridge ({@code pytorch-jni}) on the class path;
 * {@code bench/djl-steps.sh} runs it offline with the cache inside {@code bench/djl/target}.
 */
public final class LibTorchSteps {

    /** Learning rate of the SGD step, as in the Python script. */
    private static final float LEARNING_RATE = 1e-3f;

    private LibTorchSteps() {
    }

    /** One layer of a network: its parameters' shapes, its forward map and its forward-mode tangent map. */
    private interface Layer {
        /**
         * Shapes of this layer's parameters, weights first.
         *
         * @return the shapes, empty for a layer without parameters
         */
        default List<Shape> parameterShapes() {
            return List.of();
        }

        /**
         * Fan-in of this layer's weights, which sets the initialisation bound.
         *
         * @return the fan-in, 0 for a layer without parameters
         */
        default long fanIn() {
            return 0;
        }

        /**
         * The layer's output.
         *
         * @param a input activations
         * @param p this layer's parameters
         * @return output activations
         */
        NDArray forward(NDArray a, List<NDArray> p);

        /**
         * The layer's output and its tangent.
         *
         * @param a input activations
         * @param da tangent of the input, {@code null} where it is zero (the network input)
         * @param p this layer's parameters
         * @param dp tangents of the parameters
         * @return output activations and their tangent
         */
        NDArray[] jvp(NDArray a, NDArray da, List<NDArray> p, List<NDArray> dp);
    }

    /** Dense layer {@code y = a Wᵀ + b}. */
    private record Dense(long in, long out) implements Layer {
        @Override
        public List<Shape> parameterShapes() {
            return List.of(new Shape(out, in), new Shape(out));
        }

        @Override
        public long fanIn() {
            return in;
        }

        @Override
        public NDArray forward(NDArray a, List<NDArray> p) {
            return Linear.linear(a, p.get(0), p.get(1)).singletonOrThrow();
        }

        @Override
        public NDArray[] jvp(NDArray a, NDArray da, List<NDArray> p, List<NDArray> dp) {
            NDArray y = forward(a, p);
            NDArray dy = Linear.linear(a, dp.get(0), dp.get(1)).singletonOrThrow();
            if (da != null) {
                dy.addi(Linear.linear(da, p.get(0)).singletonOrThrow());
            }
            return new NDArray[] {y, dy};
        }
    }

    /** Convolution with stride 1 and the given zero padding. */
    private record Conv(long cin, long cout, long k, long pad) implements Layer {
        @Override
        public List<Shape> parameterShapes() {
            return List.of(new Shape(cout, cin, k, k), new Shape(cout));
        }

        @Override
        public long fanIn() {
            return cin * k * k;
        }

        @Override
        public NDArray forward(NDArray a, List<NDArray> p) {
            return conv(a, p.get(0), p.get(1));
        }

        private NDArray conv(NDArray a, NDArray w, NDArray b) {
            return Conv2d.conv2d(a, w, b, new Shape(1, 1), new Shape(pad, pad)).singletonOrThrow();
        }

        @Override
        public NDArray[] jvp(NDArray a, NDArray da, List<NDArray> p, List<NDArray> dp) {
            NDArray y = forward(a, p);
            NDArray dy = conv(a, dp.get(0), dp.get(1));
            if (da != null) {
                dy.addi(conv(da, p.get(0), null));
            }
            return new NDArray[] {y, dy};
        }
    }

    /** Elementwise activations. */
    private enum Activation implements Layer {
        RELU, TANH, SIGMOID;

        @Override
        public NDArray forward(NDArray a, List<NDArray> p) {
            return switch (this) {
                case RELU -> ai.djl.nn.Activation.relu(a);
                case TANH -> a.tanh();
                case SIGMOID -> ai.djl.nn.Activation.sigmoid(a);
            };
        }

        @Override
        public NDArray[] jvp(NDArray a, NDArray da, List<NDArray> p, List<NDArray> dp) {
            NDArray y = forward(a, p);
            NDArray dy = switch (this) {
                case RELU -> da.mul(y.gt(0));
                case TANH -> y.square().neg().addi(1).muli(da);
                case SIGMOID -> y.neg().addi(1).muli(y).muli(da);
            };
            return new NDArray[] {y, dy};
        }
    }

    /** 2 × 2 max pooling with stride 2. */
    private record MaxPool2() implements Layer {
        private static final Shape TWO = new Shape(2, 2);
        private static final Shape ZERO = new Shape(0, 0);

        @Override
        public NDArray forward(NDArray a, List<NDArray> p) {
            return Pool.maxPool2d(a, TWO, TWO, ZERO, false);
        }

        @Override
        public NDArray[] jvp(NDArray a, NDArray da, List<NDArray> p, List<NDArray> dp) {
            NDArray y = forward(a, p);
            NDArray atMax = a.eq(y.repeat(2, 2).repeat(3, 2));
            NDArray dy = Pool.avgPool2d(da.mul(atMax), TWO, TWO, ZERO, false, true).muli(4);
            return new NDArray[] {y, dy};
        }
    }

    /** Flattens every dimension after the batch. */
    private record Flatten() implements Layer {
        @Override
        public NDArray forward(NDArray a, List<NDArray> p) {
            return a.reshape(a.getShape().get(0), -1);
        }

        @Override
        public NDArray[] jvp(NDArray a, NDArray da, List<NDArray> p, List<NDArray> dp) {
            return new NDArray[] {forward(a, p), forward(da, p)};
        }
    }

    /** A network: its layers and the shape of one input sample. */
    private record Network(List<Layer> layers, Shape sample) {
    }

    private static Network mlp(Activation act, long... sizes) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Dense(sizes[i], sizes[i + 1]));
            if (i + 2 < sizes.length) {
                layers.add(act);
            }
        }
        return new Network(layers, new Shape(sizes[0]));
    }

    private static final Map<String, Supplier<Network>> NETWORKS = new LinkedHashMap<>();

    static {
        NETWORKS.put("mlp784-20-20-20-10", () -> mlp(Activation.SIGMOID, 784, 20, 20, 20, 10));
        NETWORKS.put("mlp784-1024-1024-10", () -> mlp(Activation.TANH, 784, 1024, 1024, 10));
        NETWORKS.put("lenet-fashion", () -> new Network(List.of(
                new Conv(1, 6, 5, 2), Activation.RELU, new MaxPool2(),
                new Conv(6, 16, 5, 0), Activation.RELU, new MaxPool2(), new Flatten(),
                new Dense(400, 120), Activation.RELU, new Dense(120, 84), Activation.RELU, new Dense(84, 10)),
                new Shape(1, 28, 28)));
        NETWORKS.put("cnn-cifar10", () -> new Network(List.of(
                new Conv(3, 32, 3, 1), Activation.RELU, new MaxPool2(),
                new Conv(32, 64, 3, 1), Activation.RELU, new MaxPool2(),
                new Conv(64, 64, 3, 1), Activation.RELU, new MaxPool2(), new Flatten(),
                new Dense(1024, 64), Activation.RELU, new Dense(64, 10)),
                new Shape(3, 32, 32)));
    }

    /**
     * A network's parameters, a direction in parameter space and one mini-batch, with the two timed operations.
     * Package-private for the tests, which run it in float64.
     */
    static final class Model {
        private final Network net;
        private final int batch;
        private final List<List<NDArray>> params = new ArrayList<>();
        private final List<List<NDArray>> directions = new ArrayList<>();
        private final List<NDArray> all = new ArrayList<>();
        private final NDArray x;
        private final NDArray onehot;
        private final NDArray one;
        private boolean gradsExist;

        /**
         * Draws the parameters, the direction and the mini-batch.
         *
         * @param name the network's name
         * @param batch mini-batch size
         * @param type element type, {@code FLOAT32} for the benchmark
         * @param manager owner of every array drawn
         * @throws IllegalArgumentException for an unknown network name
         */
        Model(String name, int batch, DataType type, NDManager manager) {
            Supplier<Network> build = NETWORKS.get(name);
            if (build == null) {
                throw new IllegalArgumentException("unknown network '" + name + "': expected one of "
                        + NETWORKS.keySet());
            }
            this.net = build.get();
            this.batch = batch;
            for (Layer layer : net.layers()) {
                List<NDArray> p = new ArrayList<>();
                List<NDArray> v = new ArrayList<>();
                float bound = layer.fanIn() > 0 ? (float) (1 / Math.sqrt(layer.fanIn())) : 0;
                for (Shape s : layer.parameterShapes()) {
                    NDArray w = manager.randomUniform(-bound, bound, s, type);
                    w.setRequiresGradient(true);
                    p.add(w);
                    v.add(manager.randomNormal(s, type));
                }
                params.add(p);
                all.addAll(p);
                directions.add(v);
            }
            x = manager.randomUniform(0, 1, new Shape(batch).addAll(net.sample()), type);
            onehot = manager.randomInteger(0, 10, new Shape(batch), DataType.INT64).oneHot(10).toType(type, false);
            one = manager.ones(new Shape(), type);
        }

        /**
         * The network's parameters, layer by layer, weights before biases.
         *
         * @return the parameter arrays (live: the SGD step updates them)
         */
        List<NDArray> parameters() {
            return all;
        }

        /**
         * The direction {@code v} of the GGN product, in the order of {@link #parameters()}.
         *
         * @return the direction's arrays
         */
        List<NDArray> direction() {
            List<NDArray> v = new ArrayList<>();
            directions.forEach(v::addAll);
            return v;
        }

        /**
         * Network output on the mini-batch.
         *
         * @return logits, batch × 10
         */
        NDArray forward() {
            NDArray a = x;
            for (int i = 0; i < net.layers().size(); i++) {
                a = net.layers().get(i).forward(a, params.get(i));
            }
            return a;
        }

        /**
         * Network output and its tangent along the direction, by forward-mode propagation.
         *
         * @return logits and {@code J v}, both batch × 10
         */
        NDArray[] jvp() {
            NDArray[] ya = {x, null};
            for (int i = 0; i < net.layers().size(); i++) {
                ya = net.layers().get(i).jvp(ya[0], ya[1], params.get(i), directions.get(i));
            }
            return ya;
        }

        /**
         * Mean softmax cross-entropy of logits against the mini-batch's labels.
         *
         * @param logits network output, batch × 10
         * @return the loss, a scalar
         */
        NDArray loss(NDArray logits) {
            return logits.logSoftmax(1).mul(onehot).sum().neg().divi(batch);
        }

        private void zeroGrad() {
            if (gradsExist) {
                all.forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
            }
        }

        private List<NDArray> backward(NDArray target, NDArray seed) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
            JniUtils.setGradMode(false);
            gradsExist = true;
            List<NDArray> grads = new ArrayList<>();
            for (NDArray p : all) {
                grads.add(p.getGradient());
            }
            return grads;
        }

        /**
         * One SGD step: gradients zeroed in place, loss, back-propagation, {@code p -= lr · grad}.
         *
         * @param lr learning rate
         * @return the gradient the step took (arrays overwritten by the next step)
         */
        List<NDArray> sgdStep(float lr) {
            zeroGrad();
            JniUtils.setGradMode(true);
            List<NDArray> grads = backward(loss(forward()), one);
            for (int i = 0; i < all.size(); i++) {
                all.get(i).subi(grads.get(i).mul(lr));
            }
            return grads;
        }

        /**
         * The GGN-vector product {@code (1/b) Jᵀ Q J v}, {@code Q = diag(p) − ppᵀ} per sample.
         *
         * @return the product, in the order of {@link #parameters()}
         */
        List<NDArray> ggnProduct() {
            JniUtils.setGradMode(false);
            NDArray[] outJv = jvp();
            return jtq(outJv[0], outJv[1]);
        }

        /**
         * {@code (1/b) Jᵀ Q u} at the current parameters: a forward pass recorded by autograd and one backward pass.
         *
         * @param logits network output (without autograd history), which sets {@code Q}
         * @param u output-space vector, batch × 10
         * @return the product, in the order of {@link #parameters()}
         */
        List<NDArray> jtq(NDArray logits, NDArray u) {
            NDArray p = logits.softmax(1);
            NDArray pu = p.mul(u);
            NDArray qu = pu.sub(p.mul(pu.sum(new int[] {1}, true)));
            zeroGrad();
            JniUtils.setGradMode(true);
            return backward(forward(), qu.divi(batch));
        }
    }

    /**
     * Times the SGD step and the GGN product of one network and prints a line in the format of
     * {@code torch_steps.py}.
     *
     * @param name the network's name
     * @param reps timed repetitions of each operation
     * @param batch mini-batch size
     */
    private static void bench(String name, int reps, int batch) {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = new Model(name, batch, DataType.FLOAT32, manager);
            List<Runnable> ops = List.of(() -> model.sgdStep(LEARNING_RATE), model::ggnProduct);
            double[][] results = new double[2][];
            for (int o = 0; o < ops.size(); o++) {
                double[] times = new double[reps];
                for (int i = 0; i < 2 + reps; i++) {
                    long t0 = System.nanoTime();
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        ops.get(o).run();
                    }
                    if (i >= 2) {
                        times[i - 2] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                Arrays.sort(times);
                results[o] = new double[] {times[reps / 2], times[0]};
            }
            System.out.printf("%-22s sgdStep median %8.1f ms (min %8.1f)   ggnProduct median %8.1f ms (min %8.1f)%n",
                    name, results[0][0], results[0][1], results[1][0], results[1][1]);
            System.out.flush();
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code [--reps N] [--threads N] [--batch N] [network ...]}
     * @throws IllegalArgumentException for an unknown option or network, or a count below 1
     */
    public static void main(String[] args) {
        int reps = 10;
        int threads = 2;
        int batch = 1000;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = positive(args, ++i);
                case "--threads" -> threads = positive(args, ++i);
                case "--batch" -> batch = positive(args, ++i);
                default -> {
                    if (!NETWORKS.containsKey(args[i])) {
                        throw new IllegalArgumentException("unknown network or option '" + args[i]
                                + "': expected --reps N, --threads N, --batch N or one of " + NETWORKS.keySet());
                    }
                    names.add(args[i]);
                }
            }
        }
        if (names.isEmpty()) {
            names.addAll(NETWORKS.keySet());
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        Engine engine = Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != threads) {
            throw new IllegalStateException("LibTorch runs " + JniUtils.getNumThreads() + " threads, expected "
                    + threads);
        }
        System.out.println("== LibTorch " + engine.getVersion() + " through DJL " + Engine.getDjlVersion()
                + " float32, " + threads + " threads, batch " + batch + ", " + reps + " repetitions");
        for (String name : names) {
            bench(name, reps, batch);
        }
    }

    private static int positive(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value: found none, expected a "
                    + "positive integer");
        }
        int value;
        try {
            value = Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + args[i - 1] + ": found '" + args[i]
                    + "', expected a positive integer", e);
        }
        if (value < 1) {
            throw new IllegalArgumentException("option " + args[i - 1] + ": found " + value
                    + ", expected a positive integer");
        }
        return value;
    }
}
