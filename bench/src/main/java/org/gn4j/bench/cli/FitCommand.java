package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.GaussNewton;
import org.gn4j.gn.IterationListener;
import org.gn4j.gn.IterationRecord;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;
import org.gn4j.gn.fit.CsvTable;
import org.gn4j.gn.fit.CurveFit;
import org.gn4j.gn.fit.FitReport;
import org.gn4j.gn.fit.NistRun;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j fit}: fits a NIST StRD file (or a built-in one by name), or a CSV file with a model expression and
 * starting values, and prints a Ceres-style summary and a parameter table with standard errors and 95 % confidence
 * intervals; {@code --nist-all} runs the whole StRD suite for each solver and prints the LRE table.
 *
 * <p>A CSV fit may be weighted by a column of measurement errors ({@code --sigma}, with scipy's
 * {@code absolute_sigma} as {@code --absolute-sigma}), bounded ({@code --lower}, {@code --upper}), and also prints
 * the statistics of {@link FitReport} (chi-square, R², AIC, BIC, correlations, active bounds); {@code --output}
 * writes the whole result as JSON and {@code --residuals} the per-row predictions and residuals as CSV.
 * {@code --verbose} logs every iteration on standard error.
 *
 * <p>Exit codes: 0 every fit converged (a first-order test held), 3 a fit did not converge (its result and the
 * reason are printed), 1 bad input, 2 bad usage (an option the mode does not read is refused).
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Fit a nonlinear model by least squares.",
            "  gn4j fit path/to/Misra1a.dat            # a NIST StRD file, both starting points",
            "  gn4j fit --nist MGH09 --from 1          # a built-in NIST data set",
            "  gn4j fit --data misra1a.csv --model 'b1*(1-exp(-b2*x))' --start 500,1e-4",
            "  gn4j fit --data decay.csv --model 'a*exp(-k*t)+c' --params a,k,c --start 1,1,0 --sigma dy \\",
            "           --output fit.json --residuals res.csv",
            "  gn4j fit --nist-all --solvers lm,gn,dogleg --csv lre.csv"})
