/**
 * Iterative solvers: preconditioned {@link org.gn4j.solvers.iterative.ConjugateGradient} (with an optional trust
 * radius) on a {@link org.gn4j.linalg.op.LinearOperator}, reporting each iteration to a
 * {@link org.gn4j.solvers.iterative.CgListener}.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.solvers.iterative.ConjugateGradient}: one instance per thread (its configuration is final,
 *       but it owns the work vectors, the operator and the preconditioner of the current system);</li>
 *   <li>{@link org.gn4j.solvers.iterative.CgListener}: called on the solving thread; the iterate it receives is a
 *       view valid only during the call.</li>
 * </ul>
 */
package org.gn4j.solvers.iterative;
