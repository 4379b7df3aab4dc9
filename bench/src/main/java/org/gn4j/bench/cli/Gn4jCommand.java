package org.gn4j.bench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code gn4j} command line: the entry point of the shaded jar ({@code bench/target/gn4j.jar}) and of the
 * {@code ./gn4j} launcher at the repository root. Without a subcommand it prints the usage and exits with 2.
 *
 * <p>Exit codes: 0 success, 1 a subcommand failed (message on stderr), 2 bad usage (unknown subcommand or option).
 */
@Command(name = "gn4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Pure-Java Gauss-Newton toolkit: environment report, demo, micro-benchmarks.",
        subcommands = {InfoCommand.class, DemoCommand.class, FitCommand.class, TrainCommand.class, PinnCommand.class, BenchCommand.class, DownloadCommand.class, JmhCommand.class, CommandLine.HelpCommand.class})
public final class Gn4jCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A configured command line (tests call {@code execute} on it with their own output writers). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Gn4jCommand());
        // "gn4j jmh CgIteration -prof gc": JMH's options are unknown to picocli and must reach JMH as plain arguments
        cl.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true);
        // bad input (a malformed file, an unparsable model) is the user's to fix: one clear line, no stack trace
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException) {
                line.getErr().println("gn4j " + line.getCommandName() + ": " + ex.getMessage());
                line.getErr().flush();
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
