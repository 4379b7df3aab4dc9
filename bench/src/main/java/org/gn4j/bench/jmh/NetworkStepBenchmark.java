package org.gn4j.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gn4j.linalg.blas.Precision;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.Presets;
import org.gn4j.nn.layers.Conv2d;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one SGD step (forward pass, loss gradient, adjoint pass, parameter update) and of one generalized
 * Gauss-Newton product {@code (1/b)JᵀQJv} (tangent + adjoint pass at a cached forward point) at mini-batch 1000, for
 * the networks of the SGN paper's benchmarks, to compare with PyTorch's figures (PEERS.md). Softmax cross-entropy with
 * 10 classes on seeded random inputs. {@code -p network=cnn-cifar10,cnn-cifar10-columns} compares the CIFAR CNN's
 * Winograd convolutions with the column algorithm on the same network in one run; {@code -p precision=f32} runs the
 * network's products in float32.
 *
 * <pre>java -jar bench/target/gn4j.jar jmh NetworkStepBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NetworkStepBenchmark {
    /**
     * The network: {@code mlp784-20-20-20-10}, {@code mlp784-1024-1024-10}, {@code lenet-fashion}, {@code
     * cnn-cifar10} or {@code cnn-cifar10-columns}.
     */
    @Param({"mlp784-20-20-20-10", "mlp784-1024-1024-10", "lenet-fashion", "cnn-cifar10"})
    public String network;

    /** The mini-batch size b. */
    @Param({"1000"})
    public int batch;

    /** Precision of the network's products: f64, or f32 (float32 GEMMs, float64 loss sums and storage). */
    @Param({"f64"})
    public String precision;

    private MiniBatchProducts products;
    private double[] theta;
    private double[] grad;
    private double[] v;
    private double[] gv;
    private double[] x;
    private double[] y;

    /** The networks of the PyTorch comparison (PEERS.md), from {@link Presets}. */
    static Sequential network(String name) {
        switch (name) {
            case "mlp784-20-20-20-10":
                return Presets.mlp3x20Sigmoid(784, 10);
            case "mlp784-1024-1024-10":
                return Presets.mlp784x1024x1024x10Tanh();
            case "lenet-fashion":
                return Presets.leNetFashion();
            case "cnn-cifar10":
                return Presets.cifarCnn();
            case "cnn-cifar10-columns":
                // the same network with im2col GEMMs in every convolution (no Winograd): the baseline in the same run
                return Presets.cifarCnn(Conv2d.Algorithm.COLUMNS);
            default:
                throw new IllegalArgumentException("unknown network " + name);
        }
    }

    /**
     * Builds the network at the chosen precision, seeded random inputs, one-hot labels and v, and evaluates the
     * forward pass once at the initial parameters.
     */
    @Setup
    public void setUp() {
        Sequential net = network(network).withPrecision(Precision.parse(precision));
        products = new MiniBatchProducts(net, new SoftmaxCrossEntropy(), batch);
        theta = net.initialParameters(1);
        int d = net.parameterCount();
        grad = new double[d];
        gv = new double[d];
        v = new double[d];
        Random r = new Random(2);
        for (int i = 0; i < d; i++) {
            v[i] = r.nextGaussian();
        }
        int in = net.inputShape().size();
        int c = net.outputShape().size();
        x = new double[batch * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        y = new double[batch * c];
        for (int s = 0; s < batch; s++) {
            y[s * c + r.nextInt(c)] = 1;
        }
        products.evaluate(theta, batch, x, 0, y, 0);
    }

    /**
     * One SGD step: forward, gradient, θ ← θ − 10⁻⁶·∇L (θ drifts slowly; irrelevant for timing).
     *
     * @return the mini-batch loss at θ before the update, returned so that JMH sinks it
     */
    @Benchmark
    public double sgdStep() {
        double loss = products.evaluate(theta, batch, x, 0, y, 0);
        products.gradient(grad);
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= 1e-6 * grad[i];
        }
        return loss;
    }

    /**
     * One GGN-vector product at the cached forward point.
     *
     * @return the product (length d), returned so that JMH sinks it
     */
    @Benchmark
    public double[] ggnProduct() {
        products.ggnTimes(v, gv);
        return gv;
    }
}
