/**
 * Text grammar shared by gn4j's data readers: {@link org.gn4j.linalg.text.PlainDecimal}, the number syntax of the CSV
 * and NIST StRD readers.
 *
 * <p><b>Thread safety.</b> Stateless static methods: safe from any thread.
 */
package org.gn4j.linalg.text;
