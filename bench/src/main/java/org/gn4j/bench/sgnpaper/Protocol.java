package org.gn4j.bench.sgnpaper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.gn4j.gn.core.CgIterations;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.Damping;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.LearningRateSchedule;
import org.gn4j.gn.stochastic.LineSearch;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgd;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.nn.Presets;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.data.Dataset;
import org.gn4j.nn.data.MnistFormat;
import org.gn4j.nn.data.SineWave;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;

/**
 * The SGN paper's benchmark protocol (Gargiani et al.): problems with their networks, losses, mini-batch sizes and two
 * wall-clock budgets, and the optimizer configurations compared on each (SGD and Adam over a grid of learning rates,
 * SGN with 2, 3, 5, 10 and adaptive CG iterations, EGN with its defaults), all without any other tuning.
 */
public final class Protocol {
    private Protocol() {
    }

    /** What is compared at the budgets: test accuracy (higher is better) or test loss (lower is better). */
    public enum Metric {
        /** Fraction of test samples classified correctly, in [0, 1]; higher is better. */
        TEST_ACCURACY,
        /** Mean loss over the test set; lower is better. */
        TEST_LOSS;

        boolean better(double a, double b) {
            return this == TEST_ACCURACY ? a > b : a < b;
        }

        boolean reaches(double value, double target) {
            return this == TEST_ACCURACY ? value >= target : value <= target;
        }

        String label() {
            return this == TEST_ACCURACY ? "test accuracy" : "test loss";
        }
    }

    /**
     * Train and test data of a problem.
     *
     * @param train the training set
     * @param test the test set
     */
    public record Data(Dataset train, Dataset test) {
    }

    /** A loader of a problem's data. */
    @FunctionalInterface
    public interface DataLoader {
        /**
         * Loads the data.
         *
         * @param dataDir the directory holding the data sets (one subdirectory per data set); unused by generated
         *                data
         * @return the train and test sets
         * @throws IOException if a data file is missing or cannot be read
         */
        Data load(Path dataDir) throws IOException;
    }

    /**
     * One benchmark problem.
     *
     * @param name the problem's name, as accepted by {@link #problem(String)}
     * @param description a one-line description for reports
     * @param data the loader of the train and test sets
     * @param network builds a fresh network for each run
     * @param loss builds the loss
     * @param batch the mini-batch size
     * @param budgets the two wall-clock budgets in seconds, smaller first
     * @param metric what is compared at the budgets
     */
    public record Problem(String name, String description, DataLoader data, Supplier<Sequential> network,
            Supplier<Loss> loss, int batch, double[] budgets, Metric metric) {
        /**
         * The larger budget.
         *
         * @return the last entry of {@code budgets}, in seconds
         */
        public double largeBudget() {
            return budgets[budgets.length - 1];
        }
    }

    /** Builds a fresh optimizer for one run (seed for any randomness the optimizer has, estimated total steps). */
    @FunctionalInterface
    public interface OptimizerFactory {
        /**
         * Builds an optimizer.
         *
         * @param seed seed for the optimizer's own randomness (if any)
         * @return a new optimizer, not shared with other runs
         */
        Optimizer create(long seed);
    }

    /**
     * One optimizer configuration; the family groups them in tables (sgd, adam, sgn, egn).
     *
     * @param name the configuration's name in tables, e.g. {@code "sgd lr=0.01"}
     * @param family the family (sgd, adam, sgn, egn)
     * @param factory builds the optimizer of each run
     */
    public record Config(String name, String family, OptimizerFactory factory) {
    }

    /**
     * The noisy sine wave of the SGN paper: 3×20 sigmoid MLP, MSE, mini-batch 101 (our budgets: 5 s and 15 s).
     *
     * @return the problem, with budgets 5 s and 15 s and the test-loss metric
     */
    public static Problem sine() {
        return new Problem("sine", "noisy sine wave y = sin(10x) + N(0, 0.01²), 1,000 train / 1,000 test points, "
                + "3x20 sigmoid MLP, MSE, mini-batch 101",
                dir -> new Data(SineWave.generate(1000, 0.01, 1), SineWave.generate(1000, 0.01, 2)),
                () -> Presets.mlp3x20Sigmoid(1, 1), SquaredError::new, 101, new double[] {5, 15},
                Metric.TEST_LOSS);
    }

