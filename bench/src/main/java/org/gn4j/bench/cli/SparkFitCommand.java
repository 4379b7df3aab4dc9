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
 * the command runs itself again in a JVM with Spark's jars (listed by the build in
 * {@code spark/target/spark-classpath.txt}, or the file named by {@code -Dgn4j.spark.classpath}) and the options
 * Spark needs on Java 17; Spark's jars come first on that class path, so Spark and the libraries it shares with the
 * shaded jar (Jackson) load as one consistent set. The child's output is copied to this command's writers.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fit a model to distributed data (CSV/Parquet, or --generate rows on the executors).")
public final class SparkFitCommand implements Callable<Integer> {
    /** Set in the JVM the command starts for itself, so that it never starts another. */
    static final String CHILD_PROPERTY = "gn4j.spark.child";

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
        if (!EmbeddedSpark.onClassPath() || !EmbeddedSpark.jvmOptionsGiven()) {
            if (Boolean.getBoolean(CHILD_PROPERTY)) {
                throw new IllegalArgumentException("Spark is not usable in this JVM (class path or Java 17 options)");
            }
            return relaunch();
        }
        PrintWriter out = spec.commandLine().getOut();
        SparkFitRun.Result r = SparkFitRun.run(this, ownJar());
        out.printf(Locale.ROOT, "%s on %s: %s (%s)%n", r.fit().solver(), master, r.fit().reason(),
                r.fit().message());
        List<String> names = r.fit().parameterNames();
        double[] x = r.fit().parameters();
        for (int j = 0; j < x.length; j++) {
            out.printf(Locale.ROOT, "  %-6s = %.12g%n", names.get(j), x[j]);
        }
        out.printf(Locale.ROOT, "cost %.10e over %d residuals; %d iterations, %d passes (%d linearizations, %d "
                + "cost-only), %.3f s (%.3f s in passes)%n", r.fit().cost(), r.fit().residualCount(),
                r.fit().iterations(), r.fit().passes(), r.fit().jacobianEvaluations(), r.fit().residualEvaluations(),
                r.fit().seconds(), r.fit().aggregationSeconds());
        return r.fit().converged() ? 0 : 1;
    }

    /** The parameter names and variable names of the --model expression, inferred from its text. */
    CompiledModel compiledModel() {
        return ModelExpression.parse(model);
    }

    /** The jar (or classes folder) this command was loaded from. */
    static Path ownJar() throws URISyntaxException {
        return Path.of(SparkFitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Runs this command line again in a JVM with Spark's jars and options; its exit code. */
    private int relaunch() throws IOException, InterruptedException, URISyntaxException {
        Path own = ownJar();
        String given = System.getProperty("gn4j.spark.classpath");
        // bench/target/gn4j.jar (or bench/target/classes) → spark/target/spark-classpath.txt of the same tree
        Path base = own.getParent();
        Path list = given != null ? Path.of(given)
                : base.getParent().getParent().resolve("spark").resolve("target").resolve("spark-classpath.txt");
        if (!Files.isRegularFile(list)) {
            throw new IllegalArgumentException("Spark is not on the class path and " + list + " is missing; "
                    + "build with mvn package, name the list with -Dgn4j.spark.classpath, or run under spark-submit");
        }
        String sparkJars = Files.readString(list, StandardCharsets.UTF_8).trim();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-Dgn4j.") || a.startsWith("--add-modules"))
                .toList());
        cmd.addAll(EmbeddedSpark.JVM_OPTIONS);
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-cp");
        // Spark's jars first: the CLI carries its own (newer) Jackson, which Spark's must not mix with; then the
        // shaded jar, or this JVM's class path when running from class folders
        cmd.add(sparkJars + File.pathSeparator + (Files.isRegularFile(own) ? own.toString()
                : System.getProperty("java.class.path")));
        cmd.add(Gn4jCommand.class.getName());
        cmd.addAll(spec.root().commandLine().getParseResult().originalArgs());
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        Thread err = copy(p.getErrorStream(), spec.commandLine().getErr());
        copy(p.getInputStream(), spec.commandLine().getOut()).join();
        err.join();
        return p.waitFor();
    }

    /** Copies a child's output to one of this command's writers, line by line, on its own thread. */
    private static Thread copy(java.io.InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    to.println(line);
                    to.flush();
                }
            } catch (IOException e) {
                to.println("gn4j spark: lost the output of the Spark JVM: " + e.getMessage());
                to.flush();
            }
        }, "gn4j-spark-output");
        t.start();
        return t;
    }
}
