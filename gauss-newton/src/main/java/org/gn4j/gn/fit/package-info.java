/**
 * Curve fitting on data: a least-squares problem from a model expression and a table of observations, CSV input, and
 * the NIST StRD scoring (log relative error) used by the tests and {@code gn4j fit}.
 */
package org.gn4j.gn.fit;
