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

import org.gn4j.spark.EmbeddedSpark;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The JVM the {@code gn4j spark} commands run in. When Spark is not on the class path (the shaded {@code gn4j.jar}
 * does not carry it) or the JVM lacks the options Spark needs on Java 17, a command runs itself again in a JVM with
 * Spark's jars (listed by the build in {@code spark/target/spark-classpath.txt}, or the file named by
 * {@code -Dgn4j.spark.classpath}) and those options; Spark's jars come first on that class path, so Spark and the
 * libraries it shares with the shaded jar (Jackson) load as one consistent set. The child's output is copied to the
 * command's writers.
 */
final class SparkChildJvm {
    /** Set in the JVM a command starts for itself, so that it never starts another. */
    static final String CHILD_PROPERTY = "gn4j.spark.child";

    private SparkChildJvm() {
    }

    /** Whether Spark can run in this JVM (its classes load and the Java 17 options were given). */
    static boolean sparkUsable() {
        return EmbeddedSpark.onClassPath() && EmbeddedSpark.jvmOptionsGiven();
    }

    /** The jar (or classes folder) the CLI was loaded from. */
    static Path ownJar() throws URISyntaxException {
        return Path.of(SparkChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Runs the command line of {@code spec} again in a JVM with Spark's jars and options; its exit code. */
    static int relaunch(CommandSpec spec) throws IOException, InterruptedException, URISyntaxException {
        if (Boolean.getBoolean(CHILD_PROPERTY)) {
            throw new IllegalArgumentException("Spark is not usable in this JVM (class path or Java 17 options)");
        }
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
