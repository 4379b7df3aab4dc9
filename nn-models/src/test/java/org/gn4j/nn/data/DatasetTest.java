package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetTest {
    /** 4 samples of shape {2, 2}: sample i has features 10i + j. */
    private static Dataset images() {
        double[] x = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                x[4 * i + j] = 10 * i + j;
            }
        }
        return Dataset.classification("toy", "generated 4", new int[] {2, 2}, x, new int[] {1, 0, 2, 1}, 3);
    }

    @Test
    void shapesAndAccessors() {
        Dataset d = images();
        assertEquals(4, d.size());
        assertEquals(4, d.featureSize());
        assertArrayEquals(new int[] {2, 2}, d.featureShape());
        assertEquals(3, d.targetWidth());
        assertEquals(3, d.classCount());
        assertTrue(d.hasLabels());
        assertArrayEquals(new int[] {1, 0, 2, 1}, d.labels());
        assertArrayEquals(new int[] {1, 2, 1}, d.classHistogram());
        assertEquals(21.0, d.feature(2, 1));
        assertEquals(1.0, d.target(2, 2));
        assertEquals(0.0, d.target(2, 1));
        assertTrue(d.toString().contains("generated 4"));
        assertThrows(IndexOutOfBoundsException.class, () -> d.feature(4, 0));
    }

    @Test
    void immutableAgainstCallersArraysAndAccessorCopies() {
        double[] x = new double[4];
        int[] labels = {0, 1};
        Dataset d = Dataset.classification("c", "s", new int[] {2}, x, labels, 2);
        x[0] = 99;
        labels[0] = 1;
        d.features()[1] = 99;
        d.labels()[1] = 0;
        d.featureShape()[0] = 7;
        assertEquals(0.0, d.feature(0, 0));
        assertEquals(0.0, d.feature(0, 1));
        assertArrayEquals(new int[] {0, 1}, d.labels());
        assertArrayEquals(new int[] {2}, d.featureShape());
    }

    @Test
    void batchCopiesGatherRowsInIndexOrder() {
        Dataset d = images();
        int[] order = {3, 0, 2, 1};
        double[] f = new double[2 * 4 + 1];
        f[8] = -1;
        d.copyFeatures(order, 1, 2, f);
        assertArrayEquals(new double[] {0, 1, 2, 3, 20, 21, 22, 23, -1}, f);
        double[] t = new double[6];
        d.copyTargets(order, 0, 2, t);
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, t);
        int[] l = new int[4];
        d.copyLabels(order, 0, 4, l);
        assertArrayEquals(new int[] {1, 1, 2, 0}, l);
    }

    @Test
    void batchCopyErrorsNameWhatIsWrong() {
        Dataset d = images();
        String m1 = assertThrows(IllegalArgumentException.class,
                () -> d.copyFeatures(new int[] {0, 1}, 1, 2, new double[8])).getMessage();
        assertTrue(m1.contains("[1, 3)") && m1.contains("[0, 2)"), m1);
        String m2 = assertThrows(IllegalArgumentException.class,
                () -> d.copyFeatures(new int[] {0, 1}, 0, 2, new double[7])).getMessage();
        assertTrue(m2.contains("length 7") && m2.contains(">= 8"), m2);
        String m3 = assertThrows(IllegalArgumentException.class,
                () -> d.copyTargets(new int[] {0, 4}, 0, 2, new double[6])).getMessage();
        assertEquals("indices[1] is 4, expected in [0, 4)", m3);
    }

    @Test
    void subsetCopiesRowsAndDescribesItself() {
        Dataset d = images();
        Dataset s = d.subset(new int[] {2, 2, 0});
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {2, 2, 1}, s.labels());
        assertEquals(20.0, s.feature(1, 0));
        assertEquals(0.0, s.feature(2, 0));
        assertTrue(s.split().startsWith("generated 4") && s.split().contains("3"), s.split());
        assertEquals("renamed", d.subset(new int[] {0}, "renamed").split());
        assertEquals("other", d.withSplit("other").split());
    }

    @Test
    void regressionSetHasNoLabels() {
        Dataset d = Dataset.of("r", "s", new int[] {1}, new double[] {1, 2, 3}, 2, new double[] {1, 2, 3, 4, 5, 6});
        assertFalse(d.hasLabels());
        assertEquals(0, d.classCount());
        assertEquals(3, d.size());
        assertThrows(IllegalStateException.class, d::labels);
        assertThrows(IllegalStateException.class, () -> d.label(0));
    }

    @Test
    void constructionErrorsNameTheArgument() {
        String m1 = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("r", "s", new int[] {2}, new double[3], 1, new double[2])).getMessage();
        assertTrue(m1.contains("features has length 3, expected 4"), m1);
        String m2 = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("r", "s", new int[] {1}, new double[] {Double.NaN}, 1, new double[1])).getMessage();
        assertTrue(m2.contains("features[0] is NaN"), m2);
        String m3 = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("r", "s", new int[] {0}, new double[0], 1, new double[0])).getMessage();
        assertTrue(m3.contains("featureShape[0] is 0"), m3);
        String m4 = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("r", "s", new int[] {1}, new double[1], 2, new double[3])).getMessage();
        assertTrue(m4.contains("multiple of targetWidth 2"), m4);
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification("c", "s", new int[] {1}, new double[1], new int[] {5}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("r", " ", new int[] {1}, new double[1], 1, new double[1]));
    }
}
