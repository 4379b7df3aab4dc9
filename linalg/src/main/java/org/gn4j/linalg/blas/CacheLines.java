package org.gn4j.linalg.blas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Where the data of a {@code double[]} lies relative to 64-byte cache lines: a performance hint for the packed GEMM
 * panels, whose 512-bit vector loads each split across two cache lines when the panel does not start on a line
 * boundary (array data starts 16 bytes into a line on HotSpot). Java gives no array addresses, so the
 * address is read through {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, looked up reflectively): the
 * array is stored in a one-element {@code Object[]} and its reference read back as raw bits, a 64-bit address, or
 * a compressed reference to be shifted by 3 (zero-based) or 0 (unscaled: every compressed reference is then a
 * multiple of 8, which {@link #SHIFT} tests on a few fresh objects). A heap-based compressed heap adds a base that
 * HotSpot aligns far beyond 64 bytes. When anything is unavailable or unexpected the hint is 0, and a wrong hint only
 * costs speed: the result of every computation is the same at any offset. The garbage collector may move an array
 * later; callers ask again for every product.
 */
final class CacheLines {
    /** Doubles per 64-byte cache line. */
    static final int DOUBLES = 8;
    /** Floats per 64-byte cache line. */
    static final int FLOATS = 16;
    private static final MethodHandle GET_INT;
    private static final MethodHandle GET_LONG;
    private static final long REF_BASE;
    private static final int REF_SCALE;
    private static final long DOUBLE_BASE;
    private static final long FLOAT_BASE;
    /** Left shift from a compressed reference to an address; -1 when the address cannot be read. */
    private static final int SHIFT;

    static {
        MethodHandle getInt = null;
        MethodHandle getLong = null;
        long refBase = 0;
        int refScale = 0;
        long doubleBase = 0;
        long floatBase = 0;
        int shift = -1;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle base = lookup.findVirtual(unsafeClass, "arrayBaseOffset",
                    MethodType.methodType(int.class, Class.class)).bindTo(unsafe);
            MethodHandle scale = lookup.findVirtual(unsafeClass, "arrayIndexScale",
                    MethodType.methodType(int.class, Class.class)).bindTo(unsafe);
            getInt = lookup.findVirtual(unsafeClass, "getInt", MethodType.methodType(int.class, Object.class,
                    long.class)).bindTo(unsafe);
            getLong = lookup.findVirtual(unsafeClass, "getLong", MethodType.methodType(long.class, Object.class,
                    long.class)).bindTo(unsafe);
            refBase = (int) base.invokeExact((Class<?>) Object[].class);
            refScale = (int) scale.invokeExact((Class<?>) Object[].class);
            doubleBase = (int) base.invokeExact((Class<?>) double[].class);
            floatBase = (int) base.invokeExact((Class<?>) float[].class);
            if (refScale == 8) {
                shift = 0;
            } else if (refScale == 4) {
                // unscaled compressed references are addresses, all multiples of the 8-byte object alignment
                boolean allMultiplesOf8 = true;
                Object[] holder = new Object[1];
                for (int i = 0; i < 16 && allMultiplesOf8; i++) {
                    holder[0] = new double[1 + i];
                    allMultiplesOf8 = ((int) getInt.invokeExact((Object) holder, refBase) & 7) == 0;
                }
                shift = allMultiplesOf8 ? 0 : 3;
            }
        } catch (Throwable e) {
            // no jdk.unsupported, a changed Unsafe, a security manager: no hint
            shift = -1;
        }
        GET_INT = getInt;
        GET_LONG = getLong;
        REF_BASE = refBase;
        REF_SCALE = refScale;
        DOUBLE_BASE = doubleBase;
        FLOAT_BASE = floatBase;
        SHIFT = shift;
    }

    private CacheLines() {
    }

    /** Whether the hint is available in this JVM (otherwise {@link #alignedStart} is always 0). */
    static boolean available() {
        return SHIFT >= 0;
    }

    /**
     * The index in {@code [0, 8)} of the first entry of {@code array} that starts a 64-byte cache line, at the time
     * of the call; 0 when unknown.
     */
    static int alignedStart(double[] array) {
        long data = dataAddress(array);
        if (data < 0 || (data & 7) != 0) {
            return 0; // unknown, or not an address as expected
        }
        return (int) (((64 - (data & 63)) & 63) >>> 3);
    }

    /**
     * The index in {@code [0, 16)} of the first entry of {@code array} that starts a 64-byte cache line, at the time
     * of the call; 0 when unknown.
     */
    static int alignedStart(float[] array) {
        long data = referenceAddress(array);
        if (data < 0) {
            return 0;
        }
        data += FLOAT_BASE;
        if ((data & 3) != 0) {
            return 0;
        }
        return (int) (((64 - (data & 63)) & 63) >>> 2);
    }

    /** The address of the object {@code array} (its header) as read now, or -1 if unknown. */
    private static long referenceAddress(Object array) {
        if (SHIFT < 0) {
            return -1;
        }
        try {
            Object[] holder = {array};
            if (REF_SCALE == 8) {
                return (long) GET_LONG.invokeExact((Object) holder, REF_BASE);
            }
            return ((int) GET_INT.invokeExact((Object) holder, REF_BASE) & 0xFFFF_FFFFL) << SHIFT;
        } catch (Throwable e) {
            return -1;
        }
    }

    /** The address of {@code array[0]} as read now (up to a heap base aligned far beyond 64), or -1 if unknown. */
    static long dataAddress(double[] array) {
        if (SHIFT < 0) {
            return -1;
        }
        try {
            Object[] holder = {array};
            long address;
            if (REF_SCALE == 8) {
                address = (long) GET_LONG.invokeExact((Object) holder, REF_BASE);
            } else {
                address = ((int) GET_INT.invokeExact((Object) holder, REF_BASE) & 0xFFFF_FFFFL) << SHIFT;
            }
            return address + DOUBLE_BASE;
        } catch (Throwable e) {
            return -1;
        }
    }

    /** Bytes from the start of a {@code double[]} object to its first entry. */
    static long dataOffset() {
        return DOUBLE_BASE;
    }
}
