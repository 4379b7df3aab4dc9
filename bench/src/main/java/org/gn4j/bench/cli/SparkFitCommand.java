package org.gn4j.bench.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;
import org.gn4j.spark.EmbeddedSpark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j spark fit}: fits an expression model to a CSV or Parquet file, or the built-in 10-parameter model to
 * rows generated on the executors, by distributed Levenberg-Marquardt or dogleg on a Spark master (embedded
 * {@code local[*]} by default). When Spark is not on the class path (the shaded {@code gn4j.jar} does not carry it),
 * the command runs itself again in a JVM with Spark's jars ({@link SparkChildJvm}).
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fit a model to distributed data (CSV/Parquet, or --generate rows on the executors).")
public final class SparkFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL (default: ${DEFAULT-VALUE}).", defaultValue = "local[*]")
    String master;

    @Option(names = "--model", paramLabel = "EXPR", description = "Model expression in x, x1, x2, … and b1, b2, … (default: none; required with --data).")
    String model;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV file with a header row, or a .parquet file or folder (default: none).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Column of the response (default: ${DEFAULT-VALUE}).",
            defaultValue = "y")
    String target;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "Column of the weights (default: none: unweighted).")
    String weight;

    @Option(names = "--generate", paramLabel = "ROWS", description = "Rows of the built-in 10-parameter model, generated on the executors (default: none).")
    Long generate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of --generate (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions (default: the data's; 2 per core with --generate).")
    Integer partitions;

    @Option(names = "--start", paramLabel = "V", split = ",", description = "Start values, comma-separated (default with --generate: "
            + "the built-in start).")
    double[] start;

    @Option(names = "--method", paramLabel = "lm|dogleg", description = "lm or dogleg (default: ${DEFAULT-VALUE}).", defaultValue = "lm")
    String method;

    @Option(names = "--matrix-free", description = "Solve steps by CG on aggregated Gram products J'(Jv) instead "
            + "of aggregating the normal equations (for many parameters; default: off).")
    boolean matrixFree;

    @Option(names = "--loss", paramLabel = "LOSS", description = "Robust loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "LINEAR")
    RobustLoss loss;

    @Option(names = "--loss-scale", paramLabel = "C", description = "Scale of the robust loss (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    double lossScale;

    @Override
    public Integer call() throws Exception {
        // usage first, before a JVM is started for Spark
        if ((generate == null) == (data == null)) {
            throw new IllegalArgumentException("expected exactly one of --data and --generate");
        }
        if (data != null && (model == null || start == null)) {
            throw new IllegalArgumentException("--data needs --model and --start");
        }
        if (!method.equals("lm") && !method.equals("dogleg")) {
            throw new IllegalArgumentException("--method is '" + method + "', expected lm or dogleg");
        }
        if (!SparkChildJvm.sparkUsable()) {
            return SparkChildJvm.relaunch(spec);
        }
        PrintWriter out = spec.commandLine().getOut();
        SparkFitRun.Result r = SparkFitRun.run(this, SparkChildJvm.ownJar());
        out.printf(Locale.ROOT, "%s on %s: %s (%s)%n", r.fit().solver(), master, r.fit().reason(),
                r.fit().message());
        List<String> names = r.fit().parameterNames();
        double[] x = r.fit().parameters();
        for (int j = 0; j < x.length; j++) {
            out.printf(Locale.ROOT, "  %-6s = %.12g%n", names.get(j), x[j]);
        }
        out.printf(Locale.ROOT, "cost %.10e over %d residuals; %d iterations, %d passes (%d linearizations, %d "
                + "cost-only%s), %.3f s (%.3f s in passes)%n", r.fit().cost(), r.fit().residualCount(),
                r.fit().iterations(), r.fit().passes(), r.fit().jacobianEvaluations(), r.fit().residualEvaluations(),
                matrixFree ? ", " + r.fit().productPasses() + " Gram products" : "", r.fit().seconds(),
                r.fit().aggregationSeconds());
        return r.fit().converged() ? 0 : 1;
    }

    /** The parameter names and variable names of the --model expression, inferred from its text. */
    CompiledModel compiledModel() {
        return ModelExpression.parse(model);
    }

}
