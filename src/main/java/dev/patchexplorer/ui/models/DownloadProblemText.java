package dev.patchexplorer.ui.models;

import dev.patchexplorer.model.catalog.DownloadException;
import dev.patchexplorer.model.catalog.DownloadFailure;
import dev.patchexplorer.ui.Messages;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * Puts a failed download into words: what happened (no connection, a proxy, a server error...)
 * and what the person can do about it, in the user's language. Failures about the file itself
 * (an HTML page, a damaged checkpoint) keep the model layer's precise sentence.
 */
final class DownloadProblemText {
    /** The failures that have a sentence and a remedy in the message bundle. */
    private static final Set<DownloadFailure> EXPLAINED = EnumSet.of(DownloadFailure.NO_CONNECTION,
            DownloadFailure.UNKNOWN_HOST, DownloadFailure.PROXY, DownloadFailure.TIMEOUT, DownloadFailure.TLS,
            DownloadFailure.SERVER_ERROR, DownloadFailure.NOT_FOUND, DownloadFailure.ACCESS_DENIED,
            DownloadFailure.HTTP_STATUS, DownloadFailure.CONNECTION_LOST);

    private DownloadProblemText() {}

    static String of(DownloadException e) {
        if (!EXPLAINED.contains(e.failure()) || e.uri().isEmpty()) return e.getMessage();
        URI uri = e.uri().get();
        String key = e.failure().name();
        String happened = Messages.format("catalog.error." + key, server(uri), String.valueOf(e.httpStatus()), fileName(uri));
        String openFolder = Messages.get("menu.model") + " > " + Messages.get("menu.model.open");
        // English puts a space between the two sentences, Chinese none after its full stop
        return Messages.format("catalog.error.then", happened, Messages.format("catalog.fix." + key, openFolder));
    }

    /** host, or host:port when the address names one (a local mirror, a test server). */
    private static String server(URI uri) {
        String host = uri.getHost() == null ? uri.toString() : uri.getHost();
        return uri.getPort() >= 0 ? host + ":" + uri.getPort() : host;
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
