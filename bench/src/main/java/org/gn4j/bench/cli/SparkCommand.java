package org.gn4j.bench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gn4j spark}: data-parallel fits and training on Apache Spark (embedded {@code local[*]} by default). */
@Command(name = "spark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Data-parallel Gauss-Newton on Apache Spark (embedded local[*] by default, --master for a "
                + "cluster).", subcommands = {SparkFitCommand.class, SparkTrainCommand.class})
public final class SparkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a subcommand: fit or train");
    }
}
