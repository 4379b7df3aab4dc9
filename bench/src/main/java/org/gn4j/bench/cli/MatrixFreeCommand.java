package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.StepSolver;
import org.gn4j.linalg.op.Operators;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j bench matrix-free}: a large problem with a matrix-free Jacobian, {@code r_i = β_a·exp(−β_b·t_i) − y_i}
 * with two parameters per residual ({@code a = i mod n}, {@code b = (7i + 3) mod n}), solved by Levenberg-Marquardt
 * with CG steps; reports the time of the iterations (the last trace record), the time {@code optimize} took in all,
 * their ratio, and what the result says of the standard errors. Run it with a small heap
 * ({@code GN4J_JAVA_OPTS=-Xmx1g}) to check that returning a result never forms the dense Jacobian.
 */
@Command(name = "matrix-free", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Large matrix-free least squares: solve time against the time optimize takes to return.",
            "  GN4J_JAVA_OPTS=-Xmx1g gn4j bench matrix-free --residuals 100000 --parameters 1000"})
public final class MatrixFreeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--residuals", paramLabel = "M", defaultValue = "100000", description = "Residuals m (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--parameters", paramLabel = "N", defaultValue = "1000", description = "Parameters n (default: ${DEFAULT-VALUE}).")
    int n;

    /** The benchmark problem (exact data at β = 1 + (j mod 5)/10, so the minimum is known). */
    static LeastSquaresProblem problem(int m, int n) {
        double[] t = new double[m];
        double[] y = new double[m];
        int[] a = new int[m];
        int[] b = new int[m];
        for (int i = 0; i < m; i++) {
            t[i] = (i % 97) / 97.0;
            a[i] = i % n;
            b[i] = (int) ((7L * i + 3) % n);
            y[i] = truth(a[i]) * Math.exp(-truth(b[i]) * t[i]);
        }
        return LeastSquaresProblem.builder(n, m).residuals((beta, r) -> {
            for (int i = 0; i < m; i++) {
                r[i] = beta[a[i]] * Math.exp(-beta[b[i]] * t[i]) - y[i];
            }
        }).jacobianOperator(beta -> {
            double[] da = new double[m];
            double[] db = new double[m];
            for (int i = 0; i < m; i++) {
                double e = Math.exp(-beta[b[i]] * t[i]);
                da[i] = e;
                db[i] = -beta[a[i]] * t[i] * e;
            }
            return Operators.of(m, n, (v, out) -> {
                for (int i = 0; i < m; i++) {
                    out[i] = da[i] * v[a[i]] + db[i] * v[b[i]];
                }
            }, (u, out) -> {
                java.util.Arrays.fill(out, 0.0);
                for (int i = 0; i < m; i++) {
                    out[a[i]] += da[i] * u[i];
                    out[b[i]] += db[i] * u[i];
                }
            });
        }).build();
    }

    static double truth(int j) {
        return 1 + (j % 5) / 10.0;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LeastSquaresProblem p = problem(m, n);
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1.2);
        long t0 = System.nanoTime();
        Optimum o = new LevenbergMarquardt().withStepSolver(StepSolver.CG).optimize(p, start);
        double total = (System.nanoTime() - t0) / 1e9;
        double solve = o.trace().isEmpty() ? 0 : o.trace().get(o.trace().size() - 1).seconds();
        double err = 0;
        for (int j = 0; j < n; j++) {
            err = Math.max(err, Math.abs(o.parameter(j) - truth(j)));
        }
        out.printf(Locale.ROOT, "problem: m = %d residuals, n = %d parameters, matrix-free Jacobian (2 entries a row)%n",
                m, n);
        out.printf(Locale.ROOT, "heap limit: %.0f MiB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
        out.printf(Locale.ROOT, "%s: %s (%s), cost %.3e, max |beta - truth| %.2e%n", o.solver(), o.reason(),
                o.message(), o.cost(), err);
        out.printf(Locale.ROOT, "iterations %d, residual evaluations %d, Jacobian evaluations %d%n", o.iterations(),
                o.residualEvaluations(), o.jacobianEvaluations());
        out.printf(Locale.ROOT, "solve %.3f s, optimize returned after %.3f s (ratio %.3f)%n", solve, total,
                solve > 0 ? total / solve : Double.NaN);
        long c0 = System.nanoTime();
        boolean has = o.hasCovariance();
        out.printf(Locale.ROOT, "standard errors: %s (%s; answered in %.3f s)%n", has ? "available" : "unavailable",
                o.covarianceNote(), (System.nanoTime() - c0) / 1e9);
        out.flush();
        return o.reason().success() ? 0 : 1;
    }
}
