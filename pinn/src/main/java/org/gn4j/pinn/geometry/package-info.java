/**
 * Domains of PINN problems (intervals, rectangles, n-dimensional boxes, balls, simple polygons, their unions,
 * intersections and differences, and space × time) and their collocation sampling: tensor grids, uniform random
 * points and low-discrepancy Halton / Sobol sequences (Commons Math), in the interior and on labelled boundary pieces
 * with outward normals, with a round number for resampling; and distance functions with exact gradients and weighted
 * Laplacians for hard constraints ({@link org.gn4j.pinn.geometry.Shape}).
 *
 * <p><b>Thread safety.</b> Every public type is safe to share between threads:
 * <ul>
 *   <li>immutable: {@link org.gn4j.pinn.geometry.Box}, {@link org.gn4j.pinn.geometry.SpaceTime} (bounds copied in
 *       and out), {@link org.gn4j.pinn.geometry.PointSampler} (a pure function of count, dimension and round; every
 *       call creates its own random or low-discrepancy generator);</li>
 *   <li>{@link org.gn4j.pinn.geometry.BoundarySample}: a record whose arrays are not copied: read-only once
 *       shared;</li>
 *   <li>{@link org.gn4j.pinn.geometry.Domain}: an interface; its implementations here are immutable.</li>
 * </ul>
 */
package org.gn4j.pinn.geometry;
