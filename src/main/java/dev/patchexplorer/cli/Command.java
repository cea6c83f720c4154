package dev.patchexplorer.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless sub-command, e.g. {@code tradeoffs}. Prints JSON to {@code out}. */
public interface Command {
    String name();

    /** One line shown in the command list of {@code patch-explorer --help}. */
    String summary();

    /** The options it accepts, in the order {@code --help} lists them. */
    List<OptionSpec> options();

    /**
     * @param options already checked against {@link #options()}
     * @return the process exit code (0 on success)
     * @throws UsageException for impossible values; the CLI prints its message as one line and exits 2
     */
    int run(Options options, PrintStream out) throws Exception;
}
