package org.gn4j.nn;

import java.util.Arrays;

/** The shape of one sample (e.g. {@code {784}} or {@code {1, 28, 28}} channels × height × width), immutable. */
public final class Shape {
    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("shape has no dimensions, expected at least one");
        }
        long s = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a dimension " + d
                        + ", expected all > 0");
            }
            s *= d;
        }
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has " + s + " entries");
        }
        this.dims = dims.clone();
        this.size = (int) s;
    }

    /**
     * A shape with the given dimensions.
     *
     * @param dims the dimensions, at least one, all {@code > 0}, product at most {@link Integer#MAX_VALUE}; copied
     * @return the shape
     * @throws IllegalArgumentException if the dimensions are empty, not positive or too large
     */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /**
     * Number of entries of one sample.
     *
     * @return the product of the dimensions, {@code >= 1}
     */
    public int size() {
        return size;
    }

    /**
     * Number of dimensions.
     *
     * @return the number of dimensions, {@code >= 1}
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Dimension {@code i}.
     *
     * @param i the dimension index, {@code 0 <= i < rank()}
     * @return the extent of dimension i, {@code >= 1}
     */
    public int dim(int i) {
        return dims[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
