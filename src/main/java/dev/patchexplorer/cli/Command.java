package dev.patchexplorer.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless sub-command, e.g. {@code tradeoffs}. Prints JSON to {@code out}. */
public interface Command {
    String name();

    /** One line shown by {@code --help}. */
    String summary();

    /**
     * @return the process exit code (0 on success)
     * @throws UsageException for bad options or impossible values; the CLI prints its message as one line
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
