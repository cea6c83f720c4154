package dev.patchexplorer.app;

import dev.patchexplorer.cli.Cli;
import dev.patchexplorer.cli.Command;
import dev.patchexplorer.cli.OptionSpec;
import dev.patchexplorer.cli.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's wiring of the CLI to the log: one line on stderr, the stack trace in the file it names. */
class CliFailureLogTest {
    @TempDir Path temp;

    @AfterEach
    void stopLogging() {
        Logging.uninstall();
    }

    @Test
    void anUnexpectedFailureLeavesItsStackTraceInTheNamedFile() throws Exception {
        Logging.install(temp);
        Path file = Logging.file().orElseThrow();
        Cli cli = new Cli(List.of(new Command() {
            @Override public String name() { return "grid"; }
            @Override public String summary() { return "fails"; }
            @Override public List<OptionSpec> options() { return List.of(); }
            @Override public int run(Options o, PrintStream out) { throw new ArithmeticException("/ by zero"); }
        })).withLogFile(file);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.run(new String[] {"grid"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, code);
        assertEquals("patch-explorer grid: failed: / by zero; details in " + file + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        String log = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(log.contains("SEVERE") && log.contains("patch-explorer grid: failed"), log);
        assertTrue(log.contains("java.lang.ArithmeticException: / by zero") && log.contains("\tat "), "stack trace in the file:\n" + log);
    }
}
