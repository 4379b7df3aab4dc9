/**
 * A small language for model functions {@code f(x; β)} written as text, such as {@code b1*(1-exp[-b2*x])}:
 * {@link org.gn4j.gn.expr.ModelExpression} parses it into a {@link org.gn4j.gn.expr.CompiledModel} that evaluates the
 * value and the exact parameter gradient by forward-mode automatic differentiation, without allocation.
 */
package org.gn4j.gn.expr;
