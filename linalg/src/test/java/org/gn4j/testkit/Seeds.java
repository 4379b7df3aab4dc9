package org.gn4j.testkit;

/** The fixed seeds used across gn4j tests, so a failure reproduces bit for bit. */
public final class Seeds {
    private Seeds() {
    }

    /** Default seed for one-off random data. */
    public static final long DEFAULT = 20261123L;

    /** A distinct seed derived from the default and an index. */
    public static long of(int index) {
        return DEFAULT * 31 + index;
    }
}
