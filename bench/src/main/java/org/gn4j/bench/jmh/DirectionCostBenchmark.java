package org.gn4j.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gn4j.gn.stochastic.Damping;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.LineSearch;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Sequential;
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
 * The cost of a stochastic Gauss-Newton direction against the mini-batch size b, on the SGN paper's MNIST MLP
 * (784-20-20-20-10 sigmoid, d = 16,750) and the Fashion-MNIST LeNet (d = 61,706), softmax cross-entropy, seeded
 * random inputs and labels, at the initial parameters:
 * <ul>
 *   <li>{@code ggnProduct}: one {@code (1/b)JᵀQJv}, the cost of one SGN conjugate-gradient iteration (an SGN direction
 *       with k iterations costs about k + 1 of these: k in the loop, one for the final true residual);</li>
 *   <li>{@code gradient}: one {@code ∇L} (adjoint pass at the cached forward point), the unit of "gradient-evaluation
 *       equivalents";</li>
 *   <li>{@code egnDirection}: one EGN step with fixed λ and no line search, i.e. the gradient plus the exact
 *       direction: whitened per-sample Jacobian (c seeded adjoint passes), Gram matrix {@code UUᵀ} ({@code syrk}),
 *       Cholesky of the {@code bc × bc} system, two triangular solves and {@code Uᵀy}. Above the default factor limit
 *       ({@code bc > 2048}: b = 512, 1000 here) EGN solves the small system by matrix-free CG instead (at most 50
 *       iterations, each one adjoint and one tangent pass), and that is what is measured there.</li>
 * </ul>
 * The forward pass is not included in any of them (it is shared by every method).
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/gn4j.jar jmh DirectionCostBenchmark -f 1 -wi 1 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DirectionCostBenchmark {
    /**
     * The network: {@code mlp784-20-20-20-10} (the MNIST MLP) or {@code lenet-fashion} (the Fashion-MNIST LeNet).
     */
    @Param({"mlp784-20-20-20-10", "lenet-fashion"})
    public String network;

    /** The mini-batch size b. */
    @Param({"32", "128", "512", "1000"})
    public int batch;

    private MiniBatchProducts products;
    private double[] theta;
    private double[] work;
    private double[] v;
    private double[] out;
    private Egn egn;

    /**
     * Builds the network, seeded random inputs and one-hot labels, evaluates the forward pass once at the initial
     * parameters, and draws v.
     */
    @Setup
    public void setUp() {
        Sequential net = NetworkStepBenchmark.network(network);
        int in = net.inputShape().size();
        int c = net.outputShape().size();
        Random r = new Random(20261123L);
        double[] x = new double[batch * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        double[] y = new double[batch * c];
        for (int s = 0; s < batch; s++) {
            y[s * c + r.nextInt(c)] = 1;
        }
        theta = net.initialParameters(1);
        work = theta.clone();
        products = new MiniBatchProducts(net, new SoftmaxCrossEntropy(), batch);
        products.evaluate(theta, batch, x, 0, y, 0);
        v = new double[theta.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        out = new double[theta.length];
        egn = new Egn().withDamping(Damping.fixed(1e-2)).withLineSearch(LineSearch.none());
    }

    /**
     * One GGN product: the cost of one SGN CG iteration.
     *
     * @return the product (length d), returned so that JMH sinks it
     */
    @Benchmark
    public double[] ggnProduct() {
        products.ggnTimes(v, out);
        return out;
    }

    /**
     * One mini-batch gradient at the cached forward point.
     *
     * @return the gradient (length d), returned so that JMH sinks it
     */
    @Benchmark
    public double[] gradient() {
        products.gradient(out);
        return out;
    }

    /**
     * One EGN step (gradient + exact direction + update of a scratch copy of θ).
     *
     * @return the step's result, returned so that JMH sinks it
     */
    @Benchmark
    public StepResult egnDirection() {
        System.arraycopy(theta, 0, work, 0, theta.length);
        return egn.step(work, products);
    }
}
