package dev.patchexplorer.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Headless entry: {@code java -jar patch-explorer.jar <command> [--option value]...}. */
public final class Cli {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** The commands this build ships. */
    public static Cli standard() {
        return new Cli(List.of(new TradeoffsCommand(), new AnalyzeCommand(), new RfCommand(), new ErfCommand()));
    }

    public boolean knows(String command) {
        return commands.containsKey(command) || command.equals("--help") || command.equals("help");
    }

    /** Runs one command; never throws, returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println("usage: patch-explorer <command> [options]   (no command opens the window)");
            commands.values().forEach(c -> out.printf("  %-10s %s%n", c.name(), c.summary()));
            return 0;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("patch-explorer: unknown command '" + args[0] + "' (known: "
                    + String.join(", ", commands.keySet()) + ")");
            return 2;
        }
        try {
            return c.run(Arrays.asList(args).subList(1, args.length), out);
        } catch (UsageException e) {
            err.println("patch-explorer " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("patch-explorer " + c.name() + ": " + msg.lines().findFirst().orElse(msg));
            return 1;
        }
    }
}
