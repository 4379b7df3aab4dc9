package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.blas.BlasProvider;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code gn4j} command line: the entry point of the shaded jar ({@code bench/target/gn4j.jar}) and of the
 * {@code ./gn4j} launcher at the repository root. Without a subcommand it prints the usage and exits with 2.
 *
 * <p>Exit codes: 0 success, 1 a subcommand failed (message on stderr), 2 bad usage (unknown subcommand or option).
 * A command whose standard output could not be written (a full disk, a closed pipe) exits 1 with a message on stderr
 * even when its work succeeded. An invalid {@code -Dgn4j.threads} or {@code -Dgn4j.blas} is replaced by its default;
 * every command but {@code info} (which shows it in its report) prints the warning once on stderr before it starts.
 */
@Command(name = "gn4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Pure-Java Gauss-Newton toolkit: info (environment report), demo (a checked tour, about 45 s),",
            "fit (nonlinear least squares), ba (bundle adjustment), train (networks), pinn (physics-informed networks),",
            "bench (suites), download (data sets), jmh (micro-benchmarks), spark (data-parallel fits and training on Apache Spark)."},
        subcommands = {InfoCommand.class, DemoCommand.class, FitCommand.class, BaCommand.class, TrainCommand.class, PinnCommand.class, BenchCommand.class, DownloadCommand.class, JmhCommand.class, SparkCommand.class, CommandLine.HelpCommand.class})
public final class Gn4jCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * Runs the command line on the process's standard streams and exits the JVM with its exit code.
     *
     * @param args the command-line arguments (a subcommand and its options)
     */
    public static void main(String[] args) {
        CommandLine cl = commandLine();
        // built on the PrintStreams themselves, so checkError() sees their write failures
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        System.exit(cl.execute(args));
    }

    /**
     * A configured command line (tests call {@code execute} on it with their own output writers).
     *
     * @return a new command line with the subcommands, the one-line handler for bad input and the execution
     *         strategy set
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Gn4jCommand());
        // "gn4j jmh CgIteration -prof gc": JMH's options are unknown to picocli and must reach JMH as plain arguments
        cl.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true);
        // bad input (a malformed file, an unparsable model) is the user's to fix: one clear line, no stack trace
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException) {
                String message = ex instanceof java.io.IOException io ? IoErrors.message(io, parseResult)
                        : ex.getMessage();
                line.getErr().println("gn4j " + line.getCommandName() + ": " + message);
                line.getErr().flush();
                return 1;
            }
            throw ex;
        });
        cl.setExecutionStrategy(Gn4jCommand::execute);
        return cl;
    }

    /** Prints the configuration warnings, runs the command, and fails it when its standard output was lost. */
    private static int execute(ParseResult parse) {
        ParseResult last = parse;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine line = last.commandSpec().commandLine();
        PrintWriter err = line.getErr();
        String name = line.getCommandName();
        if (!name.equals("info") && !name.equals("help") && !last.isUsageHelpRequested()
                && !last.isVersionHelpRequested()) {
            for (String w : configurationWarnings()) {
                err.println("gn4j " + name + ": warning: " + w);
            }
            err.flush();
        }
        int code = new CommandLine.RunLast().execute(parse);
        if (line.getOut().checkError()) {
            err.println("gn4j " + name + ": cannot write to standard output (disk full or pipe closed?); the "
                    + "output is incomplete");
            err.flush();
            return code == 0 ? 1 : code;
        }
        return code;
    }

    /** The warnings of the thread-count and BLAS properties (invalid values replaced by their defaults). */
    static List<String> configurationWarnings() {
        List<String> out = new ArrayList<>();
        ComputePool.configurationWarning().ifPresent(out::add);
        BlasProvider.configurationWarning().ifPresent(out::add);
        return out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
