package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gn4j spark fit} on an embedded {@code local[2]} master: the test JVM lacks Spark's Java 17 options (and
 * mixes the CLI's Jackson with Spark's), so the command starts its own JVM with the spark module's class path list
 * first, as the shaded jar does; its output comes back through the command's writers. A CSV file with a model
 * expression, and rows generated on the executors; bad usage is one line and exit 1.
 */
class SparkFitCommandTest {
    @Test
    void csvFileFitsTheCertifiedValues(@TempDir Path dir) throws IOException {
        NistProblem nist = NistDatasets.load("Misra1a");
        StringBuilder csv = new StringBuilder("x,y\n");
        double[][] x = nist.x();
        double[] y = nist.targets();
        for (int i = 0; i < y.length; i++) {
            csv.append(String.format(Locale.ROOT, "%s,%s%n", Double.toString(x[i][0]), Double.toString(y[i])));
        }
        Path file = dir.resolve("misra1a.csv");
        Files.writeString(file, csv);
        CliRun run = CliRun.of("spark", "fit", "--master", "local[2]", "--data", file.toString(), "--model",
                "b1*(1-exp(-b2*x))", "--start", "500,1e-4");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("b1     = 238.94212918"), run.out());
        assertTrue(run.out().contains("over 14 residuals"), run.out());
    }

    @Test
    void generatedRowsFitTheBuiltInModel() {
        CliRun run = CliRun.of("spark", "fit", "--master", "local[2]", "--generate", "5000", "--partitions", "2",
                "--method", "dogleg");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("distributed dogleg"), run.out());
        assertTrue(run.out().contains("over 5000 residuals"), run.out());
    }

    @Test
    void dataAndGenerateTogetherAreBadUsage() {
        CliRun run = CliRun.of("spark", "fit", "--generate", "10", "--data", "x.csv");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("expected exactly one of --data and --generate"), run.err());
    }
}