public final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE.dat", description = "A NIST StRD .dat file.")
    Path datFile;

    @Option(names = "--nist", paramLabel = "NAME", description = "A built-in NIST StRD data set, e.g. Misra1a (default: none).")
    String nistName;

    @Option(names = "--nist-all", description = "Run all 27 NIST StRD problems from both starts.")
    boolean nistAll;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "CSV data with a header row (default: none).")
    Path csvData;

    @Option(names = "--model", paramLabel = "EXPR", description = "Model expression, e.g. 'b1*(1-exp(-b2*x))' (default: none; required with --data).")
    String model;

    @Option(names = "--response", defaultValue = "y", paramLabel = "COLUMN",
            description = "CSV column holding the response (default: ${DEFAULT-VALUE}).")
    String response;

    @Option(names = "--start", split = ",", paramLabel = "V", description = "Starting values, in parameter order (default: none; required with --data).")
    double[] start;

    @Option(names = "--params", split = ",", paramLabel = "NAME",
            description = "Parameter names in the order of --start (default: b1, b2, ...).")
    List<String> params;

    @Option(names = "--from", paramLabel = "1|2", description = "NIST starting point (default: both).")
    Integer from;

    @Option(names = "--solver", defaultValue = "lm", paramLabel = "lm|gn|dogleg|lm-plain",
            description = "Solver for a single fit (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--solvers", split = ",", defaultValue = "lm,gn,dogleg", paramLabel = "S",
            description = "Solvers for --nist-all (default: ${DEFAULT-VALUE}).")
    List<String> solvers;

    @Option(names = "--step-solver", defaultValue = "qr", paramLabel = "qr|cholesky|cg",
            description = "Linear solver of each step (default: ${DEFAULT-VALUE}).")
    String stepSolver;

    @Option(names = "--loss", defaultValue = "linear", paramLabel = "LOSS",
            description = "Robust loss: linear, huber, soft_l1, cauchy, arctan (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--loss-scale", defaultValue = "1", paramLabel = "C",
            description = "Robust loss scale, a positive number (default: ${DEFAULT-VALUE}).")
    double lossScale;

    @Option(names = "--csv", paramLabel = "FILE", description = "With --nist-all: also write the table as CSV (default: none).")
    Path csvOut;

    @Option(names = "--sigma", paramLabel = "COLUMN",
            description = "CSV column of measurement standard deviations: weights 1/sigma^2 (as scipy's curve_fit) (default: none: unweighted).")
    String sigma;

    @Option(names = "--absolute-sigma", description = {"Treat sigma as absolute: covariance (J'WJ)^-1 and normal "
        + "intervals; by default it is scaled by the reduced chi-square and intervals use Student t."})
    boolean absoluteSigma;

    @Option(names = "--lower", paramLabel = "V1,V2,...",
            description = "Lower bounds in parameter order (-inf for none) (default: none: unbounded).")
    String lower;

    @Option(names = "--upper", paramLabel = "V1,V2,...",
            description = "Upper bounds in parameter order (inf for none) (default: none: unbounded).")
    String upper;

    @Option(names = "--output", paramLabel = "FILE.json",
            description = "Write the whole result (parameters, covariance, statistics, per-row residuals) as JSON (default: none).")
    Path jsonOut;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "What a --data fit prints on standard output (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--residuals", paramLabel = "FILE.csv",
            description = "Write per-row data columns, prediction, residual and weight as CSV (default: none).")
    Path residualsOut;

    @Option(names = "--verbose", description = "Log every iteration (cost, |g|inf, step, damping, gain, accepted) "
            + "on standard error.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int modes = (datFile != null ? 1 : 0) + (nistName != null ? 1 : 0) + (nistAll ? 1 : 0)
                + (csvData != null ? 1 : 0);
        if (modes != 1) {
            throw new ParameterException(spec.commandLine(),
                    "expected exactly one of FILE.dat, --nist NAME, --nist-all or --data FILE.csv");
        }
        String mode = nistAll ? "--nist-all" : csvData != null ? "--data" : datFile != null ? "FILE.dat" : "--nist";
        refuseUnless(!nistAll && csvData == null, mode, "--from");
        refuseUnless(csvData != null, mode, "--model", "--start", "--params", "--response", "--loss",
                "--loss-scale", "--sigma", "--absolute-sigma", "--lower", "--upper", "--output", "--format",
                "--residuals");
        refuseUnless(!nistAll, mode, "--verbose");
        refuseUnless(nistAll, mode, "--solvers", "--csv");
        refuseUnless(!nistAll, mode, "--solver");
        new CommandPaths(spec.commandLine()).input("FILE.dat", datFile).input("--data", csvData)
                .outputFile("--csv", csvOut).outputFile("--output", jsonOut).outputFile("--residuals", residualsOut)
                .check();
        if (nistAll) {
            return nistAll(out);
        }
        if (csvData != null) {
            return csvFit(out);
        }
        NistProblem nist = datFile != null ? NistDatasets.read(datFile) : NistDatasets.load(nistName);
        LeastSquaresOptimizer opt = withLog(optimizer(solver));
        List<Integer> starts = from == null ? List.of(1, 2) : List.of(from);
        boolean allConverged = true;
        for (int s : starts) {
            if (s != 1 && s != 2) {
                throw new ParameterException(spec.commandLine(), "--from is " + s + ", expected 1 or 2");
            }
            NistRun run = NistRun.run(nist, s, opt);
            out.printf(Locale.ROOT, "%s (%s difficulty), start %d: %s%n", nist.name(), nist.difficulty(), s,
                    nist.responseText() + " = " + nist.modelText());
            printSummary(out, run.optimum());
            printParameters(out, run.optimum(), nist.certifiedValues(), nist.certifiedStandardDeviations());
            out.printf(Locale.ROOT, "  min LRE: parameters %.1f, standard errors %.1f%n%n", run.minLre(),
                    run.minLreStdErr());
            allConverged &= run.optimum().converged();
        }
        out.flush();
        return allConverged ? 0 : NOT_CONVERGED;
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Exit code of a fit that did not converge (its result is printed, with the reason). */
    static final int NOT_CONVERGED = 3;

    /** Refuses options given on the command line that the mode does not read. */
    private void refuseUnless(boolean allowed, String mode, String... options) {
        if (allowed) {
            return;
        }
        for (String o : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new ParameterException(spec.commandLine(), o + " does not apply with " + mode);
            }
        }
    }

    private int csvFit(PrintWriter out) throws IOException {
        if (model == null || start == null) {
            throw new ParameterException(spec.commandLine(), "--data needs --model EXPR and --start V1,V2,...");
        }
        CsvTable table = CsvTable.read(csvData);
        List<String> variables = new ArrayList<>(table.columns());
        variables.remove(response);
        if (sigma != null) {
            if (sigma.equals(response)) {
                throw new ParameterException(spec.commandLine(), "--sigma column '" + sigma
                        + "' is the response column, expected a column of measurement standard deviations");
            }
            variables.remove(sigma);
        }
        List<String> names = params;
        if (names == null) {
            names = new ArrayList<>();
            for (int j = 1; j <= start.length; j++) {
                names.add("b" + j);
            }
        }
        if (start.length != names.size()) {
            throw new ParameterException(spec.commandLine(), "--start has " + start.length + " values, expected "
                    + names.size() + " for parameters " + names);
        }
        for (String name : names) {
            if (variables.contains(name)) {
                throw new ParameterException(spec.commandLine(), "parameter '" + name + "' is also a column of "
                        + csvData + "; rename the parameter (--params) so that the column stays a variable");
            }
            if (name.equals(response)) {
                throw new ParameterException(spec.commandLine(), "parameter '" + name + "' is the response column "
                        + "of " + csvData + "; rename the parameter (--params)");
            }
        }
        // only the columns the model names are its variables: other columns (text, or headers that are not names)
        // are never read
        java.util.Set<String> mentioned = new java.util.HashSet<>();
        java.util.regex.Matcher id = IDENTIFIER.matcher(model);
        while (id.find()) {
            mentioned.add(id.group());
        }
        variables.removeIf(c -> !mentioned.contains(c));
        CompiledModel f = ModelExpression.parse(model, variables, names);
        boolean json = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--format '" + format
                    + "' unknown, expected text or json");
        };
        double[] lo = bounds("--lower", lower, names, Double.NEGATIVE_INFINITY);
        double[] hi = bounds("--upper", upper, names, Double.POSITIVE_INFINITY);
        if (lo != null || hi != null) {
            lo = lo != null ? lo : fill(names.size(), Double.NEGATIVE_INFINITY);
            hi = hi != null ? hi : fill(names.size(), Double.POSITIVE_INFINITY);
            for (int j = 0; j < names.size(); j++) {
                if (!(start[j] >= lo[j] && start[j] <= hi[j])) {
                    throw new ParameterException(spec.commandLine(), "--start value of " + names.get(j) + " is "
                            + start[j] + ", expected within its bounds [" + lo[j] + ", " + hi[j] + "]");
                }
            }
        }
        double[][] x = table.columns(f.variableNames());
        double[] y = table.column(response);
        double[] weights = null;
        if (sigma != null) {
            try {
                weights = CurveFit.weightsFromSigma(table.column(sigma));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--sigma column '" + sigma + "' of " + csvData + ": "
                        + e.getMessage(), e);
            }
        }
        LeastSquaresProblem p = CurveFit.problem(f, x, y, weights, lo, hi,
                parseEnum(RobustLoss.class, loss, "--loss"), lossScale);
        Optimum o = withLog(optimizer(solver)).optimize(p, start);
        FitReport report = FitReport.of(o, p, f, x, y, weights, absoluteSigma);
        if (json) {
            out.println(FitOutputs.json(report, csvData, model, response, sigma));
        } else {
            out.printf(Locale.ROOT, "%s = %s on %s (%d rows%s)%n", response, model, csvData, table.rowCount(),
                    sigma == null ? "" : ", weights 1/" + sigma + "^2");
            printSummary(out, o);
            printReport(out, report);
        }
        if (jsonOut != null) {
            Files.writeString(jsonOut, FitOutputs.json(report, csvData, model, response, sigma) + "\n",
                    StandardCharsets.UTF_8);
            if (!json) {
                out.println("wrote " + jsonOut);
            }
        }
        if (residualsOut != null) {
            FitOutputs.writeResiduals(residualsOut, report, f.variableNames(), x, response, y, sigma,
                    sigma == null ? null : table.column(sigma));
            if (!json) {
                out.println("wrote " + residualsOut);
            }
        }
        out.flush();
        return o.converged() ? 0 : NOT_CONVERGED;
    }

    /**
     * Bounds from {@code V1,V2,...} ({@code inf}, {@code +inf}, {@code -inf} allowed), one per parameter; null when
     * the option is not given.
     */
    private double[] bounds(String option, String text, List<String> names, double none) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != names.size()) {
            throw new ParameterException(spec.commandLine(), option + " has " + parts.length + " values, expected "
                    + names.size() + " for parameters " + names);
        }
        double[] v = new double[parts.length];
        for (int j = 0; j < parts.length; j++) {
            v[j] = parseBound(option, parts[j].trim(), names.get(j));
        }
        return v;
    }

    private double parseBound(String option, String t, String name) {
        switch (t.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    double d = Double.parseDouble(t);
                    if (Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("D") && !t.endsWith("f")
                            && !t.endsWith("F")) {
                        return d;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new ParameterException(spec.commandLine(), option + " value for " + name + " is '" + t
                        + "', expected a number, inf or -inf");
        }
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** The optimizer with an iteration log on standard error when {@code --verbose} is given. */
    private LeastSquaresOptimizer withLog(LeastSquaresOptimizer opt) {
        if (!verbose) {
            return opt;
        }
        PrintWriter err = spec.commandLine().getErr();
        IterationListener log = new IterationLog(err);
        if (opt instanceof LevenbergMarquardt lm) {
            return lm.withListener(log);
        }
        if (opt instanceof GaussNewton gn) {
            return gn.withListener(log);
        }
        if (opt instanceof Dogleg dl) {
            return dl.withListener(log);
        }
        return opt;
    }

    /** Prints one line per iteration, with a header before the first of each solve. */
    static final class IterationLog implements IterationListener {
        private final PrintWriter err;

        IterationLog(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void iteration(IterationRecord r, org.gn4j.linalg.VectorView parameters) {
            if (r.iteration() == 1) {
                err.printf(Locale.ROOT, "%5s %22s %11s %11s %11s %11s %s%n", "iter", "cost", "|g|inf", "step",
                        "damping", "gain", "accepted");
            }
            err.printf(Locale.ROOT, "%5d %22.15e %11.4e %11.4e %11.4e %11.4e %s%n", r.iteration(), r.cost(),
                    r.gradientNorm(), r.stepNorm(), r.damping(), r.gainRatio(), r.accepted() ? "yes" : "no");
            err.flush();
        }
    }

    /** The parameter table, statistics, correlations and active bounds of a curve fit. */
    static void printReport(PrintWriter out, FitReport r) {
        boolean cov = r.hasCovariance();
        double[] se = cov ? r.standardErrors() : null;
        double[][] ci = null;
        if (cov) {
            try {
                ci = r.confidenceIntervals(0.95);
            } catch (RuntimeException e) {
                ci = null;
            }
        }
        FitReport.BoundState[] at = r.boundStates();
        double[] b = r.parameters();
        out.printf(Locale.ROOT, "  %-6s %22s %14s %31s%n", "param", "estimate", "std error", "95% interval");
        for (int j = 0; j < b.length; j++) {
            String seText = at[j] != FitReport.BoundState.FREE ? "at bound"
                    : se == null ? "n/a" : String.format(Locale.ROOT, "%.6e", se[j]);
            String ciText = ci == null || at[j] != FitReport.BoundState.FREE ? "n/a"
                    : String.format(Locale.ROOT, "[%.6e, %.6e]", ci[j][0], ci[j][1]);
            out.printf(Locale.ROOT, "  %-6s %22.13e %14s %31s%n", r.parameterNames().get(j), b[j], seText, ciText);
        }
        if (!cov) {
            out.println("  covariance unavailable: " + r.covarianceNote());
        } else {
            out.println("  covariance: " + (r.absoluteSigma() ? "(J'WJ)^-1, sigma absolute; normal intervals"
                    : "reduced chi-square x (J'WJ)^-1" + (r.weighted() ? ", sigma relative" : "")
                    + "; Student t intervals with " + r.degreesOfFreedom() + " degrees of freedom"));
        }
        out.printf(Locale.ROOT, "  %s %.6e, reduced chi-square %.6e, R^2 %.10f (%s sums)%n",
                r.weighted() ? "chi-square (weighted RSS)" : "RSS", r.chiSquare(), r.reducedChiSquare(),
                r.rSquared(), r.rSquaredWeighted() ? "weighted" : "unweighted");
        out.printf(Locale.ROOT, "  AIC %.6f, BIC %.6f (m ln(chi2/m) + 2n, m ln(chi2/m) + n ln m; no constants)%n",
                r.aic(), r.bic());
        if (cov && b.length > 1) {
            double[][] rho = r.correlation();
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-13s", "correlation"));
            for (String name : r.parameterNames()) {
                head.append(String.format(Locale.ROOT, " %8s", shortName(name)));
            }
            out.println(head);
            for (int a = 0; a < b.length; a++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-13s",
                        shortName(r.parameterNames().get(a))));
                for (int c = 0; c < b.length; c++) {
                    line.append(String.format(Locale.ROOT, " %8.4f", rho[a][c]));
                }
                out.println(line);
            }
        }
        if (r.anyAtBound()) {
            double[] lo = r.lowerBounds();
            double[] hi = r.upperBounds();
            StringBuilder line = new StringBuilder("  active bounds:");
            for (int j = 0; j < b.length; j++) {
                if (at[j] == FitReport.BoundState.AT_LOWER) {
                    line.append(String.format(Locale.ROOT, " %s at lower %s;", r.parameterNames().get(j), lo[j]));
                } else if (at[j] == FitReport.BoundState.AT_UPPER) {
                    line.append(String.format(Locale.ROOT, " %s at upper %s;", r.parameterNames().get(j), hi[j]));
                }
            }
            line.setLength(line.length() - 1);
            out.println(line + " (their standard errors are not reported)");
        }
    }

    private static String shortName(String name) {
        return name.length() <= 8 ? name : name.substring(0, 7) + "~";
    }

    private int nistAll(PrintWriter out) throws IOException {
        Map<String, LeastSquaresOptimizer> opts = new LinkedHashMap<>();
        for (String s : solvers) {
            opts.put(s.trim().toLowerCase(Locale.ROOT), optimizer(s));
        }
        List<String> csv = new ArrayList<>();
        csv.add("problem,start,solver,min_lre,iterations,seconds,min_lre_stderr,termination");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s %5s", "problem", "start"));
        for (String s : opts.keySet()) {
            header.append(String.format(Locale.ROOT, " | %-7s %5s %6s %9s", s, "LRE", "it", "ms"));
        }
        out.println(header);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String s : opts.keySet()) {
            counts.put(s, new int[3]);
        }
        long t0 = System.nanoTime();
        for (String name : NistDatasets.names()) {
            NistProblem nist = NistDatasets.load(name);
            for (int st = 1; st <= 2; st++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %5d", name, st));
                for (Map.Entry<String, LeastSquaresOptimizer> e : opts.entrySet()) {
                    NistRun run = NistRun.run(nist, st, e.getValue());
                    int[] c = counts.get(e.getKey());
                    c[0]++;
                    if (run.minLre() >= 4) {
                        c[1]++;
                    }
                    if (run.minLre() >= 6) {
                        c[2]++;
                    }
                    line.append(String.format(Locale.ROOT, " | %-7s %5.1f %6d %9.2f", "", run.minLre(),
                            run.iterations(), 1e3 * run.seconds()));
                    csv.add(String.format(Locale.ROOT, "%s,%d,%s,%.2f,%d,%.6f,%.2f,%s", name, st, e.getKey(),
                            run.minLre(), run.iterations(), run.seconds(), run.minLreStdErr(),
                            run.optimum().reason()));
                }
                out.println(line);
                out.flush();
            }
        }
        out.println();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            out.printf(Locale.ROOT, "%-7s runs at LRE >= 4: %d of %d, at LRE >= 6: %d of %d%n", e.getKey(), c[1], c[0],
                    c[2], c[0]);
        }
        out.printf(Locale.ROOT, "whole suite: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        if (csvOut != null) {
            Files.write(csvOut, csv, StandardCharsets.UTF_8);
            out.println("wrote " + csvOut);
        }
        out.flush();
        return 0;
    }

    private LeastSquaresOptimizer optimizer(String name) {
        StepSolver step = parseEnum(StepSolver.class, stepSolver, "--step-solver");
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "lm":
                return new LevenbergMarquardt().withStepSolver(step);
            case "lm-plain":
                return new LevenbergMarquardt().withStepSolver(step).withGeodesicAcceleration(false);
            case "gn":
                return new GaussNewton().withStepSolver(step);
            case "dogleg":
                return new Dogleg().withStepSolver(step);
            default:
                throw new ParameterException(spec.commandLine(),
                        "solver '" + name + "' unknown, expected lm, gn or dogleg (or lm-plain: LM without geodesic acceleration)");
        }
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new ParameterException(spec.commandLine(), option + " '" + value + "' unknown, expected one of "
                + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }

    static void printSummary(PrintWriter out, Optimum o) {
        out.print(o.summary());
    }

    static void printParameters(PrintWriter out, Optimum o, double[] certified, double[] certifiedSe) {
        double[] se = o.hasCovariance() ? o.standardErrors() : null;
        double[][] ci = o.hasCovariance() && o.trace() != null ? safeCi(o) : null;
        out.printf(Locale.ROOT, "  %-6s %22s %14s %31s%s%n", "param", "estimate", "std error", "95% interval",
                certified == null ? "" : String.format(Locale.ROOT, " %22s %6s", "certified", "LRE"));
        for (int j = 0; j < o.parameters().length; j++) {
            String seText = se == null ? "n/a" : String.format(Locale.ROOT, "%.6e", se[j]);
            String ciText = ci == null ? "n/a" : String.format(Locale.ROOT, "[%.6e, %.6e]", ci[j][0], ci[j][1]);
            out.printf(Locale.ROOT, "  %-6s %22.13e %14s %31s", o.parameterNames().get(j), o.parameter(j), seText,
                    ciText);
            if (certified != null) {
                out.printf(Locale.ROOT, " %22.10e %6.1f", certified[j],
                        CurveFit.logRelativeError(o.parameter(j), certified[j]));
            }
            out.println();
        }
        if (se == null) {
            out.println("  covariance unavailable: " + o.covarianceNote());
        }
    }

    private static double[][] safeCi(Optimum o) {
        try {
            return o.confidenceIntervals(0.95);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
