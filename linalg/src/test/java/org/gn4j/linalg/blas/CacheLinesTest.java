package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class CacheLinesTest {
    @Test
    void hintIsAnIndexWithinOneCacheLine() {
        for (int n : new int[] {1, 7, 1000, 1 << 18}) {
            int start = CacheLines.alignedStart(new double[n]);
            assertTrue(start >= 0 && start < CacheLines.DOUBLES, "hint " + start + " for length " + n);
        }
    }

    /**
     * The addresses are real: two arrays allocated one after the other lie next to each other (bump allocation in
     * the thread's allocation buffer), so the second starts exactly one object size after the first. A wrong shift
     * of compressed references would scale the distance by 8 (or 1/8). Retried, since an allocation buffer may end
     * between the two.
     */
    @Test
    void consecutiveAllocationsAreOneObjectApart() {
        assumeTrue(CacheLines.available(), "no sun.misc.Unsafe in this JVM");
        long objectBytes = (CacheLines.dataOffset() + 3 * Double.BYTES + 7) & ~7L;
        long distance = 0;
        for (int attempt = 0; attempt < 20 && distance != objectBytes; attempt++) {
            double[] first = new double[3];
            double[] second = new double[3];
            distance = CacheLines.dataAddress(second) - CacheLines.dataAddress(first);
        }
        assertEquals(objectBytes, distance, "distance between consecutively allocated double[3]");
        double[] x = new double[64];
        long data = CacheLines.dataAddress(x);
        assertEquals(0, (data + CacheLines.alignedStart(x) * (long) Double.BYTES) % 64, "aligned start of " + data);
    }
}
