package org.gn4j.examples;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.time.Duration;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.core.BacktrackingArmijo;
import org.gn4j.gn.core.Budget;
import org.gn4j.gn.core.CallbackReturn;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.NielsenDamping;
import org.gn4j.gn.core.StepReport;
import org.gn4j.gn.stochastic.Damping;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.LearningRateSchedule;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.linalg.DenseMatrices;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Presets;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.data.Dataset;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.train.DatasetTrainingData;
import org.gn4j.nn.train.StepEvent;
import org.gn4j.nn.train.Trainer;
import org.gn4j.nn.train.TrainingListener;
import org.gn4j.pinn.geometry.Ball;
import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.Shape;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.pde.Collocation;
import org.gn4j.pinn.pde.Condition;
import org.gn4j.pinn.pde.DifferentialOperator;
import org.gn4j.pinn.pde.HardConstraint;
import org.gn4j.pinn.pde.PdeSpec;
import org.gn4j.pinn.pde.PdeSystem;
import org.gn4j.pinn.pde.PinnProblem;
import org.gn4j.pinn.train.LevenbergMarquardtTrainer;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.iterative.ConjugateGradient;
import org.gn4j.solvers.lowrank.LowRankSolver;

/**
 * The Java examples of gn4j's README, each as a method, run against the gn4j artifacts a build installed. Budgets
 * are shorter than the README's so that the whole program takes well under a minute; each example checks its result
 * and throws {@link IllegalStateException} when a fit fails, so {@code mvn exec:java} (and {@code java}) exit
 * non-zero.
 */
public final class ReadmeExamples {
    private ReadmeExamples() {
    }

    /**
     * Runs every example.
     *
     * @param args unused
     * @throws Exception when an example fails
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        curveFit();
        coreLoop();
        networkProducts();
        sgnTraining();
        threeSolves();
        poissonPinn();
        curvedDomainPinn();
        System.out.printf("all README examples passed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("README example failed: " + what);
        }
        System.out.println("ok: " + what);
    }

    static final double[] T = {0, 1, 2, 3, 4, 5};
    static final double[] Y = {3.5, 2.0, 1.3, 0.95, 0.78, 0.64};

    static LeastSquaresProblem decayProblem() {
        double[] t = T, y = Y;
        return LeastSquaresProblem.builder(3, t.length)                    // 3 parameters, 6 residuals
                .residuals((b, r) -> {                                      // r_i = b1·exp(−b2·t_i) + b3 − y_i
                    for (int i = 0; i < t.length; i++) r[i] = b[0] * Math.exp(-b[1] * t[i]) + b[2] - y[i];
                })
                .jacobian((b, j) -> {                                       // or .finiteDifferences(CENTRAL)
                    for (int i = 0; i < t.length; i++) {
                        double e = Math.exp(-b[1] * t[i]);
                        j.set(i, 0, e); j.set(i, 1, -b[0] * t[i] * e); j.set(i, 2, 1);
                    }
                })
                .build();
    }

    /** "Fitting a model to data": LM on an exponential decay. */
    static void curveFit() {
        LeastSquaresProblem problem = decayProblem();
        Optimum fit = new LevenbergMarquardt().optimize(problem, new double[] {1, 1, 0});
        System.out.print(fit.summary());
        double[] beta = fit.parameters();
        double[] se = fit.standardErrors();
        double[][] ci = fit.confidenceIntervals(0.95);
        check(fit.converged(), "curve fit converged (" + fit.summary().lines().findFirst().orElse("") + ")");
        check(beta[0] > 0 && beta[1] > 0 && se[1] > 0 && ci[1][0] < beta[1] && beta[1] < ci[1][1],
                "decay rate " + beta[1] + " inside its 95% interval");
    }

