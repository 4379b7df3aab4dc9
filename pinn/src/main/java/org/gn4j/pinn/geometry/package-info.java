/**
 * Domains of PINN problems (intervals, rectangles, n-dimensional boxes, space × time) and their collocation
 * sampling: tensor grids, uniform random points and low-discrepancy Halton / Sobol sequences (Commons Math), in the
 * interior and on faces, with a round number for resampling.
 */
package org.gn4j.pinn.geometry;
