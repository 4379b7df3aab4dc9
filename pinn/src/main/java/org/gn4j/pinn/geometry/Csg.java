package org.gn4j.pinn.geometry;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A union, intersection or difference of two shapes of one dimension: the field is the R0 composition of the operands'
 * fields, the boundary pieces are the operands' pieces clipped to the result's boundary (see {@link Shape}).
 */
final class Csg extends Shape {
    enum Op {
        UNION("∪"), INTERSECTION("∩"), DIFFERENCE("−");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Op op;
    private final Shape a;
    private final Shape b;
    private final List<Piece> pieces;

    private Csg(Op op, Shape a, Shape b, double[] lo, double[] hi) {
        super(lo, hi);
        this.op = op;
        this.a = a;
        this.b = b;
        int keepA;
        int keepB;
        switch (op) {
            case UNION -> {
                keepA = Piece.OUT | Piece.ON_SAME;
                keepB = Piece.OUT;
            }
            case INTERSECTION -> {
                keepA = Piece.IN | Piece.ON_SAME;
                keepB = Piece.IN;
            }
            default -> {
                keepA = Piece.OUT | Piece.ON_OPPOSITE;
                keepB = Piece.IN;
            }
        }
        List<Piece> ps = new ArrayList<>();
        for (Piece p : a.pieces()) {
            ps.add(p.clip(b, keepA, false));
        }
        for (Piece p : b.pieces()) {
            ps.add(p.clip(a, keepB, op == Op.DIFFERENCE));
        }
        this.pieces = List.copyOf(ps);
    }

    /** {@code a op b}; {@code bName} names b in error messages. */
    static Shape of(Op op, Shape a, Shape b, String bName) {
        ArgumentChecks.requireNonNull(bName, b);
        if (b.n != a.n) {
            throw new IllegalArgumentException(bName + " has dimension " + b.n + ", expected " + a.n
                    + " (the dimension of " + a + ")");
        }
        int n = a.n;
        double[] lo = a.lo.clone();
        double[] hi = a.hi.clone();
        for (int i = 0; i < n; i++) {
            if (op == Op.UNION) {
                lo[i] = Math.min(lo[i], b.lo[i]);
                hi[i] = Math.max(hi[i], b.hi[i]);
            } else if (op == Op.INTERSECTION) {
                lo[i] = Math.max(lo[i], b.lo[i]);
                hi[i] = Math.min(hi[i], b.hi[i]);
                if (!(hi[i] > lo[i])) {
                    throw new IllegalArgumentException("the intersection of " + a + " and " + b
                            + " is empty: bounding boxes overlap on [" + lo[i] + ", " + hi[i] + "] in coordinate "
                            + i + ", expected an interval of positive length");
                }
            }
        }
        return new Csg(op, a, b, lo, hi);
    }

    @Override
    void field(double[] x, int xOff, double[] out, int off) {
        int m = 2 * n + 1;
        double[] jets = new double[2 * m];
        a.field(x, xOff, jets, 0);
        b.field(x, xOff, jets, m);
        if (op == Op.DIFFERENCE) {
            for (int k = m; k < 2 * m; k++) {
                jets[k] = -jets[k];
            }
        }
        rfunction(jets, 0, jets, m, n, op == Op.UNION, out, off);
    }

    @Override
    List<Piece> pieces() {
        return pieces;
    }

    @Override
    public String toString() {
        return "(" + a + " " + op.symbol + " " + b + ")";
    }
}