    /**
     * MNIST-10k (10,000-image subset, 8,000/2,000): 3×20 sigmoid MLP, cross-entropy, mini-batch 1000, 25 s / 100 s.
     *
     * @return the problem, data read from {@code mnist-10k/} under the data directory, compared by test accuracy
     */
    public static Problem mnist10k() {
        return new Problem("mnist-10k", "MNIST-10k (10,000-image subset, 8,000 train / 2,000 test), 3x20 sigmoid "
                + "MLP, cross-entropy, mini-batch 1000",
                dir -> new Data(MnistFormat.load(dir.resolve("mnist-10k"), "train", "MNIST-10k train"),
                        MnistFormat.load(dir.resolve("mnist-10k"), "test", "MNIST-10k test")),
                () -> Presets.mlp3x20Sigmoid(784, 10), SoftmaxCrossEntropy::new, 1000, new double[] {25, 100},
                Metric.TEST_ACCURACY);
    }

    /**
     * Fashion-MNIST (60,000/10,000, not the official split): LeNet-style CNN, mini-batch 1000, 50 s / 150 s.
     *
     * @return the problem, data read from {@code fashion-mnist/} under the data directory, compared by test accuracy
     */
    public static Problem fashionMnist() {
        return new Problem("fashion-mnist", "Fashion-MNIST (60,000 train / 10,000 test, not the official split), "
                + "LeNet-style CNN, cross-entropy, mini-batch 1000",
                dir -> new Data(MnistFormat.load(dir.resolve("fashion-mnist"), "train", "Fashion-MNIST train"),
                        MnistFormat.load(dir.resolve("fashion-mnist"), "test", "Fashion-MNIST test")),
                Presets::leNetFashion, SoftmaxCrossEntropy::new, 1000, new double[] {50, 150},
                Metric.TEST_ACCURACY);
    }

    /**
     * The problems by name.
     *
     * @param name {@code sine}, {@code mnist-10k} (or {@code mnist}) or {@code fashion-mnist} (or {@code fashion}),
     *             any case
     * @return a new problem
     * @throws IllegalArgumentException for any other name
     */
    public static Problem problem(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sine":
                return sine();
            case "mnist-10k":
            case "mnist":
                return mnist10k();
            case "fashion-mnist":
            case "fashion":
                return fashionMnist();
            default:
                throw new IllegalArgumentException("problem '" + name + "' unknown, expected sine, mnist-10k or "
                        + "fashion-mnist");
        }
    }

    /**
     * Test evaluations per larger budget at the least: a run is also evaluated in the middle of an epoch once
     * largeBudget / {@value} seconds of training clock have passed since its last evaluation, so configurations whose
     * epochs take longer than a budget (Fashion-MNIST's 60 steps of SGN or EGN) still have a test metric at both budgets.
     */
    public static final int EVALUATIONS = 30;

    /** SGD learning rates of the paper's grid. */
    public static final double[] SGD_RATES = {0.001, 0.01, 0.1, 1, 10};
    /** Adam learning rates of the paper's grid. */
    public static final double[] ADAM_RATES = {1e-4, 1e-3, 1e-2};
    /** SGN's fixed CG iteration counts (plus the adaptive rule). */
    public static final int[] SGN_ITERATIONS = {2, 3, 5, 10};
    /** Curvature fractions of SGN with 10 CG iterations whose GGN products run on part of each batch (not in the
     *  paper: Hessian-free training's curvature mini-batch). */
    public static final double[] SGN_CURVATURE_FRACTIONS = {0.1, 0.2};

    /**
     * Every configuration of the protocol, in table order.
     *
     * @return a new mutable list of every configuration: SGD, Adam, SGN and EGN
     */
    public static List<Config> configs() {
        List<Config> all = new ArrayList<>();
        for (double lr : SGD_RATES) {
            all.add(new Config("sgd lr=" + fmt(lr), "sgd", seed -> new Sgd(LearningRateSchedule.constant(lr))));
        }
        for (double lr : ADAM_RATES) {
            all.add(new Config("adam lr=" + fmt(lr), "adam", seed -> new Adam(LearningRateSchedule.constant(lr))));
        }
        for (int k : SGN_ITERATIONS) {
            all.add(new Config("sgn cg=" + k, "sgn", seed -> sgn().withCgIterations(k)));
        }
        all.add(new Config("sgn cg=adaptive", "sgn", seed -> sgn().withCgIterations(CgIterations.adaptive())));
        for (double f : SGN_CURVATURE_FRACTIONS) {
            all.add(new Config("sgn cg=10 curv=" + fmt(f), "sgn",
                    seed -> sgn().withCgIterations(10).withCurvatureFraction(f)));
        }
        all.add(new Config("egn", "egn", seed -> new Egn()));
        return all;
    }

    /** SGN as the paper ran it: ρ0 = 1e-4, gain-ratio damping, Armijo backtracking. */
    private static Sgn sgn() {
        return new Sgn().withDamping(Damping.gainRatio(1e-4)).withLineSearch(LineSearch.armijo());
    }

    static String fmt(double v) {
        if (v >= 1 && v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        if (v >= 1e-3) {
            return String.valueOf(v);
        }
        return String.format(Locale.ROOT, "%.0e", v);
    }
}
