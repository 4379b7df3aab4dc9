package org.gn4j.linalg.blas;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} on the Vector API: {@link Tanh}'s steps on whole vectors of the preferred species, the same
 * steps one by one on the tail, so every entry gets the bits {@link Tanh#tanh} gives it. Loaded by reflection only
 * when the incubator module is in the boot layer (see {@link BlasProvider#elementwise()}).
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    VectorElementwise() {
        // touch the species so a missing incubator module fails here, in the constructor
        if (S.length() <= 0) {
            throw new IllegalStateException("no vector species");
        }
    }

    @Override
    public void tanh(int n, double[] x, int xOff, double[] y, int yOff, double[] dy, int dyOff) {
        Elementwise.checkTanh(n, x, xOff, y, yOff, dy, dyOff);
        int vl = S.length();
        int bound = n - n % vl;
        int i = 0;
        for (; i < bound; i += vl) {
            DoubleVector t = tanh(DoubleVector.fromArray(S, x, xOff + i));
            t.intoArray(y, yOff + i);
            if (dy != null) {
                // 1 − t², one rounding
                t.neg().fma(t, ONE).intoArray(dy, dyOff + i);
            }
        }
        for (; i < n; i++) {
            double t = Tanh.tanh(x[xOff + i]);
            y[yOff + i] = t;
            if (dy != null) {
                dy[dyOff + i] = Math.fma(-t, t, 1.0);
            }
        }
    }

    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);

    /** {@link Tanh#tanh} on every lane, operation for operation (both branches, then a blend). */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.abs();
        // a < 0.55: m = expm1(−2a), t = −m/(2 + m)
        DoubleVector r = a.mul(-2.0);
        DoubleVector m = r.mul(series(r));
        DoubleVector small = m.neg().div(m.add(TWO));
        // otherwise: e = exp(−2·min(a, 20)), t = (1 − e)/(1 + e)
        DoubleVector yv = a.min(Tanh.CLAMP).mul(-2.0);
        DoubleVector shifted = yv.mul(Tanh.LOG2E).add(Tanh.ROUNDER);
        DoubleVector k = shifted.sub(Tanh.ROUNDER);
        DoubleVector rho = k.neg().fma(DoubleVector.broadcast(S, Tanh.LN2_LO),
                k.neg().fma(DoubleVector.broadcast(S, Tanh.LN2_HI), yv));
        DoubleVector scale = ((LongVector) shifted.reinterpretAsLongs()).add(1023L).lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
        DoubleVector e = rho.fma(series(rho), ONE).mul(scale);
        DoubleVector large = ONE.sub(e).div(ONE.add(e));
        VectorMask<Double> isSmall = a.compare(VectorOperators.LT, Tanh.SMALL);
        DoubleVector t = large.blend(small, isSmall);
        // copy the sign of x (t ≥ 0 or NaN)
        LongVector sign = ((LongVector) x.reinterpretAsLongs()).and(Long.MIN_VALUE);
        DoubleVector signed = ((LongVector) t.reinterpretAsLongs()).or(sign).reinterpretAsDoubles();
        // a NaN argument comes back as it is (the arithmetic would return the platform's default NaN)
        return signed.blend(x, x.compare(VectorOperators.NE, x));
    }

    /** {@link Tanh#series} on every lane. */
    private static DoubleVector series(DoubleVector r) {
        DoubleVector p = DoubleVector.broadcast(S, Tanh.C18);
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C17));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C16));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C15));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C14));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C13));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C12));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C11));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C10));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C9));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C8));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C7));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C6));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C5));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C4));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C3));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C2));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C1));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C0));
        return p;
    }

    @Override
    public String name() {
        return "cpu-vector";
    }
}
