/**
 * The {@code gn4j} command line (picocli): {@link org.gn4j.bench.cli.Gn4jCommand} and its subcommands
 * {@code info}, {@code demo} and {@code jmh}.
 *
 * <p><b>Thread safety.</b> The command objects ({@link org.gn4j.bench.cli.Gn4jCommand} and its subcommands) are
 * mutable: picocli fills their option fields from one command line and calls them once, on the main thread; they are
 * not for sharing. {@link org.gn4j.bench.cli.VersionProvider} is stateless; the records
 * {@link org.gn4j.bench.cli.DemoCommand.Section} and {@link org.gn4j.bench.cli.DemoCommand.Timing} and the exception
 * {@link org.gn4j.bench.cli.DemoCommand.DemoFailure} are immutable.
 */
package org.gn4j.bench.cli;
