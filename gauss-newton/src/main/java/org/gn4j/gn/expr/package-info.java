/**
 * A small language for model functions {@code f(x; β)} written as text, such as {@code b1*(1-exp[-b2*x])}:
 * {@link org.gn4j.gn.expr.ModelExpression} parses it into a {@link org.gn4j.gn.expr.CompiledModel} that evaluates the
 * value and the exact parameter gradient by forward-mode automatic differentiation, without allocation.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.gn.expr.CompiledModel}: not thread-safe, one instance per thread: every evaluation reuses
 *       the value and gradient buffers of its nodes; {@code copy()} gives another thread its own instance with the
 *       same tape;</li>
 *   <li>stateless: {@link org.gn4j.gn.expr.ModelExpression} (static parsing, a new parser per call; each call
 *       returns a new compiled model);</li>
 *   <li>immutable: {@link org.gn4j.gn.expr.ExpressionParseException}.</li>
 * </ul>
 */
package org.gn4j.gn.expr;
