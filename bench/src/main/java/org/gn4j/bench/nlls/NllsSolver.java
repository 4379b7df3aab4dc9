package org.gn4j.bench.nlls;

import org.gn4j.gn.DampingRule;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.GaussNewton;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.core.TrustRadius;

/** A solver configuration of the benchmark: a gn4j optimizer with its defaults, or a SciPy method. */
public interface NllsSolver {
    /** The gn4j configurations by name. */
    java.util.List<String> GN4J = java.util.List.of("lm", "lm-plain", "lm-nielsen", "lm-nielsen-plain", "lm-cholesky", "lm-cg", "lm-lmder", "lm-identity", "lm-restarted", "dogleg", "dogleg-subspace",
            "dogleg-lmder", "dogleg-runmax", "dogleg-identity", "gn", "lm-noretry", "dogleg-noretry");
    /** The SciPy configurations by name. */
    java.util.List<String> SCIPY = java.util.List.of("scipy-lm", "scipy-trf", "scipy-trf-jac");

    /**
     * The configuration's name.
     *
     * @return the name, one of {@link #GN4J} or {@link #SCIPY}
     */
    String name();

    /**
     * Solves {@code p} once from its start; the counts are read from {@code counted}, which wraps
     * {@code p.problem()} and is reset before the call.
     *
     * @param p the problem with its start point
     * @param counted the counting wrapper of {@code p.problem()}, reset to zero counts
     * @return the run's outcome: final cost, counts, status and seconds
     */
    RunResult run(NllsProblem p, CountedProblem counted);

