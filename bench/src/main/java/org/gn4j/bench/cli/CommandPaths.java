package org.gn4j.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The input and output paths of one command, checked together before the command starts work: every output file's
 * folder exists and is writable, an output is not a folder, and no output is an input or another output. Output
 * folders (created by the command when missing) must not be files and their nearest existing ancestor must be a
 * writable folder. A failed check is a {@link ParameterException} naming the option(s) and the path.
 */
final class CommandPaths {
    private record Named(String option, Path path) {
        String show() {
            return option + " " + path;
        }
    }

    private final CommandLine commandLine;
    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputFiles = new ArrayList<>();
    private final List<Named> outputFolders = new ArrayList<>();

    CommandPaths(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    /** An input file (null: the option is not given). */
    CommandPaths input(String option, Path path) {
        if (path != null) {
            inputs.add(new Named(option, path));
        }
        return this;
    }

    /** Every regular file directly inside {@code folder} is an input of {@code option} (a missing folder: none). */
    CommandPaths inputFolder(String option, Path folder) throws IOException {
        if (folder != null && Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(p)) {
                        inputs.add(new Named(option, p));
                    }
                }
            }
        }
        return this;
    }

    /** An output file (null: the option is not given). */
    CommandPaths outputFile(String option, Path path) {
        if (path != null) {
            outputFiles.add(new Named(option, path));
        }
        return this;
    }

    /** An output folder, created by the command when missing (null: the option is not given). */
    CommandPaths outputFolder(String option, Path path) {
        if (path != null) {
            outputFolders.add(new Named(option, path));
        }
        return this;
    }

    /** Runs every check; the first failure is thrown. */
    void check() throws IOException {
        for (Named o : outputFolders) {
            Path abs = o.path().toAbsolutePath().normalize();
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw fail(o.show() + " is a file, expected a folder");
            }
            Path existing = abs;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
                throw fail(o.show() + ": " + existing + (Files.isDirectory(existing) ? " is not a writable folder"
                        : " is a file, expected a folder"));
            }
        }
        for (int i = 0; i < outputFiles.size(); i++) {
            Named o = outputFiles.get(i);
            Path abs = o.path().toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                throw fail(o.show() + " is a folder, expected a file");
            }
            Path parent = abs.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw fail(o.show() + ": folder " + parent + " does not exist");
            }
            if (!Files.isWritable(parent)) {
                throw fail(o.show() + ": folder " + parent + " is not writable");
            }
            if (Files.exists(abs) && !Files.isWritable(abs)) {
                throw fail(o.show() + ": the file exists and is not writable");
            }
            for (Named in : inputs) {
                if (same(abs, in.path()) && !(o.option().equals("--checkpoint") && in.option().equals("--resume"))) {
                    throw fail(o.show() + " is also the input " + in.show() + "; writing it would destroy the input, "
                            + "choose another file");
                }
            }
            for (int j = 0; j < i; j++) {
                Named other = outputFiles.get(j);
                if (same(abs, other.path())) {
                    throw fail(other.option() + " and " + o.option() + " name the same file " + o.path()
                            + "; each needs its own file");
                }
            }
        }
    }

    /** Whether two paths name one file: equal after normalization, or the same existing file (links included). */
    static boolean same(Path a, Path b) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        if (x.equals(y)) {
            return true;
        }
        try {
            return Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (IOException e) {
            return false;
        }
    }

    private ParameterException fail(String message) {
        return new ParameterException(commandLine, message);
    }
}
