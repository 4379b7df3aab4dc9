package org.gn4j.linalg.op;

import java.util.EnumSet;
import java.util.Set;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Base class that performs the argument checks of the {@link LinearOperator} contract once per call and stores the
 * shape and structure tags. Subclasses implement {@link #applyUnchecked} and {@link #applyTransposeUnchecked}.
 */
public abstract class AbstractOperator implements LinearOperator {
    private final int rows;
    private final int cols;
    private final Set<Structure> structure;

    /**
     * Checks and stores the shape and structure tags.
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param structure tags the subclass vouches for; must be empty unless {@code rows == cols}; copied
     * @throws IllegalArgumentException if a dimension is negative or a non-square operator carries tags
     */
    protected AbstractOperator(int rows, int cols, Set<Structure> structure) {
        ArgumentChecks.requireNonNegative("rows", rows);
        ArgumentChecks.requireNonNegative("cols", cols);
        boolean square = rows == cols;
        if (!square && !structure.isEmpty()) {
            throw new IllegalArgumentException("structure tags " + structure + " found on a " + rows + "x" + cols
                    + " operator, expected a square operator");
        }
        this.rows = rows;
        this.cols = cols;
        this.structure = structure.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(structure));
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final Set<Structure> structure() {
        return structure;
    }

    @Override
    public final void apply(double[] x, double[] y) {
        ArgumentChecks.requireLength("x", x, cols);
        ArgumentChecks.requireLength("y", y, rows);
        ArgumentChecks.requireDistinct("x", x, "y", y);
        applyUnchecked(x, y);
    }

    @Override
    public final void applyTranspose(double[] x, double[] y) {
        ArgumentChecks.requireLength("x", x, rows);
        ArgumentChecks.requireLength("y", y, cols);
        ArgumentChecks.requireDistinct("x", x, "y", y);
        applyTransposeUnchecked(x, y);
    }

    @Override
    public final boolean diagonal(double[] out) {
        ArgumentChecks.requireLength("out", out, Math.min(rows, cols));
        return diagonalUnchecked(out);
    }

    /**
     * {@code y = A x}, arguments already checked.
     *
     * @param x the input, length {@code cols()}; not modified
     * @param y receives {@code A x}, length {@code rows()}; overwritten; distinct from {@code x}
     */
    protected abstract void applyUnchecked(double[] x, double[] y);

    /**
     * {@code y = Aᵀ x}, arguments already checked.
     *
     * @param x the input, length {@code rows()}; not modified
     * @param y receives {@code Aᵀ x}, length {@code cols()}; overwritten; distinct from {@code x}
     */
    protected abstract void applyTransposeUnchecked(double[] x, double[] y);

    /**
     * Diagonal into {@code out} (length checked) if cheaply available; false otherwise.
     *
     * @param out receives the diagonal, length {@code min(rows(), cols())}
     * @return true when {@code out} was filled; this default returns false and leaves {@code out} untouched
     */
    protected boolean diagonalUnchecked(double[] out) {
        return false;
    }

    /** Calls {@code op.apply} through the checked path (for composites holding arbitrary operators). */
    static void applyInner(LinearOperator op, double[] x, double[] y) {
        op.apply(x, y);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + rows + "x" + cols + (structure.isEmpty() ? "" : ", " + structure)
                + "]";
    }
}