    /** "The Gauss-Newton core": the loop stepped by hand. */
    static void coreLoop() {
        LeastSquaresProblem problem = decayProblem();
        GaussNewtonLoop lm = new GaussNewtonLoop()
                .withSolver(DampedSolvers.cholesky())
                .withControl(new NielsenDamping(1e-3))
                .withStepLength(new BacktrackingArmijo(1e-4, 0.5, 20))
                .withBudget(Budget.unlimited().withMaxIterations(200).withWallClock(Duration.ofSeconds(10)))
                .withCallback((rec, x) -> rec.cost() < 1e-12 ? CallbackReturn.STOP : CallbackReturn.CONTINUE);
        LeastSquaresObjective objective = new LeastSquaresObjective(problem, false);
        GaussNewtonLoop.State st = lm.init(objective, new double[] {1, 1, 0});
        int steps = 0;
        while (st.reason() == null) {
            StepReport step = lm.step(st);
            steps++;
        }
        double[] checkpoint = lm.checkpoint(st);
        System.out.println(st.reason() + " " + st.cost());
        Optimum reference = new LevenbergMarquardt().optimize(problem, new double[] {1, 1, 0});
        check(checkpoint.length > 0 && Math.abs(st.cost() - reference.cost()) <= 1e-8 * (1 + reference.cost()),
                "core loop (" + steps + " steps) reaches LM's cost " + reference.cost());
    }

