package org.gn4j.bench.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One-line messages for I/O errors: what was being done, with which option's path, and the operating system's
 * reason, e.g. {@code cannot read --data /x/nope.csv: no such file or directory}.
 */
final class IoErrors {
    /** Options whose paths a command writes. */
    private static final Set<String> WRITTEN = Set.of("--metrics", "--checkpoint", "--out", "--dir", "--csv");
    /** Options whose paths a command reads. */
    private static final Set<String> READ = Set.of("--data", "--data-dir", "--resume");

    private IoErrors() {
    }

    /** The operating system's reason of a file-system error, in words. */
    static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        String r = e.getReason();
        return r != null ? r.toLowerCase(Locale.ROOT) : e.getClass().getSimpleName();
    }

    /**
     * The message for {@code e} raised while running the command of {@code parse}: a file-system error names the
     * option whose path (or a file inside whose folder) failed, what was being done with it and the reason; other
     * I/O errors keep their message (which names the file), or their type when they have none.
     */
    static String message(IOException e, ParseResult parse) {
        if (!(e instanceof FileSystemException fse) || fse.getFile() == null) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        Path file = Path.of(fse.getFile());
        String other = fse.getOtherFile() != null ? " (to " + fse.getOtherFile() + ")" : "";
        String reason = reason(fse);
        if (parse != null) {
            for (ArgSpec arg : args(parse)) {
                Object value = arg.getValue();
                if (!(value instanceof Path p)) {
                    continue;
                }
                String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
                String verb = WRITTEN.contains(name) ? "cannot write " : READ.contains(name) || !arg.isOption()
                        ? "cannot read " : "cannot use ";
                if (CommandPaths.same(p, file)) {
                    return verb + name + " " + file + other + ": " + reason;
                }
                Path abs = p.toAbsolutePath().normalize();
                if (file.toAbsolutePath().normalize().startsWith(abs)) {
                    return verb + file + other + " (in " + name + " " + p + "): " + reason;
                }
            }
        }
        return "cannot access " + file + other + ": " + reason;
    }

    private static List<ArgSpec> args(ParseResult parse) {
        ParseResult sub = parse;
        while (sub.hasSubcommand()) {
            sub = sub.subcommand();
        }
        return sub.matchedArgs();
    }
}
