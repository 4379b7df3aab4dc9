package org.gn4j.pinn.pde;

/**
 * One residual of a {@link PdeSystem} at a point, written in terms of the jets of the fields and the unknown
 * coefficients there ({@link Jets}), e.g. Burgers' {@code u_t + u·u_x − ν·u_xx}:
 * <pre>
 *   p -&gt; p.d(0, 1).plus(p.u(0).times(p.d(0, 0))).minus(p.lap(0).times(nu))
 * </pre>
 * Any combination of {@link Dual} operations is allowed (nonlinear terms, products of fields, coefficients that vary
 * with {@link Jets#x}); its derivatives are exact.
 */
@FunctionalInterface
public interface PointResidual {
    /**
     * The residual at the point.
     *
     * @param p the jets, coordinates, normal and data at the point
     * @return the residual value with its derivatives
     */
    Dual at(Jets p);
}
