/**
 * The NIST StRD nonlinear-regression reference problems: {@link org.gn4j.gn.nist.NistDatasets} loads the 27 shipped
 * datasets (or reads a file in their format) into {@link org.gn4j.gn.nist.NistProblem}s, whose model text compiles to
 * an {@link org.gn4j.gn.expr.CompiledModel}.
 *
 * <p><b>Thread safety.</b> Every public type is safe to share:
 * <ul>
 *   <li>stateless: {@link org.gn4j.gn.nist.NistDatasets} (static; each load reads and parses its own copy of the
 *       data);</li>
 *   <li>immutable: {@link org.gn4j.gn.nist.NistProblem} (a record that copies its arrays in and out;
 *       {@code compiledModel()} returns a new, unshared {@link org.gn4j.gn.expr.CompiledModel} on every call).</li>
 * </ul>
 */
package org.gn4j.gn.nist;
