package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's own conventions, over every subcommand: each option that takes a value states its default in
 * its help (or says it has none), every value has a named placeholder (UPPER-CASE names, {@code a|b} for fixed
 * choices; never picocli's {@code <field>}), and the top-level description names every subcommand.
 */
class CliConventionsTest {

    /** Every command of the tree, the root included. */
    static List<CommandLine> commands() {
        List<CommandLine> out = new ArrayList<>();
        collect(Gn4jCommand.commandLine(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                collect(sub, out);
            }
        }
    }

    private static String name(CommandSpec spec) {
        return spec.qualifiedName(" ");
    }

    @Test
    void everyOptionWithAValueStatesItsDefault() {
        List<String> missing = new ArrayList<>();
        for (CommandLine cl : commands()) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp() || o.arity().max() == 0 || o.required()) {
                    continue;
                }
                String text = String.join(" ", o.description()).toLowerCase(Locale.ROOT);
                if (!text.contains("default")) {
                    missing.add(name(cl.getCommandSpec()) + " " + o.longestName());
                }
            }
        }
        assertEquals(List.of(), missing, "options whose help states no default");
    }

    @Test
    void everyValueHasANamedPlaceholder() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cl : commands()) {
            List<ArgSpec> args = new ArrayList<>(cl.getCommandSpec().options());
            args.addAll(cl.getCommandSpec().positionalParameters());
            for (ArgSpec a : args) {
                if (a instanceof OptionSpec o && (o.arity().max() == 0 || o.usageHelp() || o.versionHelp())) {
                    continue;
                }
                if (a instanceof PositionalParamSpec p && cl.getCommandName().equals("jmh")) {
                    continue;
                }
                String label = a.paramLabel();
                if (label.startsWith("<") || !label.matches("[A-Za-z0-9.,|_-]+")) {
                    bad.add(name(cl.getCommandSpec()) + " " + (a instanceof OptionSpec o ? o.longestName() : "")
                            + " " + label);
                }
            }
        }
        assertEquals(List.of(), bad, "placeholders that are not NAME or a|b");
    }

    @Test
    void theTopLevelDescriptionNamesEverySubcommand() {
        CommandLine root = Gn4jCommand.commandLine();
        String text = String.join(" ", root.getCommandSpec().usageMessage().description());
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help") && !text.contains(e.getKey())) {
                absent.add(e.getKey());
            }
        }
        assertEquals(List.of(), absent, "subcommands the description of gn4j leaves out: " + text);
        assertTrue(String.join(" ", root.getSubcommands().get("demo").getCommandSpec().usageMessage().description())
                .contains("45 s"), "demo states its time");
    }
}
