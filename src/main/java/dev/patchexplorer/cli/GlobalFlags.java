package dev.patchexplorer.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flags every command and the window accept: {@code --verbose} may come before the command or
 * among its options. The launcher reads it before anything logs; the parser then ignores it.
 */
public final class GlobalFlags {
    public static final String VERBOSE = "verbose";
    static final OptionSpec VERBOSE_SPEC = OptionSpec.flag(VERBOSE,
            "also show engine log lines (DJL, PyTorch) on stderr; the log file always has them");
    static final OptionSpec HELP_SPEC = OptionSpec.flag("help", "show this help and exit (also -h)");
    static final List<OptionSpec> SPECS = List.of(VERBOSE_SPEC);

    private GlobalFlags() {}

    /** True when {@code --verbose} is anywhere on the command line. */
    public static boolean verbose(String[] args) {
        return Arrays.asList(args).contains("--" + VERBOSE);
    }

    /** The arguments without the global flags that come before the command word. */
    static List<String> withoutLeading(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty() && rest.get(0).equals("--" + VERBOSE)) rest.remove(0);
        return rest;
    }

    /** {@code --help} or {@code -h} among a command's arguments. */
    static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }
}
