package dev.patchexplorer.model.catalog;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A real HTTP server on 127.0.0.1 that answers every request with one status and a short plain
 * text body, as a hub in trouble would (503 during an outage, 403 for a gated model).
 */
public final class StatusServer implements AutoCloseable {
    private final HttpServer server;

    public StatusServer(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The server's root, to stand in for the hub. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** An address on 127.0.0.1 where nothing listens: a server started and stopped at once leaves its port closed. */
    public static URI closedEndpoint() throws IOException {
        try (StatusServer gone = new StatusServer(200)) {
            return gone.endpoint();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
