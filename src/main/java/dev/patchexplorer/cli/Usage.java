package dev.patchexplorer.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;

/** The text of {@code --help}: the command list, and each command's options with one line each. */
final class Usage {
    static final String EXIT_CODES =
            "Exit status: 0 done; 2 bad input (one line on stderr); 1 internal failure (one line naming the log file).";

    private Usage() {}

    static void overview(Collection<Command> commands, Optional<Path> logFile, PrintStream out) {
        out.println("usage: patch-explorer [--verbose] <command> [options]");
        out.println("       patch-explorer [--verbose] [--models DIR] [IMAGE]     (no command: opens the window)");
        out.println();
        out.println("Commands:");
        commands.forEach(c -> out.printf("  %-10s %s%n", c.name(), c.summary()));
        out.println();
        out.println("Run 'patch-explorer <command> --help' for a command's options.");
        out.println("  " + GlobalFlags.VERBOSE_SPEC.synopsis() + "  " + GlobalFlags.VERBOSE_SPEC.description());
        out.println("  --version  print the version and exit");
        footer(logFile, out);
    }

    static void command(Command c, Optional<Path> logFile, PrintStream out) {
        out.println("usage: patch-explorer " + c.name() + " [options]");
        out.println(c.summary());
        out.println();
        out.println("Options:");
        List<OptionSpec> all = new ArrayList<>(c.options());
        all.add(GlobalFlags.VERBOSE_SPEC);
        all.add(GlobalFlags.HELP_SPEC);
        int width = all.stream().mapToInt(s -> s.synopsis().length()).max().orElse(0);
        for (OptionSpec s : all) out.printf("  %-" + width + "s  %s%n", s.synopsis(), s.description());
        footer(logFile, out);
    }

    private static void footer(Optional<Path> logFile, PrintStream out) {
        out.println();
        out.println(EXIT_CODES);
        logFile.ifPresent(f -> out.println("Log file: " + f));
    }
}
