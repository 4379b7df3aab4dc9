import org.gn4j.gn.*;
import org.gn4j.linalg.op.Operators;

public class MfOld {
    static double truth(int j) { return 1 + (j % 5) / 10.0; }
    public static void main(String[] args) {
        int m = 100000, n = 1000;
        double[] t = new double[m], y = new double[m];
        int[] a = new int[m], b = new int[m];
        for (int i = 0; i < m; i++) {
            t[i] = (i % 97) / 97.0; a[i] = i % n; b[i] = (int) ((7L * i + 3) % n);
            y[i] = truth(a[i]) * Math.exp(-truth(b[i]) * t[i]);
        }
        LeastSquaresProblem p = LeastSquaresProblem.builder(n, m).residuals((beta, r) -> {
            for (int i = 0; i < m; i++) r[i] = beta[a[i]] * Math.exp(-beta[b[i]] * t[i]) - y[i];
        }).jacobianOperator(beta -> {
            double[] da = new double[m], db = new double[m];
            for (int i = 0; i < m; i++) { double e = Math.exp(-beta[b[i]] * t[i]); da[i] = e; db[i] = -beta[a[i]] * t[i] * e; }
            return Operators.of(m, n, (v, out) -> { for (int i = 0; i < m; i++) out[i] = da[i] * v[a[i]] + db[i] * v[b[i]]; },
                (u, out) -> { java.util.Arrays.fill(out, 0.0); for (int i = 0; i < m; i++) { out[a[i]] += da[i] * u[i]; out[b[i]] += db[i] * u[i]; } });
        }).build();
        double[] start = new double[n]; java.util.Arrays.fill(start, 1.2);
        long t0 = System.nanoTime();
        final long[] last = {0};
        Optimum o = new LevenbergMarquardt().withStepSolver(StepSolver.CG).withListener((rec, x) -> last[0] = System.nanoTime()).optimize(p, start);
        System.out.printf("%s iterations %d, iterations took %.3f s, optimize returned after %.3f s, covariance: %s%n", o.reason(), o.iterations(), (last[0] - t0) / 1e9, (System.nanoTime() - t0) / 1e9, o.covarianceNote());
    }
}
