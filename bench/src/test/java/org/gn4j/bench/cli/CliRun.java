package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One execution of the {@code gn4j} command line in-process, with its exit code and captured output. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code gn4j args...} with captured stdout and stderr. */
    static CliRun of(String... args) {
        CommandLine cl = Gn4jCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
