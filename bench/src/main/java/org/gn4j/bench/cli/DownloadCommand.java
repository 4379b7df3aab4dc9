package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gn4j.nn.data.Downloader;
import org.gn4j.nn.data.OfficialDatasets;
import org.gn4j.nn.data.RemoteFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j download mnist|fashion-mnist --dir DIR}: fetches the official IDX files (mirrors tried in order),
 * verifies each against its published checksum, and leaves nothing behind on a mismatch. Files already present with
 * the right checksum are not fetched again.
 */
@Command(name = "download", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Download an official data set and verify its checksums.")
public final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SET", description = "mnist or fashion-mnist (the official 60,000/10,000 splits).")
    String set;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Target folder (created if needed).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        List<RemoteFile> files;
        switch (set.toLowerCase(Locale.ROOT)) {
            case "mnist":
                files = OfficialDatasets.MNIST;
                break;
            case "fashion-mnist":
                files = OfficialDatasets.FASHION_MNIST;
                break;
            default:
                throw new ParameterException(spec.commandLine(), "set '" + set
                        + "' unknown, expected mnist or fashion-mnist");
        }
        PrintWriter out = spec.commandLine().getOut();
        new CommandPaths(spec.commandLine()).outputFolder("--dir", dir).check();
        java.nio.file.Files.createDirectories(dir);
        for (RemoteFile f : files) {
            out.printf(Locale.ROOT, "%-28s ", f.fileName());
            out.flush();
            Path p = Downloader.create().download(f, dir);
            out.printf(Locale.ROOT, "ok (%s %s) -> %s%n", f.checksum().algorithm(), f.checksum().hex(), p);
        }
        out.flush();
        return 0;
    }
}