    private static Dataset randomImages(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int k = 0; k < 784; k++) {
                // class-dependent mean in one block of pixels, so the labels can be learned
                x[i * 784 + k] = rnd.nextGaussian() * 0.3 + (k / 78 == labels[i] ? 1.0 : 0.0);
            }
        }
        return Dataset.classification("blocks", "train", new int[] {784}, x, labels, 10);
    }

    /** "Training a network": mini-batch products on the 3×20 sigmoid MLP. */
    static void networkProducts() {
        Dataset d = randomImages(200, 3);
        double[] x = d.features();
        double[] y = d.targets();
        Sequential net = Presets.mlp3x20Sigmoid(784, 10);
        double[] theta = net.initialParameters(42);
        MiniBatchProducts mb = new MiniBatchProducts(net, new SoftmaxCrossEntropy(), 200);
        double loss = mb.evaluate(theta, 200, x, 0, y, 0);
        double[] grad = new double[net.parameterCount()];
        mb.gradient(grad);
        double[] v = grad.clone();
        double[] gv = new double[net.parameterCount()];
        mb.ggnTimes(v, gv);
        LinearOperator ggn = mb.ggnOperator();
        double vGv = 0;
        for (int i = 0; i < v.length; i++) {
            vGv += v[i] * gv[i];
        }
        check(Double.isFinite(loss) && vGv >= 0 && ggn.rows() == net.parameterCount(),
                "mini-batch loss " + loss + ", vᵀGv = " + vGv + " ≥ 0 (the GGN is positive semi-definite)");
    }

    /** "Training with SGN / EGN". */
    static void sgnTraining() throws Exception {
        Dataset d = randomImages(400, 5);
        Sequential net = Presets.mlp3x20Sigmoid(784, 10);
        double[] theta = net.initialParameters(42);
        Optimizer sgn = new Sgn();
        Optimizer tuned = new Sgn().withCgIterations(5).withMomentum(0.5).withWarmStart(true)
                .withDamping(Damping.schedule(LearningRateSchedule.cosineDecay(1e-2, 1e-4, 2000)));
        Optimizer egn = new Egn().withMomentum(0.5);
        int[] steps = {0};
        org.gn4j.nn.train.TrainingResult r = new Trainer(net, new SoftmaxCrossEntropy(), sgn).withBatchSize(100)
                .withEpochs(5)
                .withListener(new TrainingListener() {
                    @Override public void onStep(StepEvent e) {
                        StepResult s = e.result();
                        if (steps[0]++ % 10 == 0) {
                            System.out.println(s.cgIterations() + " " + s.cgResidual() + " " + s.damping() + " "
                                    + s.stepLength());
                        }
                    }
                }).train(new DatasetTrainingData(d), theta);
        double first = r.history().get(0).trainLoss();
        check(tuned != null && egn != null && r.status() != org.gn4j.gn.TerminationReason.NON_FINITE && r.trainLoss() < Math.log(10),
                "SGN training: loss " + r.trainLoss() + " below log(10) = " + Math.log(10) + " (first epoch "
                        + first + ")");
    }

    /** "Solving a damped Gauss-Newton system three ways". */
    static void threeSolves() {
        DMatrixRMaj jac = DenseMatrices.gaussian(200, 5000, 42);
        double[] h = DenseMatrices.gaussianVector(200, 7);
        double mu = 1e-3;
        LinearOperator j = Operators.dense(jac);
        double[] rhs = new double[5000];
        j.applyTranspose(h, rhs);
        double[] x = new double[5000];
        SolveResult r = new ConjugateGradient().withRelativeTolerance(1e-12)
                .prepare(Operators.shifted(Operators.normal(j), mu)).solve(rhs, x);
        LowRankSolver lr = new LowRankSolver();
        lr.setFactor(jac);
        lr.factor(mu).orThrow();
        double[] y = new double[5000];
        lr.solvePushThrough(h, y);
        System.out.println(r);
        double diff = 0, norm = 0;
        for (int i = 0; i < x.length; i++) {
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
            norm = Math.max(norm, Math.abs(y[i]));
        }
        check(r.status() == SolveStatus.CONVERGED && diff <= 1e-6 * norm,
                "CG and the push-through solve agree (max difference " + diff + ", max |x| " + norm + ")");
    }

    /** "Solving a PDE with a physics-informed network" (10 s instead of the README's 60 s). */
    static void poissonPinn() {
        PdeSpec spec = PdeSpec.builder("poisson", Box.unitCube(2), DifferentialOperator.negativeLaplacian(2))
                .source(x -> 2 * PI * PI * sin(PI * x[0]) * sin(PI * x[1]))
                .condition(Condition.dirichlet(x -> 0))
                .exact(x -> sin(PI * x[0]) * sin(PI * x[1]))
                .interiorPoints(900).build();
        Mlp net = Mlp.tanh(2, 14, 14).withInputBox(new double[] {0, 0}, new double[] {1, 1});
        PinnProblem problem = PinnProblem.of(spec, net)
                .withHardConstraint(HardConstraint.zeroDirichlet(Box.unitCube(2)));
        org.gn4j.pinn.train.TrainingResult r = new LevenbergMarquardtTrainer().train(problem,
                net.initialParameters(1), TrainingOptions.defaults().withBudget(Duration.ofSeconds(10))
                        .withEvaluationPoints(Box.unitCube(2).evaluationGrid(101)), null);
        System.out.println(r.last().relativeL2());
        check(r.last().relativeL2() < 1e-3, "Poisson PINN relative L2 " + r.last().relativeL2() + " < 1e-3");
    }

    /** "−Δu + u³ = f on the unit disk" as a PdeSystem (30 s instead of the README's 60 s). */
    static void curvedDomainPinn() {
        Shape disk = Ball.disk(0, 0, 1);
        PdeSystem pde = PdeSystem.builder("-Δu + u³ = f on the unit disk", 2)
                .field("u", Mlp.tanh(2, 16, 16))
                .group("pde", 1, Collocation.interior(disk, PointSampler.halton(), 500), p -> {
                    double u = 1 - p.x(0) * p.x(0) - p.x(1) * p.x(1);
                    return p.lap(0).negate().plus(p.u(0).pow(3)).minus(4 + u * u * u);
                })
                .group("boundary", 1, Collocation.boundary(disk, PointSampler.halton(), 100), p -> p.u(0))
                .build();
        org.gn4j.pinn.train.TrainingResult r = new LevenbergMarquardtTrainer().train(pde.problem(),
                pde.initialParameters(1),
                TrainingOptions.defaults().withBudget(Duration.ofSeconds(30)).withMaxIterations(100), null);
        double first = r.history().get(0).loss();
        double last = r.last().loss();
        check(last < 1e-4 * first, "disk PINN loss " + first + " -> " + last + " in " + r.iterations()
                + " iterations");
    }
}
