package dev.patchexplorer.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliHelpTest {
    private static final List<Command> COMMANDS = List.of(new TradeoffsCommand(), new AnalyzeCommand(), new RfCommand(), new ErfCommand());

    @Test
    void theOverviewListsEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}, {"help"}, {"--verbose", "--help"}}) {
            CliRun r = CliRun.standard(args);
            assertEquals(0, r.code(), r.toString());
            assertEquals("", r.err(), r.toString());
            assertTrue(r.out().startsWith("usage: patch-explorer"), r.out());
            for (Command c : COMMANDS) assertTrue(r.out().contains("  " + c.name() + " "), c.name() + " missing from\n" + r.out());
            assertTrue(r.out().contains("--verbose") && r.out().contains("Exit status"), r.out());
        }
    }

    @Test
    void everyCommandPrintsItsOptionsToStdout() {
        for (Command c : COMMANDS) {
            for (String help : List.of("--help", "-h")) {
                CliRun r = CliRun.standard(c.name(), help);
                assertEquals(0, r.code(), c.name() + " " + help + ": " + r);
                assertEquals("", r.err(), r.toString());
                assertTrue(r.out().startsWith("usage: patch-explorer " + c.name() + " [options]"), r.out());
                List<OptionSpec> all = new ArrayList<>(c.options());
                all.add(GlobalFlags.VERBOSE_SPEC);
                all.add(GlobalFlags.HELP_SPEC);
                for (OptionSpec s : all) {
                    String line = r.out().lines().filter(l -> l.startsWith("  " + s.synopsis() + " ")).findFirst().orElse("");
                    assertTrue(line.endsWith(s.description()), c.name() + ": no line for " + s.synopsis() + " in\n" + r.out());
                    assertFalse(s.description().isBlank(), s.toString());
                }
            }
        }
    }

    @Test
    void helpWinsOverOtherOptionsEvenBadOnes() {
        // the bug this replaced: "option --help needs a value"
        CliRun r = CliRun.standard("tradeoffs", "--patch", "0", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("--edge crop|pad"), r.out());
    }

    @Test
    void everyListedOptionIsAcceptedByTheParser() throws UsageException {
        for (Command c : COMMANDS) {
            for (OptionSpec s : c.options()) {
                List<String> args = s.isFlag() ? List.of("--" + s.name()) : List.of("--" + s.name(), "x");
                assertTrue(Options.parse(args, c.options()).has(s.name()), c.name() + " --" + s.name());
            }
            assertTrue(Options.parse(List.of("--verbose"), c.options()).has(GlobalFlags.VERBOSE), c.name() + " takes --verbose");
        }
    }

    @Test
    void modelCommandsShareTheOneModelAndPatchOptions() {
        for (Command c : List.of(new AnalyzeCommand(), new ErfCommand())) {
            for (OptionSpec shared : List.of(CommonOptions.MODEL, CommonOptions.MODELS, CommonOptions.IMAGE, CommonOptions.MODE,
                    CommonOptions.SIZE, CommonOptions.PATCH)) {
                assertTrue(c.options().contains(shared), c.name() + " lacks the shared " + shared.synopsis());
            }
        }
        assertTrue(new RfCommand().options().containsAll(List.of(CommonOptions.MODEL, CommonOptions.MODELS)));
    }
}
