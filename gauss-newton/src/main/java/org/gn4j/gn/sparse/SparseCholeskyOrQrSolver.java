package org.gn4j.gn.sparse;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * The damped solver {@link org.gn4j.gn.core.DampedSolvers#auto} chooses for a sparse Jacobian: the sparse Cholesky of
 * {@code JᵀJ + λD²} ({@link SparseCholeskySolver}: the cheaper factorization, range-parallel where {@code JᵀJ} is
 * block-diagonal) until one of its factorizations would lose the step's digits, then the sparse QR of
 * {@code [J; √λD]} ({@link SparseQrSolver}) for the rest of the run.
 *
 * <p>The test: the estimate of the 1-norm condition number of the equilibrated {@code JᵀJ + λD²}
 * ({@link org.gn4j.solvers.sparse.SparseCholesky#conditionEstimate}, three pairs of triangular solves with
 * the factor just made) against {@link #CONDITION_LIMIT} {@code = 1/√ε ≈ 6.7e7}, and a breakdown (a non-positive
 * pivot: {@code JᵀJ + λD²} is singular to working precision). The Cholesky solve's relative error is about
 * {@code κ(JᵀJ + λD²)·ε}; above the limit it keeps fewer than half the digits of double precision, while the QR
 * solve, whose error is about {@code κ([J; √λD])·ε}, the square root of that condition number times ε, still keeps
 * three quarters of them. A breakdown is always caught; the estimate, whose solves cost about what the run's own
 * solves of a linearization cost, is made where a lost digit can matter: at the first factorization of the run
 * (a problem that is ill-conditioned from its start, as the discrete boundary value function) and at the
 * factorizations that follow a poor step, one with a gain ratio below {@value #POOR_GAIN_RATIO} or a rejected or
 * failed one. A step whose gain ratio is good was a good model step whatever digits it lost, so a run of good steps
 * pays for no estimate. Within a linearization a factor with the same D and a larger λ than one that passed is not
 * estimated again ({@link SparseCholeskySolver#withConditionLimit}).
 *
 * <p>On the switch the QR solves the refused system at once, in the column order and with the pattern of R from the
 * Cholesky's analysis (no second ordering), and the Cholesky's factor is released. A run that switched stays on QR;
 * so does the loop's retry from its end point ({@link #forRetry()}).
 *
 * <p>Which solver ran: {@link #name()} is {@code sparse-cholesky} until the switch and
 * {@code sparse-cholesky-then-qr} after it, {@link #switchReason()} says why it switched (the estimate, or the
 * failing pivot), and the solve result of the switch carries the same words. The copies made by {@link #fresh()}
 * share the counters of their parts ({@link #cholesky()}, {@link #qr()}) and {@link #switches()} with the solver they
 * came from, so a caller can see what a run did.
 */
public final class SparseCholeskyOrQrSolver implements DampedSolver {
    /**
     * Largest estimated condition number of the equilibrated {@code JᵀJ + λD²} at which the Cholesky solve is kept:
     * {@code 1/√ε = 2²⁶ ≈ 6.7e7}, where its step would keep half the digits of double precision.
     */
    public static final double CONDITION_LIMIT = 1 / Math.sqrt(Math.ulp(1.0));

    /**
     * Gain ratio below which a step counts as poor and the following Cholesky factorizations are checked (the ratio
     * below which trust-region rules shrink the radius).
     */
    public static final double POOR_GAIN_RATIO = 0.25;

    private final SparseCholeskySolver choleskyPart;
    private final SparseQrSolver qrPart;
    private final AtomicInteger switches;
    private SparseCholeskySolver cholesky;
    private SparseQrSolver qr;
    private boolean onQr;
    private String reason;
    private Linearization lin;
    private double estimate = Double.NaN;

    /** Starting on the sparse Cholesky with the limit {@link #CONDITION_LIMIT}. */
    public SparseCholeskyOrQrSolver() {
        this(new SparseCholeskySolver().withConditionLimit(CONDITION_LIMIT), new SparseQrSolver(), new AtomicInteger());
    }

    private SparseCholeskyOrQrSolver(SparseCholeskySolver cholesky, SparseQrSolver qr, AtomicInteger switches) {
        this.choleskyPart = cholesky;
        this.qrPart = qr;
        this.switches = switches;
        this.cholesky = cholesky.fresh();
        this.qr = qr.fresh();
    }

    /**
     * The same solver with another condition limit (1 switches at the first factorization, {@code +∞} only on a
     * Cholesky breakdown).
     *
     * @param limit the largest accepted condition estimate, ≥ 1
     * @return a new solver with fresh counters
     * @throws IllegalArgumentException if limit is below 1 or NaN
     */
    public SparseCholeskyOrQrSolver withConditionLimit(double limit) {
        return new SparseCholeskyOrQrSolver(new SparseCholeskySolver().withConditionLimit(limit), new SparseQrSolver(),
                new AtomicInteger());
    }

    /**
     * The Cholesky part as configured: its counters cover this solver and its fresh copies.
     *
     * @return the sparse Cholesky part
     */
    public SparseCholeskySolver cholesky() {
        return choleskyPart;
    }

    /**
     * The QR part as configured: its counters cover this solver and its fresh copies (its symbolic analyses count
     * only those it made itself, not the Cholesky analyses it took over on a switch).
     *
     * @return the sparse QR part
     */
    public SparseQrSolver qr() {
        return qrPart;
    }

    /**
     * Runs of this solver and its fresh copies that switched to QR.
     *
     * @return the number of switches so far
     */
    public int switches() {
        return switches.get();
    }

    /**
     * Whether this instance solves with QR.
     *
     * @return true after the switch
     */
    public boolean switchedToQr() {
        return onQr;
    }

    /**
     * Why this instance switched to QR.
     *
     * @return the refused Cholesky factorization's message (condition estimate or failing pivot), or null before a
     *         switch
     */
    public String switchReason() {
        return reason;
    }

    /**
     * The condition estimate of this instance's last Cholesky factorization (kept after the switch).
     *
     * @return the estimate of {@code κ₁} of the equilibrated {@code JᵀJ + λD²}, or NaN before a factorization, after
     *         a breakdown, or with an infinite limit
     */
    public double lastConditionEstimate() {
        return estimate;
    }

    @Override
    public String name() {
        return onQr ? "sparse-cholesky-then-qr" : "sparse-cholesky";
    }

    @Override
    public SparseCholeskyOrQrSolver fresh() {
        return new SparseCholeskyOrQrSolver(choleskyPart, qrPart, switches);
    }

    /**
     * A fresh copy that starts on QR when this run switched (the condition of J changes little between the end of
     * a run and a retry from that point), else null.
     *
     * @return a fresh copy on QR, or null to choose as for the first run
     */
    @Override
    public DampedSolver forRetry() {
        if (!onQr) {
            return null;
        }
        SparseCholeskyOrQrSolver s = fresh();
        s.onQr = true;
        s.reason = reason;
        return s;
    }

    @Override
    public boolean supports(Linearization l) {
        return l.sparseJacobian() != null;
    }

    @Override
    public SolveResult prepare(Linearization l) {
        lin = l;
        return onQr ? qr.prepare(l) : cholesky.prepare(l);
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        if (onQr) {
            return qr.solve(lambda, d, residual, gradient, out);
        }
        SolveResult c = cholesky.solve(lambda, d, residual, gradient, out);
        estimate = cholesky.lastConditionEstimate();
        if (c.status() != SolveStatus.ILL_CONDITIONED && c.status() != SolveStatus.NOT_POSITIVE_DEFINITE) {
            return c;
        }
        // the switch: QR from the Cholesky's analysis of the same pattern, then the Cholesky's arrays released
        onQr = true;
        reason = c.message();
        switches.incrementAndGet();
        if (cholesky.analysis() != null) {
            qr.adopt(cholesky.analysis(), cholesky.pattern());
        }
        cholesky = choleskyPart.fresh();
        SolveResult p = qr.prepare(lin);
        if (!p.hasSolution()) {
            return p;
        }
        SolveResult s = qr.solve(lambda, d, residual, gradient, out);
        return new SolveResult(s.status(), s.iterations(), s.residualNorm(), s.rhsNorm(),
                "switched to sparse QR for the rest of the run (" + reason + "); " + s.message());
    }

    /**
     * True: the gain ratio of each step decides whether the next Cholesky factorizations are checked.
     *
     * @return true
     */
    @Override
    public boolean usesGainRatio() {
        return true;
    }

    /**
     * A step with a gain ratio below {@value #POOR_GAIN_RATIO} (a rejected or failed one included) has the following
     * Cholesky factorizations checked, a better one has them unchecked until the next poor step.
     */
    @Override
    public void afterStep(double gainRatio, boolean accepted, SolveResult last, double[] solution) {
        cholesky.checkConditions(!(gainRatio >= POOR_GAIN_RATIO && accepted));
    }

    @Override
    public double curvature(double[] s) {
        return onQr ? qr.curvature(s) : cholesky.curvature(s);
    }

    /**
     * {@code [1]} after the switch, {@code [0]} before it.
     *
     * @return a new vector of length 1
     */
    @Override
    public double[] state() {
        return new double[] {onQr ? 1 : 0};
    }

    @Override
    public int restore(double[] v, int from, int n) {
        if (v.length < from + 1 || (v[from] != 0 && v[from] != 1)) {
            throw new IllegalArgumentException("state has length " + v.length + (v.length > from ? " and entry "
                    + v[from] : "") + ", expected an entry 0 or 1 at " + from + " (sparse Cholesky-or-QR state)");
        }
        reset();
        if (v[from] == 1) {
            onQr = true;
            reason = "restored from a checkpoint taken after the switch";
        }
        return 1;
    }

    @Override
    public void reset() {
        onQr = false;
        reason = null;
        lin = null;
        estimate = Double.NaN;
        cholesky = choleskyPart.fresh();
        qr = qrPart.fresh();
    }

    @Override
    public String toString() {
        return name() + (reason == null ? "" : " (" + reason + ")");
    }
}
