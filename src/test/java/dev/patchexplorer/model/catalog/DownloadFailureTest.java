package dev.patchexplorer.model.catalog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed download says which kind of failure it was, against real sockets on 127.0.0.1: a closed
 * port, servers answering 503, 404, 403 and 407, and a name that cannot be looked up; and the
 * failure goes to the log with its address and exception.
 */
class DownloadFailureTest {
    private static final String VIT = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    @TempDir
    Path cacheRoot;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger downloaderLog = Logger.getLogger(ModelDownloader.class.getName());
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) { logged.add(r); }
        @Override public void flush() { }
        @Override public void close() { }
    };

    @BeforeEach
    void captureLog() {
        downloaderLog.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        downloaderLog.removeHandler(capture);
    }

    /** Downloads the bundled ViT-Ti entry from {@code endpoint} and returns how it failed. */
    private DownloadException failureFrom(URI endpoint) {
        ModelCache cache = new ModelCache(cacheRoot);
        CatalogEntry entry = ModelCatalog.bundled().withHubEndpoint(endpoint).find(VIT).orElseThrow();
        DownloadException e = assertThrows(DownloadException.class,
                () -> new ModelDownloader(cache).download(entry, DownloadListener.NONE, () -> false));
        assertFalse(cache.isCached(entry));
        return e;
    }

    private static URI config(URI endpoint) {
        return endpoint.resolve("timm/" + VIT + "/resolve/main/config.json");
    }

    @Test
    void aClosedPortIsNoConnectionAndIsLoggedWithItsAddressAndException() throws IOException {
        URI closed = StatusServer.closedEndpoint();
        DownloadException e = failureFrom(closed);

        assertEquals(DownloadFailure.NO_CONNECTION, e.failure());
        assertEquals(config(closed), e.uri().orElseThrow());
        assertEquals(0, e.httpStatus());
        assertEquals("Could not download " + config(closed)
                + ": nothing answered at that address (no connection, or a firewall).", e.getMessage());

        LogRecord record = logged.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
        assertTrue(record.getMessage().contains(config(closed).toString()), record.getMessage());
        assertTrue(record.getMessage().contains("NO_CONNECTION"), record.getMessage());
        assertInstanceOf(DownloadException.class, record.getThrown());
        assertInstanceOf(ConnectException.class, record.getThrown().getCause());
    }

    @Test
    void aServerAnswering503IsAServerError() throws IOException {
        try (StatusServer server = new StatusServer(503)) {
            DownloadException e = failureFrom(server.endpoint());
            assertEquals(DownloadFailure.SERVER_ERROR, e.failure());
            assertEquals(503, e.httpStatus());
            assertEquals("The server answered HTTP 503 for " + config(server.endpoint()) + ".", e.getMessage());
        }
    }

    @Test
    void eachStatusNamesItsOwnFailure() throws IOException {
        int[] statuses = {404, 403, 401, 407, 500, 418};
        DownloadFailure[] expected = {DownloadFailure.NOT_FOUND, DownloadFailure.ACCESS_DENIED, DownloadFailure.ACCESS_DENIED,
                DownloadFailure.PROXY, DownloadFailure.SERVER_ERROR, DownloadFailure.HTTP_STATUS};
        for (int i = 0; i < statuses.length; i++) {
            try (StatusServer server = new StatusServer(statuses[i])) {
                DownloadException e = failureFrom(server.endpoint());
                assertEquals(expected[i], e.failure(), "HTTP " + statuses[i]);
                assertEquals(statuses[i], e.httpStatus());
            }
        }
    }

    @Test
    void aNameThatCannotBeLookedUpIsUnknownHost() {
        // .invalid is reserved (RFC 2606): no resolver anywhere answers for it
        DownloadException e = failureFrom(URI.create("http://no-such-hub.invalid/"));
        assertEquals(DownloadFailure.UNKNOWN_HOST, e.failure());
    }
}
