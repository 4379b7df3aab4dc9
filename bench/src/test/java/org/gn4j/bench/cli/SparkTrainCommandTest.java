package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code gn4j spark train} on an embedded {@code local[2]} master (in its own JVM, as {@link SparkFitCommandTest}
 * explains) takes the steps {@code gn4j train} takes: one epoch (ten steps) of SGN on the noisy sine wave ends at the
 * one-JVM train and test loss in float64 products (to 1e-6 relative: only the order of the partition sums differs; over more steps SGN's
 * CG at small damping amplifies that difference, as a change of thread count does in one JVM).
 */
class SparkTrainCommandTest {
    private static final Pattern LOSSES = Pattern.compile("train loss ([0-9.eE+-]+), test loss ([0-9.eE+-]+)");

    private static double[] losses(String out) {
        Matcher m = LOSSES.matcher(out);
        assertTrue(m.find(), out);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void sgnEpochOnTheSineWaveMatchesOneJvm() {
        String[] common = {"--dataset", "sine", "--optimizer", "sgn", "--batch", "100", "--epochs", "1",
            "--cg-iterations", "5", "--precision", "f64", "--no-progress"};
        CliRun one = CliRun.of(concat(new String[] {"train"}, common));
        CliRun dist = CliRun.of(concat(new String[] {"spark", "train", "--master", "local[2]", "--partitions", "3"},
                common));
        assertEquals(0, one.exitCode(), one.out() + one.err());
        assertEquals(0, dist.exitCode(), dist.out() + dist.err());
        assertTrue(dist.out().contains("training set on local[2] in 3 partitions"), dist.out());
        assertTrue(dist.out().contains("COMPLETED after 1 epochs, 10 steps"), dist.out());
        double[] a = losses(one.out());
        double[] b = losses(dist.out());
        assertTrue(a[1] < 0.5, "the epoch trained: " + one.out());
        assertEquals(a[0], b[0], 1e-6 * a[0], "train loss");
        assertEquals(a[1], b[1], 1e-6 * a[1], "test loss");
    }

    @Test
    void badPartitionsIsBadUsage() {
        CliRun run = CliRun.of("spark", "train", "--dataset", "sine", "--partitions", "0");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--partitions is 0, expected at least 1"), run.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
