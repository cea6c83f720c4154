package dev.patchexplorer.app;

import dev.patchexplorer.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppArgumentsTest {
    @TempDir
    Path tmp;

    @Test
    void modelsFoldersInOrderAndAnImage() throws IOException, UsageException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Path c = Files.createDirectories(tmp.resolve("c"));
        Path image = Files.write(tmp.resolve("cat.png"), new byte[1]);
        AppArguments args = AppArguments.parse(List.of("--verbose", "--models", a.toString(), image.toString(),
                "--models=" + b + File.pathSeparator + c));
        assertEquals(List.of(a, b, c), args.modelFolders());
        assertEquals(Optional.of(image), args.image());
        assertEquals(List.of(), AppArguments.parse(List.of()).modelFolders());
    }

    @Test
    void aMissingFolderOrValueOrAnUnknownOptionIsRefused() {
        assertTrue(assertThrows(UsageException.class, () -> AppArguments.parse(List.of("--models")))
                .getMessage().contains("needs a folder"));
        assertTrue(assertThrows(UsageException.class, () -> AppArguments.parse(List.of("--models", tmp.resolve("typo").toString())))
                .getMessage().contains("models folder not found"));
        assertTrue(assertThrows(UsageException.class, () -> AppArguments.parse(List.of("--model", "x")))
                .getMessage().contains("unknown option --model"));
    }
}
