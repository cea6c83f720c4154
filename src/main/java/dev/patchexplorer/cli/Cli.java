package dev.patchexplorer.cli;

import dev.patchexplorer.model.ModelLoadException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headless entry: {@code java -jar patch-explorer.jar [--verbose] <command> [--option value]...}.
 * Decides the exit status in one place: 0 done; 2 bad input, as one line on stderr; 1 anything
 * unexpected, as one line naming the log file, which gets the stack trace.
 */
public final class Cli {
    private static final Logger LOG = Logger.getLogger(Cli.class.getName());

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Optional<Path> logFile;

    public Cli(List<Command> commands) {
        this(commands, Optional.empty());
    }

    private Cli(List<Command> commands, Optional<Path> logFile) {
        commands.forEach(c -> this.commands.put(c.name(), c));
        this.logFile = logFile;
    }

    /** The commands this build ships. */
    public static Cli standard() {
        return new Cli(List.of(new TradeoffsCommand(), new AnalyzeCommand(), new RfCommand(), new ErfCommand(),
                new SweepCommand(), new QuadtreeCommand(), new SegmentsCommand(), new ReconstructCommand(),
                new TokensCommand(), new TomeCommand(), new PermuteCommand(), new RenderCommand()));
    }

    /** The same commands, telling the user where the details of a failure went. */
    public Cli withLogFile(Path file) {
        return new Cli(List.copyOf(commands.values()), Optional.of(file));
    }

    /** True for a word this CLI answers: a command or a request for help. */
    public boolean knows(String word) {
        return commands.containsKey(word) || isHelp(word);
    }

    /** The word that picks the command: the first argument after the global flags, if any. */
    public static Optional<String> commandWord(String[] args) {
        List<String> rest = GlobalFlags.withoutLeading(args);
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest.get(0));
    }

    /** Runs one command; never throws, returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = GlobalFlags.withoutLeading(args);
        if (words.isEmpty() || isHelp(words.get(0))) {
            Usage.overview(commands.values(), logFile, out);
            return 0;
        }
        Command c = commands.get(words.get(0));
        if (c == null) {
            err.println("patch-explorer: unknown command '" + words.get(0) + "' (known: "
                    + String.join(", ", commands.keySet()) + "; see --help)");
            return 2;
        }
        List<String> rest = words.subList(1, words.size());
        if (GlobalFlags.asksForHelp(rest)) {
            Usage.command(c, logFile, out);
            return 0;
        }
        String prefix = "patch-explorer " + c.name() + ": ";
        try {
            return c.run(Options.parse(rest, c.options()), out);
        } catch (UsageException e) {
            err.println(prefix + oneLine(e.getMessage()));
            return 2;
        } catch (ModelLoadException e) {
            // the model folder or the request does not suit the model: the user's input, not our failure
            LOG.log(Level.INFO, prefix + "model refused", e);
            err.println(prefix + oneLine(e.getMessage()));
            return 2;
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, prefix + "failed", e);
            err.println(prefix + failure(e) + details());
            return 1;
        }
    }

    private static boolean isHelp(String word) {
        return word.equals("--help") || word.equals("-h") || word.equals("help");
    }

    /** What failed, in words: the message if there is one, else what kind of failure. */
    private static String failure(Throwable e) {
        if (e instanceof OutOfMemoryError) return "ran out of memory (try a smaller --size or a larger -Xmx)";
        String message = e.getMessage();
        return message == null || message.isBlank() ? "failed unexpectedly" : "failed: " + oneLine(message);
    }

    private String details() {
        return logFile.map(f -> "; details in " + f).orElse("; run again with --verbose for details");
    }

    private static String oneLine(String message) {
        if (message == null) return "";
        return message.lines().findFirst().orElse("").strip();
    }
}
