package org.gn4j.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gn4j jmh [args...]}: hands every argument unchanged to {@code org.openjdk.jmh.Main}, so the shaded jar is
 * also the JMH benchmark jar ({@code gn4j jmh -l}, {@code gn4j jmh DgemmBenchmark -f 1 -prof gc}, {@code gn4j jmh -h}
 * for JMH's own options). JMH prints its own output and exits the JVM itself on bad arguments.
 */
@Command(name = "jmh", description = "Run JMH micro-benchmarks; all arguments go to JMH (try: gn4j jmh -h).")
public final class JmhCommand implements Callable<Integer> {
    // unmatched options are taken as positional (see Gn4jCommand), so "-prof gc" etc. arrive here in order
    @Parameters(paramLabel = "ARG", description = "JMH arguments, e.g. DgemmBenchmark -f 1 -wi 2 -i 3")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}
