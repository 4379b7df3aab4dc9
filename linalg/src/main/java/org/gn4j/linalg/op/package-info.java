/**
 * Matrix-free linear operators ({@link org.gn4j.linalg.op.LinearOperator}): dense, diagonal, function-defined,
 * scaled, shifted, sum, normal ({@code AᵀQA}) and block-diagonal operators, built by
 * {@link org.gn4j.linalg.op.Operators}.
 *
 * <p><b>Thread safety.</b> As the {@link org.gn4j.linalg.op.LinearOperator} contract says, an operator that owns work
 * buffers is not thread-safe:
 * <ul>
 *   <li>safe to share (no work buffers, nothing written after construction):
 *       {@link org.gn4j.linalg.op.DiagonalOperator} (copies its diagonal), {@link org.gn4j.linalg.op.DenseOperator}
 *       (wraps the caller's matrix without copying: safe while nobody writes to that matrix),
 *       {@link org.gn4j.linalg.op.ScaledOperator} (as safe as the operator it scales),
 *       {@link org.gn4j.linalg.op.FunctionOperator} (as safe as its {@code Product} functions), the
 *       {@link org.gn4j.linalg.op.AbstractOperator} base; stateless {@link org.gn4j.linalg.op.Operators}; the enum
 *       {@link org.gn4j.linalg.op.Structure};</li>
 *   <li>one instance per thread (intermediate vectors reused by every product):
 *       {@link org.gn4j.linalg.op.NormalOperator}, {@link org.gn4j.linalg.op.SumOperator},
 *       {@link org.gn4j.linalg.op.BlockDiagonalOperator}, the operator of
 *       {@link org.gn4j.linalg.op.Operators#rowScaled}; {@link org.gn4j.linalg.op.ShiftedOperator} (its shift is
 *       changed in place by {@code setShift}).</li>
 * </ul>
 */
package org.gn4j.linalg.op;