    /**
     * A gn4j configuration: {@code lm} (LevenbergMarquardt defaults: Moré's trust region, geodesic acceleration on),
     * {@code lm-plain} (without geodesic acceleration), {@code lm-nielsen} / {@code lm-nielsen-plain} (Nielsen's
     * damping, {@link DampingRule#NIELSEN}, with and without geodesic acceleration), {@code lm-cholesky}, {@code lm-cg} (other step solvers), {@code dogleg},
     * {@code dogleg-subspace} (the two-dimensional subspace step, {@link Dogleg#withSubspace}), {@code lm-lmder} and
     * {@code dogleg-lmder} (MINPACK {@code lmder}'s radius update, {@link TrustRadius.Rule#LMDER}),
     * {@code dogleg-runmax} (dogleg with MINPACK's running-maximum scaling, {@link ScalingRule#RUNNING_MAX}),
     * {@code dogleg-identity} and {@code lm-identity} (D = I, {@link ScalingRule#IDENTITY}), {@code lm-restarted}
     * (LM with dogleg's {@link ScalingRule#RESTARTED_MAX}), {@code lm-noretry} and {@code dogleg-noretry} (without the
     * retry with D = I after a run that ends without a certificate, {@code LevenbergMarquardt.withRetryScaling}),
     * {@code gn} (Gauss-Newton with Armijo backtracking); each with its own default stopping criteria.
     *
     * @param name one of {@link #GN4J}
     * @return the configuration
     * @throws IllegalArgumentException for another name
     */
    static NllsSolver gn4j(String name) {
        LeastSquaresOptimizer o;
        switch (name) {
            case "lm":
                o = new LevenbergMarquardt();
                break;
            case "lm-plain":
                o = new LevenbergMarquardt().withGeodesicAcceleration(false);
                break;
            case "lm-nielsen":
                o = new LevenbergMarquardt().withDampingRule(DampingRule.NIELSEN);
                break;
            case "lm-nielsen-plain":
                o = new LevenbergMarquardt().withDampingRule(DampingRule.NIELSEN).withGeodesicAcceleration(false);
                break;
            case "lm-cholesky":
                o = new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY);
                break;
            case "lm-cg":
                o = new LevenbergMarquardt().withStepSolver(StepSolver.CG);
                break;
            case "dogleg":
                o = new Dogleg();
                break;
            case "lm-lmder":
                o = new LevenbergMarquardt().withRadiusRule(TrustRadius.Rule.LMDER);
                break;
            case "dogleg-lmder":
                o = new Dogleg().withRadiusRule(TrustRadius.Rule.LMDER);
                break;
            case "dogleg-subspace":
                o = new Dogleg().withSubspace(true);
                break;
            case "dogleg-runmax":
                o = new Dogleg().withScaling(ScalingRule.RUNNING_MAX);
                break;
            case "dogleg-identity":
                o = new Dogleg().withScaling(ScalingRule.IDENTITY);
                break;
            case "lm-identity":
                o = new LevenbergMarquardt().withScaling(ScalingRule.IDENTITY);
                break;
            case "lm-restarted":
                o = new LevenbergMarquardt().withScaling(ScalingRule.RESTARTED_MAX);
                break;
            case "gn":
                o = new GaussNewton();
                break;
            case "lm-noretry":
                o = new LevenbergMarquardt().withRetryScaling(null);
                break;
            case "dogleg-noretry":
                o = new Dogleg().withRetryScaling(null);
                break;
            default:
                throw new IllegalArgumentException("solver '" + name + "', expected one of " + GN4J);
        }
        return new Gn4j(name, o);
    }

    /** A gn4j optimizer run on the counted problem. */
    record Gn4j(String name, LeastSquaresOptimizer optimizer) implements NllsSolver {
        @Override
        public RunResult run(NllsProblem p, CountedProblem counted) {
            long t0 = System.nanoTime();
            Optimum o;
            try {
                o = optimizer.optimize(counted.problem(), p.x0());
            } catch (IllegalArgumentException e) {
                // refused (e.g. bounds the solver does not take): unsolved, with the reason
                return new RunResult(p.name(), p.family(), p.start(), name, false, Double.NaN,
                        counted.residualEvaluations(), counted.jacobianEvaluations(), -1, -1, "error",
                        e.getMessage(), (System.nanoTime() - t0) / 1e9, null);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] x = o.parameters();
            double cost = counted.cost(x);
            return new RunResult(p.name(), p.family(), p.start(), name, p.judge().solved(x, cost), cost,
                    counted.residualEvaluations(), counted.jacobianEvaluations(), o.residualEvaluations(),
                    o.jacobianEvaluations(), o.reason().name(), o.message(), seconds, x);
        }
    }

    /**
     * A SciPy {@code least_squares} configuration through {@code bridge}: {@code scipy-lm} (method 'lm', MINPACK
     * lmder), {@code scipy-trf} (method 'trf', with the problem's bounds), {@code scipy-trf-jac} ('trf' with
     * {@code x_scale='jac'}); SciPy's default tolerances.
     *
     * @param name one of {@link #SCIPY}
     * @param bridge the running SciPy child process that evaluates the runs
     * @return the configuration
     * @throws IllegalArgumentException for another name
     */
    static NllsSolver scipy(String name, ScipyBridge bridge) {
        switch (name) {
            case "scipy-lm":
                return new Scipy(name, bridge, "lm", false);
            case "scipy-trf":
                return new Scipy(name, bridge, "trf", false);
            case "scipy-trf-jac":
                return new Scipy(name, bridge, "trf", true);
            default:
                throw new IllegalArgumentException("solver '" + name + "', expected one of " + SCIPY);
        }
    }

    /** A SciPy method, its residuals and Jacobian evaluated by gn4j. */
    record Scipy(String name, ScipyBridge bridge, String method, boolean jacScale) implements NllsSolver {
        @Override
        public RunResult run(NllsProblem p, CountedProblem counted) {
            ScipyBridge.Result r = bridge.solve(counted, p.x0(), method, jacScale);
            if (r.error() != null) {
                return new RunResult(p.name(), p.family(), p.start(), name, false, Double.NaN,
                        counted.residualEvaluations(), counted.jacobianEvaluations(), -1, -1, "error", r.error(),
                        r.seconds(), null);
            }
            double cost = counted.cost(r.x());
            return new RunResult(p.name(), p.family(), p.start(), name, p.judge().solved(r.x(), cost), cost,
                    counted.residualEvaluations(), counted.jacobianEvaluations(), r.nfev(), r.njev(),
                    "status " + r.status(), r.message(), r.seconds(), r.x());
        }
    }
}
