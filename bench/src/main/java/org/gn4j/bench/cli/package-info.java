/**
 * The {@code gn4j} command line (picocli): {@link org.gn4j.bench.cli.Gn4jCommand} and its subcommands
 * {@code info}, {@code demo} and {@code jmh}.
 */
package org.gn4j.bench.cli;
