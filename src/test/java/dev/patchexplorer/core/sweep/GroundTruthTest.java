package dev.patchexplorer.core.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** True classes from ImageNet class folders and from file,label CSVs. */
class GroundTruthTest {
    @TempDir
    Path dir;

    @Test
    void theWordNetListHasTheThousandImageNetClassesInIndexOrder() {
        List<String> ids = ImageNetSynsets.all();
        assertEquals(1000, ids.size());
        assertEquals("n01440764", ids.get(0)); // tench
        assertEquals("n15075141", ids.get(999)); // toilet tissue
        assertEquals(1000, ids.stream().distinct().count());
        assertTrue(ClassNames.imageNet().name(0).startsWith("tench"));
    }

    @Test
    void classesAreNamedByWordNetIdWholeNameOrUnambiguousSynonym() {
        ClassNames c = ClassNames.imageNet();
        assertEquals(0, c.ofFolderName("n01440764").getAsInt());
        assertEquals(0, c.ofFolderName("tench").getAsInt());
        assertEquals(0, c.ofFolderName("Tinca_tinca").getAsInt());
        assertEquals(1, c.ofLabel("goldfish").getAsInt());
        assertEquals(281, c.ofLabel("281").getAsInt());
        assertEquals(281, c.ofLabel("tabby, tabby cat").getAsInt());
        assertTrue(c.ofLabel("crane").isEmpty(), "two classes are called crane");
        assertTrue(c.ofLabel("1000").isEmpty());
        assertTrue(c.ofFolderName("n99999999").isEmpty());
        assertTrue(c.ofFolderName("holiday photos").isEmpty());
    }

    @Test
    void classFoldersGiveEachPictureItsParentsClass() throws IOException {
        Path tench = Files.createDirectories(dir.resolve("n01440764"));
        Path goldfish = Files.createDirectories(dir.resolve("goldfish"));
        Path a = Files.writeString(tench.resolve("a.png"), "");
        Path b = Files.writeString(goldfish.resolve("b.jpg"), "");
        Files.writeString(dir.resolve("loose.png"), "");
        Files.writeString(goldfish.resolve("notes.txt"), "");
        ImageFolder.Listing l = ImageFolder.list(dir, ClassNames.imageNet());
        assertTrue(l.classFolders());
        assertEquals(List.of(dir.resolve("loose.png"), b, a), l.images());
        GroundTruth t = GroundTruth.fromClassFolders(l.images(), ClassNames.imageNet());
        assertEquals(0, t.classOf(a));
        assertEquals(1, t.classOf(b));
        assertEquals(SweepRow.UNKNOWN, t.classOf(dir.resolve("loose.png")));
        assertEquals(2, t.labelled(l.images()));
    }

    @Test
    void subfoldersThatAreNotAllClassesAreNotSearched() throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("n01440764")).resolve("a.png"), "");
        Files.writeString(Files.createDirectories(dir.resolve("holidays")).resolve("b.png"), "");
        Files.writeString(dir.resolve("c.png"), "");
        ImageFolder.Listing l = ImageFolder.list(dir, ClassNames.imageNet());
        assertFalse(l.classFolders());
        assertEquals(List.of(dir.resolve("c.png")), l.images());
    }

    @Test
    void aCsvNamesFilesRelativeToItselfOrByBareName() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("pics"));
        Path csv = dir.resolve("truth.csv");
        Files.writeString(csv, "file,label\npics/a.png,281\nb.png,\"tabby, tabby cat\"\n\npics/c.png,n01443537\n", StandardCharsets.UTF_8);
        GroundTruth t = GroundTruth.fromCsv(csv, ClassNames.imageNet());
        assertEquals(281, t.classOf(sub.resolve("a.png")));
        assertEquals(281, t.classOf(dir.resolve("elsewhere").resolve("b.png")));
        assertEquals(1, t.classOf(sub.resolve("c.png")));
        assertEquals(SweepRow.UNKNOWN, t.classOf(sub.resolve("d.png")));
        // a picture known only by name (a URI elsewhere): only a bare name in the CSV names it
        assertEquals(281, t.classOfFileName("b.png"));
        assertEquals(SweepRow.UNKNOWN, t.classOfFileName("a.png"));
        // the CSV wins over a class folder for the images it names
        GroundTruth folders = GroundTruth.fromClassFolders(List.of(sub.resolve("a.png"), sub.resolve("d.png")),
                new ClassNames(List.of("x", "pics")));
        assertEquals(281, t.or(folders).classOf(sub.resolve("a.png")));
        assertEquals(1, t.or(folders).classOf(sub.resolve("d.png")));
    }

    @Test
    void badCsvLinesAreNamed() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a.png,281\nb.png,no such class\n");
        var e = assertThrows(GroundTruth.LabelsException.class, () -> GroundTruth.fromCsv(csv, ClassNames.imageNet()));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Files.writeString(csv, "a.png,281\na.png,3\n");
        assertThrows(GroundTruth.LabelsException.class, () -> GroundTruth.fromCsv(csv, ClassNames.imageNet()));
        Files.writeString(csv, "a.png\n");
        assertThrows(GroundTruth.LabelsException.class, () -> GroundTruth.fromCsv(csv, ClassNames.imageNet()));
        assertThrows(GroundTruth.LabelsException.class, () -> GroundTruth.fromCsv(dir.resolve("missing.csv"), ClassNames.imageNet()));
    }

    @Test
    void aRowIsJudgedByItsTopOneAndTopFive() {
        SweepRow r = ConfidenceIntervalsTest.row("a", 16, 0, 1, 7);
        assertEquals(1, r.correctTop1());
        assertEquals(1, r.correctTop5());
        SweepRow second = r.judged(3);
        assertEquals(0, second.correctTop1());
        assertEquals(1, second.correctTop5());
        SweepRow none = r.judged(9);
        assertEquals(0, none.correctTop5());
        assertFalse(r.judged(SweepRow.UNKNOWN).labelled());
    }
}
