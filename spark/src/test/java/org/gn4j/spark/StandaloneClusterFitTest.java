package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.fit.CurveFit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A fit through a Spark standalone cluster on loopback (a master and two one-core workers in their own JVMs,
 * started and stopped by {@code bench/spark-standalone.sh}) survives the loss of an executor: while Levenberg-Marquardt
 * runs on rows generated on the executors, one executor JVM is killed (SIGKILL); its tasks are retried on the other
 * executor (and on the one its worker starts in its place), and the fit ends with the single-JVM answer. Tagged
 * {@code spark-cluster}: excluded from the default build, run by {@code .ci/run}
 * ({@code mvn -pl spark -am verify -Dspark.test.groups=spark-cluster}).
 */
@Tag("spark-cluster")
class StandaloneClusterFitTest {
    static final int ROWS = 100_000;
    static final int PARTITIONS = 8;
    static final long SEED = 11;
    static Path script;
    static Path stateDir;
    static String master;

    @BeforeAll
    static void startCluster() throws Exception {
        script = Path.of("..", "bench", "spark-standalone.sh").toAbsolutePath().normalize();
        stateDir = Path.of("target", "spark-standalone-it").toAbsolutePath();
        List<String> out = runScript("start");
        master = out.get(out.size() - 1).trim();
        assertTrue(master.startsWith("spark://"), String.join("\n", out));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (script != null) {
            runScript("stop");
        }
    }

    static List<String> runScript(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
        pb.environment().put("GN4J_SPARK_DIR", stateDir.toString());
        pb.environment().put("GN4J_SPARK_PORT", "7178");
        pb.environment().put("GN4J_SPARK_CP", testClassPath());
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        lines.addAll(Arrays.asList(text.split("\n")));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "spark-standalone.sh " + command + " timed out");
        assertEquals(0, p.exitValue(), "spark-standalone.sh " + command + ":\n" + text);
        return lines;
    }

    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** gn4j's own classes (folders or jars of this build) for the executors; Spark's jars come from SPARK_HOME. */
    static String executorClassPath() {
        List<String> own = new ArrayList<>();
        for (String e : testClassPath().split(File.pathSeparator)) {
            if (!e.endsWith(".jar") || new File(e).getName().startsWith("gn4j-")) {
                own.add(new File(e).getAbsolutePath());
            }
        }
        return String.join(File.pathSeparator, own);
    }

    /** The executor JVMs of an application, by process id (started by the cluster's workers). */
    static List<ProcessHandle> executors(String appId) {
        return ProcessHandle.allProcesses().filter(h -> {
            Optional<String> cmd = h.info().commandLine();
            return cmd.isPresent() && cmd.get().contains("CoarseGrainedExecutorBackend") && cmd.get().contains(appId);
        }).toList();
    }

    @Test
    void fitSurvivesAKilledExecutorWithTheSingleJvmAnswer() throws Exception {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("gn4j-standalone-it")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.executor.memory", "512m")
                .set("spark.cores.max", "2").set("spark.task.maxFailures", "8")
                .set("spark.executor.extraClassPath", executorClassPath());
        AtomicInteger removed = new AtomicInteger();
        AtomicInteger failedTasks = new AtomicInteger();
        AtomicLong killedPid = new AtomicLong(-1);
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            jsc.setLogLevel("WARN");
            jsc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                    removed.incrementAndGet();
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    if (!e.taskInfo().successful()) {
                        failedTasks.incrementAndGet();
                    }
                }
            });
            String appId = jsc.sc().applicationId();
            // wait for both executors before the fit
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (executors(appId).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(2, executors(appId).size(), "executors of " + appId);
            SparkLeastSquares<double[]> objective = SparkLeastSquares.of(
                    SyntheticRows.generate(jsc, ROWS, PARTITIONS, SEED), SyntheticRows.model());
            SparkOptimum fit = objective.fit(DistributedFitTest.lm().withListener((rec, view) -> {
                if (rec.iteration() == 3 && killedPid.get() < 0) {
                    // kill one executor JVM while the next passes run
                    ProcessHandle victim = executors(appId).get(0);
                    killedPid.set(victim.pid());
                    new Thread(() -> {
                        try {
                            Thread.sleep(150);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        victim.destroyForcibly();
                    }).start();
                }
            }), SyntheticRows.START);

            double[][] local = SyntheticRows.local(ROWS, PARTITIONS, SEED);
            double[][] x = new double[ROWS][];
            double[] y = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                x[i] = Arrays.copyOf(local[i], 3);
                y[i] = local[i][3];
            }
            LeastSquaresProblem problem = CurveFit.problem(SyntheticRows.model().compiled(), x, y);
            Optimum single = DistributedFitTest.lm().optimize(problem, SyntheticRows.START);
            assertTrue(killedPid.get() > 0, "an executor was killed");
            assertTrue(removed.get() >= 1, "the driver saw the executor go (removed: " + removed.get() + ")");
            DistributedFitTest.assertSame(single, fit);
            Files.writeString(stateDir.resolve("fit.txt"), "killed executor pid " + killedPid.get() + ", executors removed "
                    + removed.get() + ", failed tasks " + failedTasks.get() + ", iterations " + fit.iterations()
                    + ", passes " + fit.passes() + ", seconds " + fit.seconds() + "\n");
        }
    }
}
