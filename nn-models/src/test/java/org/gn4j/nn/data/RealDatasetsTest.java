package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Loads the reference data sets under {@code shared/datasets} (see {@link DataDirectory}); every test is skipped with a
 * message where the folder is absent.
 */
class RealDatasetsTest {

    private static Path require(Optional<Path> dir, String what) {
        assumeTrue(dir.isPresent(), what + " not found (set -D" + DataDirectory.PROPERTY + " or " + DataDirectory.ENVIRONMENT
                + ", or put shared/datasets next to the checkout); skipping");
        return dir.get();
    }

    /** Sizes, shape, label range, pixel range, one-hot consistency and the class histogram. */
    private static int[] check(Dataset d, int expectedSize) {
        assertEquals(expectedSize, d.size(), d.toString());
        assertArrayEquals(new int[] {1, 28, 28}, d.featureShape());
        assertEquals(784, d.featureSize());
        assertEquals(10, d.targetWidth());
        assertEquals(10, d.classCount());
        assertTrue(d.hasLabels());
        double[] x = d.features();
        assertEquals((long) expectedSize * 784, x.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 0.0 && max <= 1.0, "pixel range [" + min + ", " + max + "]");
        assertEquals(0.0, min, "darkest pixel");
        assertEquals(1.0, max, "brightest pixel");
        int[] labels = d.labels();
        assertArrayEquals(labels, OneHot.decode(d.targets(), 10), "one-hot targets decode to the labels");
        for (int l : labels) {
            assertTrue(l >= 0 && l < 10, "label " + l);
        }
        int[] hist = d.classHistogram();
        assertEquals(expectedSize, Arrays.stream(hist).sum(), "class histogram " + Arrays.toString(hist));
        for (int c = 0; c < 10; c++) {
            assertTrue(hist[c] > 0, "class " + c + " is empty: " + Arrays.toString(hist));
        }
        return hist;
    }

    @Test
    void mnist10kTrainAndTest() throws IOException {
        Path dir = require(DataDirectory.mnist10k(), "mnist-10k");
        Dataset train = MnistFormat.load(dir, "train", "MNIST-10k train (8,000 of the 10,000-image subset)");
        Dataset test = MnistFormat.load(dir, "test", "MNIST-10k test (2,000 of the 10,000-image subset)");
        int[] htrain = check(train, 8000);
        int[] htest = check(test, 2000);
        assertEquals("mnist-10k", train.name());
        // split per class 80/20: each class's train share is close to 4/5 (rounding per class)
        for (int c = 0; c < 10; c++) {
            double share = htrain[c] / (double) (htrain[c] + htest[c]);
            assertEquals(0.8, share, 0.01, "train share of class " + c);
        }
    }

    @Test
    void fashionMnistTrainAndTest() throws IOException {
        Path dir = require(DataDirectory.fashionMnist(), "fashion-mnist");
        int[] htrain = check(MnistFormat.load(dir, "train",
                "Fashion-MNIST train (60,000 of all 70,000 images; non-official split)"), 60000);
        int[] htest = check(MnistFormat.load(dir, "test",
                "Fashion-MNIST test (10,000 of all 70,000 images; non-official split)"), 10000);
        int[] sixThousand = new int[10];
        int[] oneThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, htrain, "6,000 train images per class");
        assertArrayEquals(oneThousand, htest, "1,000 test images per class");
    }
}
