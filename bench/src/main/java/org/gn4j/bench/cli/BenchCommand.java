package org.gn4j.bench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code gn4j bench}: benchmark suites that compare solver variants and write tables and plots. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Benchmark suites comparing solver variants (tables, CSV and plots).",
            "  gn4j bench sgn-paper --problems sine,mnist-10k --seeds 3 --out results/sgn-paper",
            "  GN4J_JAVA_OPTS=-Xmx1g gn4j bench matrix-free"},
        subcommands = {SgnPaperCommand.class, MatrixFreeCommand.class, NllsCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
