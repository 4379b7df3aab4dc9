package org.gn4j.linalg;

/**
 * A read-only view of a vector owned by someone else (an iterate inside a solver, say). Listeners receive views so
 * they can inspect or copy the data but never change the solver's state. A view is valid only during the callback
 * that received it.
 */
public interface VectorView {
    /**
     * Number of entries.
     *
     * @return the number of entries, {@code >= 0}
     */
    int size();

    /**
     * Entry {@code i}, {@code 0 <= i < size()}.
     *
     * @param i the index, {@code 0 <= i < size()}; other values throw {@link IndexOutOfBoundsException}
     * @return the entry's current value
     */
    double get(int i);

    /**
     * Copies the entries into {@code dest[destOff .. destOff + size())}.
     *
     * @param dest the destination; must hold {@code size()} entries from {@code destOff}
     * @param destOff index in {@code dest} receiving entry 0
     */
    void copyTo(double[] dest, int destOff);

    /**
     * Returns a fresh copy of the entries.
     *
     * @return a new array of length {@code size()}, independent of the viewed data
     */
    default double[] toArray() {
        double[] out = new double[size()];
        copyTo(out, 0);
        return out;
    }

    /**
     * A view of {@code data[offset .. offset + size)} that reads through to the array.
     *
     * @param data the backing array; not copied, so later changes to it show through the view
     * @param offset index of the view's entry 0 in {@code data}
     * @param size number of entries, {@code >= 0}; {@code [offset, offset + size)} must lie in {@code data}
     * @return a read-only view of the range (no copy)
     */
    static VectorView of(double[] data, int offset, int size) {
        ArgumentChecks.requireRange("data", data, offset, size);
        return new ArrayView(data, offset, size);
    }

    /**
     * A view of the whole array.
     *
     * @param data the backing array; not null, not copied
     * @return a read-only view of all of {@code data} (no copy)
     */
    static VectorView of(double[] data) {
        return of(data, 0, data.length);
    }

    /** Array-backed view. */
    final class ArrayView implements VectorView {
        private final double[] data;
        private final int offset;
        private final int size;

        ArrayView(double[] data, int offset, int size) {
            this.data = data;
            this.offset = offset;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public double get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " found, expected in [0, " + size + ")");
            }
            return data[offset + i];
        }

        @Override
        public void copyTo(double[] dest, int destOff) {
            System.arraycopy(data, offset, dest, destOff, size);
        }
    }
}
