package dev.patchexplorer.model.catalog;

import dev.patchexplorer.model.catalog.LocalModelServer.Mode;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads a ViT checkpoint (the tests' tiny one) from a local server that behaves well or badly on purpose. */
class ModelDownloaderTest {
    @TempDir
    Path cacheRoot;
    @TempDir
    Path served;

    private Path localModel;
    private LocalModelServer server;
    private ModelCache cache;
    private CatalogEntry entry;
    private ModelDownloader downloader;
    private final List<DownloadProgress> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        localModel = TinyCheckpoints.vit(served.resolve(TestCatalogEntries.VIT_TINY));
        server = new LocalModelServer(localModel);
        cache = new ModelCache(cacheRoot);
        entry = TestCatalogEntries.vitTinyAt(server, localModel);
        downloader = new ModelDownloader(cache);
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.close(); // null when setup stopped early
    }

    @Test
    void downloadsAByteIdenticalVerifiedCopyIntoTheCache() throws IOException {
        ModelFolder folder = downloader.download(entry, events::add, () -> false);

        assertEquals(cache.folderFor(entry), folder.folder());
        assertEquals(-1, Files.mismatch(localModel.resolve(RemoteFile.WEIGHTS), folder.weights()));
        assertEquals(-1, Files.mismatch(localModel.resolve(RemoteFile.CONFIG), folder.config()));
        assertTrue(cache.isCached(entry));
        assertFalse(Files.exists(cache.stagingFolderFor(entry)), "staging folder is cleaned up");
    }

    @Test
    void progressOfEachFileOnlyGrowsAndEndsAtItsTotal() throws IOException {
        downloader.download(entry, events::add, () -> false);

        for (String file : List.of(RemoteFile.CONFIG, RemoteFile.WEIGHTS)) {
            List<DownloadProgress> ofFile = events.stream().filter(p -> p.fileName().equals(file)).toList();
            assertFalse(ofFile.isEmpty(), "events for " + file);
            for (int i = 1; i < ofFile.size(); i++) {
                assertTrue(ofFile.get(i).bytesDone() >= ofFile.get(i - 1).bytesDone(), file + " progress went back");
            }
            DownloadProgress last = ofFile.get(ofFile.size() - 1);
            assertEquals(last.bytesTotal(), last.bytesDone());
            assertEquals(1.0, last.fraction());
        }
        DownloadProgress last = events.get(events.size() - 1);
        assertEquals(RemoteFile.WEIGHTS, last.fileName());
        assertEquals(2, last.fileNumber());
        assertEquals(2, last.fileCount());
        assertEquals(server.weightsLength(), last.bytesTotal());
    }

    @Test
    void aSecondRequestForACachedModelDownloadsNothing() throws IOException {
        downloader.download(entry, DownloadListener.NONE, () -> false);
        int requests = server.weightsRanges.size();

        downloader.download(entry, DownloadListener.NONE, () -> false);

        assertEquals(requests, server.weightsRanges.size());
    }

    @Test
    void aDroppedConnectionIsReportedThenResumedWithARangeRequest() throws IOException {
        server.mode(Mode.DROP_HALFWAY);

        DownloadException failure = assertThrows(DownloadException.class,
                () -> downloader.download(entry, DownloadListener.NONE, () -> false));
        assertTrue(failure.canResume(), failure.getMessage());
        assertTrue(failure.getMessage().contains("stopped after"), failure.getMessage());
        assertFalse(cache.isCached(entry));
        long kept = Files.size(partFile());
        assertTrue(kept > 0 && kept <= server.weightsLength() / 2, "kept a prefix of " + kept + " bytes");

        downloader.download(entry, events::add, () -> false);

        assertEquals("bytes=" + kept + "-", server.weightsRanges.get(server.weightsRanges.size() - 1));
        assertEquals(kept, firstWeightsEvent().bytesDone(), "progress starts where the last attempt stopped");
        assertEquals(-1, Files.mismatch(localModel.resolve(RemoteFile.WEIGHTS), cache.folderFor(entry).resolve(RemoteFile.WEIGHTS)));
    }

    @Test
    void aResumeSurvivesTheRedirectToACdnThatTheHubUses() throws IOException {
        server.mode(Mode.DROP_HALFWAY);
        assertThrows(DownloadException.class, () -> downloader.download(entry, DownloadListener.NONE, () -> false));
        long kept = Files.size(partFile());
        server.mode(Mode.REDIRECT_TO_CDN);

        downloader.download(entry, events::add, () -> false);

        assertEquals("bytes=" + kept + "-", server.weightsRanges.get(server.weightsRanges.size() - 1),
                "the Range header reached the CDN");
        assertEquals(-1, Files.mismatch(localModel.resolve(RemoteFile.WEIGHTS), cache.folderFor(entry).resolve(RemoteFile.WEIGHTS)));
    }

    @Test
    void aPartFileThatIsAlreadyCompleteIsVerifiedWithoutDownloadingAgain() throws IOException {
        Files.createDirectories(partFile().getParent());
        Files.copy(localModel.resolve(RemoteFile.WEIGHTS), partFile());

        downloader.download(entry, events::add, () -> false);

        assertEquals("bytes=" + server.weightsLength() + "-", server.weightsRanges.get(0));
        assertTrue(cache.isCached(entry));
        assertEquals(-1, Files.mismatch(localModel.resolve(RemoteFile.WEIGHTS), cache.folderFor(entry).resolve(RemoteFile.WEIGHTS)));
    }

    @Test
    void aServerThatIgnoresRangeMakesTheDownloadRestartCleanly() throws IOException {
        server.mode(Mode.DROP_HALFWAY);
        assertThrows(DownloadException.class, () -> downloader.download(entry, DownloadListener.NONE, () -> false));
        long kept = Files.size(partFile());
        assertTrue(kept > 0 && kept <= server.weightsLength() / 2, "kept a prefix of " + kept + " bytes");
        server.mode(Mode.IGNORE_RANGE);

        downloader.download(entry, events::add, () -> false);

        assertEquals("bytes=" + kept + "-", server.weightsRanges.get(server.weightsRanges.size() - 1), "a resume was asked for");
        assertEquals(0, firstWeightsEvent().bytesDone(), "the whole file came again, from the start");
        assertEquals(-1, Files.mismatch(localModel.resolve(RemoteFile.WEIGHTS), cache.folderFor(entry).resolve(RemoteFile.WEIGHTS)));
    }

    @Test
    void aTruncatedFileIsRejectedWithItsSizes() {
        server.mode(Mode.TRUNCATED);

        DownloadException failure = assertThrows(DownloadException.class,
                () -> downloader.download(entry, DownloadListener.NONE, () -> false));

        assertEquals("The file is truncated: " + server.weightsLength() / 2 + " of " + server.weightsLength() + " bytes.",
                failure.getMessage());
        assertFalse(failure.canResume());
        assertFalse(Files.exists(partFile()), "a file the server called complete is not resumed");
        assertFalse(cache.isCached(entry));
    }

    @Test
    void anHtmlPageWithStatus200IsRejected() {
        for (Mode mode : List.of(Mode.HTML_PAGE, Mode.HTML_AS_BINARY)) {
            server.mode(mode);

            DownloadException failure = assertThrows(DownloadException.class,
                    () -> downloader.download(entry, DownloadListener.NONE, () -> false));

            assertTrue(failure.getMessage().startsWith("The server returned an HTML page instead of a safetensors file"),
                    mode + ": " + failure.getMessage());
            assertFalse(failure.canResume(), mode.toString());
            assertFalse(Files.exists(partFile()), mode + ": an error page is never kept");
            assertFalse(cache.isCached(entry));
        }
    }

    @Test
    void aMissingFileIsReportedAsNotFound() {
        server.mode(Mode.NOT_FOUND);

        DownloadException failure = assertThrows(DownloadException.class,
                () -> downloader.download(entry, DownloadListener.NONE, () -> false));

        assertEquals("The server has no file at " + server.uri(RemoteFile.WEIGHTS) + " (HTTP 404).", failure.getMessage());
        assertFalse(cache.isCached(entry));
    }

    @Test
    void cancellingMidDownloadLeavesNothingInTheCacheAndCanResumeLater() throws IOException {
        AtomicBoolean cancel = new AtomicBoolean();
        long aQuarter = server.weightsLength() / 4;
        DownloadListener cancelAfterAQuarter = p -> {
            if (p.fileName().equals(RemoteFile.WEIGHTS) && p.bytesDone() > aQuarter) cancel.set(true);
        };

        assertThrows(CancellationException.class, () -> downloader.download(entry, cancelAfterAQuarter, cancel::get));

        assertFalse(Files.exists(cache.folderFor(entry)), "no model folder in the cache");
        assertFalse(cache.isCached(entry));
        long kept = Files.size(partFile());
        assertTrue(kept > aQuarter && kept < server.weightsLength(), "kept " + kept);

        downloader.download(entry, events::add, () -> false);
        assertEquals(kept, firstWeightsEvent().bytesDone());
        assertTrue(cache.isCached(entry));
    }

    @Test
    void anInterruptedThreadCancelsTheDownload() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> downloader.download(entry, DownloadListener.NONE, () -> false));
            assertFalse(cache.isCached(entry));
        } finally {
            Thread.interrupted(); // leave the test thread clean
        }
    }

    private Path partFile() {
        return cache.stagingFolderFor(entry).resolve(RemoteFile.WEIGHTS + ".part");
    }

    private DownloadProgress firstWeightsEvent() {
        return events.stream().filter(p -> p.fileName().equals(RemoteFile.WEIGHTS)).findFirst().orElseThrow();
    }
}
