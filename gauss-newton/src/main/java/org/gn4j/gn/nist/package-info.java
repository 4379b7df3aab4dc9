/**
 * The NIST StRD nonlinear-regression reference problems: {@link org.gn4j.gn.nist.NistDatasets} loads the 27 shipped
 * datasets (or reads a file in their format) into {@link org.gn4j.gn.nist.NistProblem}s, whose model text compiles to
 * an {@link org.gn4j.gn.expr.CompiledModel}.
 */
package org.gn4j.gn.nist;
