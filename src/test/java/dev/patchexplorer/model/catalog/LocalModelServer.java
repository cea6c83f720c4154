package dev.patchexplorer.model.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 serving a model folder's files, with switchable misbehaviour
 * for model.safetensors (config.json is always served properly, so each test reaches the big file).
 */
public final class LocalModelServer implements AutoCloseable {
    /** SLOW serves properly but at a trickle, so that a person (or a robot) can press Cancel mid-way. */
    public enum Mode { NORMAL, REDIRECT_TO_CDN, DROP_HALFWAY, IGNORE_RANGE, TRUNCATED, HTML_PAGE, HTML_AS_BINARY, NOT_FOUND, SLOW }

    static final String ETAG = "\"weights-v1\"";
    private static final int SLOW_STEPS = 300;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final byte[] config;
    private final byte[] weights;
    private volatile Mode mode = Mode.NORMAL;
    /** The Range header of every weights request, or "" when there was none. */
    public final List<String> weightsRanges = new CopyOnWriteArrayList<>();

    public LocalModelServer(Path modelFolder) throws IOException {
        config = Files.readAllBytes(modelFolder.resolve(RemoteFile.CONFIG));
        weights = Files.readAllBytes(modelFolder.resolve(RemoteFile.WEIGHTS));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** The server's root, to stand in for the hub: any path ending in a file name serves that file. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI uri(String fileName) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/timm/test-model/resolve/main/" + fileName);
    }

    public int weightsLength() {
        return weights.length;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/cdn/")) {
                // the hub answers file requests with a redirect to a CDN; that end serves properly
                String range = exchange.getRequestHeaders().getFirst("Range");
                weightsRanges.add(range == null ? "" : range);
                serveNormally(exchange, range);
            } else if (path.endsWith("/" + RemoteFile.CONFIG)) {
                send(exchange, 200, "application/json", config, 0, config.length);
            } else if (path.endsWith("/" + RemoteFile.WEIGHTS)) {
                String range = exchange.getRequestHeaders().getFirst("Range");
                if (mode != Mode.REDIRECT_TO_CDN) weightsRanges.add(range == null ? "" : range);
                serveWeights(exchange, range);
            } else {
                send(exchange, 404, "text/plain", bytes("Entry not found"), 0, 15);
            }
        } finally {
            exchange.close();
        }
    }

    private void serveWeights(HttpExchange exchange, String range) throws IOException {
        switch (mode) {
            case NOT_FOUND -> send(exchange, 404, "text/plain", bytes("Entry not found"), 0, 15);
            case HTML_PAGE -> sendHtml(exchange, "text/html; charset=utf-8");
            case HTML_AS_BINARY -> sendHtml(exchange, "application/octet-stream");
            case TRUNCATED -> send(exchange, 200, "application/octet-stream", weights, 0, weights.length / 2);
            case IGNORE_RANGE -> send(exchange, 200, "application/octet-stream", weights, 0, weights.length);
            case DROP_HALFWAY -> {
                if (range != null) {
                    serveRange(exchange, range);
                } else {
                    dropHalfway(exchange);
                }
            }
            case REDIRECT_TO_CDN -> {
                exchange.getResponseHeaders().set("Location", "/cdn/" + RemoteFile.WEIGHTS + "?signature=abc");
                exchange.sendResponseHeaders(302, -1);
            }
            case NORMAL -> serveNormally(exchange, range);
            case SLOW -> serveSlowly(exchange, range);
        }
    }

    /** Honours Range unless If-Range names another version of the file. */
    private void serveNormally(HttpExchange exchange, String range) throws IOException {
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(ETAG))) {
            serveRange(exchange, range);
        } else {
            send(exchange, 200, "application/octet-stream", weights, 0, weights.length);
        }
    }

    private void serveRange(HttpExchange exchange, String range) throws IOException {
        Matcher m = RANGE.matcher(range);
        int from = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (from >= weights.length) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + weights.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (weights.length - 1) + "/" + weights.length);
        send(exchange, 206, "application/octet-stream", weights, from, weights.length - from);
    }

    /**
     * Like NORMAL (Range honoured) but paced: a 1/300 of the file every 10 ms, so about three seconds
     * for any file size (the tests' tiny checkpoint as the real ViT-Ti), long enough to press Cancel.
     */
    private void serveSlowly(HttpExchange exchange, String range) throws IOException {
        Matcher m = range == null ? null : RANGE.matcher(range);
        int from = m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
        headers(exchange, "application/octet-stream");
        if (from > 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (weights.length - 1) + "/" + weights.length);
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, weights.length - from);
        try (OutputStream out = exchange.getResponseBody()) {
            int step = Math.max(1024, (weights.length + SLOW_STEPS - 1) / SLOW_STEPS);
            for (int at = from; at < weights.length; at += step) {
                out.write(weights, at, Math.min(step, weights.length - at));
                out.flush();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Promises the whole file, sends half, then breaks the connection as a failing network would. */
    private void dropHalfway(HttpExchange exchange) throws IOException {
        headers(exchange, "application/octet-stream");
        exchange.sendResponseHeaders(200, weights.length);
        OutputStream out = exchange.getResponseBody();
        out.write(weights, 0, weights.length / 2);
        out.flush();
        // an exception out of the handler makes the server close the socket mid-body
        throw new IOException("test server dropped the connection on purpose");
    }

    private void sendHtml(HttpExchange exchange, String contentType) throws IOException {
        byte[] page = bytes("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in.</body></html>\n");
        send(exchange, 200, contentType, page, 0, page.length);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] data, int from, int length)
            throws IOException {
        headers(exchange, contentType);
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(data, from, length);
        }
    }

    private static void headers(HttpExchange exchange, String contentType) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("ETag", ETAG);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
