package dev.patchexplorer.model.catalog;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Locale;

/**
 * Why a download failed, in the few kinds a person can act on differently: the window turns each
 * into a sentence of what happened and what to do, in the user's language.
 */
public enum DownloadFailure {
    /** Nothing answered at the address: offline, or a firewall. */
    NO_CONNECTION,
    /** The server's name could not be looked up. */
    UNKNOWN_HOST,
    /** The configured proxy could not be reached or asked for credentials (HTTP 407). */
    PROXY,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The secure connection failed, e.g. a certificate that a filtering proxy substituted. */
    TLS,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** HTTP 404. */
    NOT_FOUND,
    /** HTTP 401 or 403: the file wants a login. */
    ACCESS_DENIED,
    /** Any other unexpected HTTP status. */
    HTTP_STATUS,
    /** The connection broke part-way through a file; what arrived is kept. */
    CONNECTION_LOST,
    /** The server sent something that is not the expected file (an HTML page, a damaged checkpoint). */
    WRONG_FILE,
    /** The file arrived but could not be written to disk. */
    CANNOT_SAVE,
    /** Another task (or another running copy of the app) is downloading the same model. */
    ALREADY_DOWNLOADING;

    /** The failure an HTTP status stands for; only called for statuses that are not success. */
    public static DownloadFailure ofStatus(int status) {
        if (status == 404 || status == 410) return NOT_FOUND;
        if (status == 401 || status == 403) return ACCESS_DENIED;
        if (status == 407) return PROXY;
        if (status >= 500 && status <= 599) return SERVER_ERROR;
        return HTTP_STATUS;
    }

    /**
     * The failure behind an exception from the HTTP client before any response arrived. A
     * connection problem while a proxy is configured for {@code uri} is the proxy's.
     */
    public static DownloadFailure ofConnectError(Throwable error, URI uri) {
        DownloadFailure plain = ofConnectError(error);
        if ((plain == NO_CONNECTION || plain == UNKNOWN_HOST || plain == TIMEOUT) && proxied(uri)) return PROXY;
        return plain;
    }

    static DownloadFailure ofConnectError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpTimeoutException) return TIMEOUT; // includes the connect timeout
            if (t instanceof SSLException) return TLS;
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) return UNKNOWN_HOST;
            if (mentionsProxy(t)) return PROXY;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) return NO_CONNECTION;
        }
        return NO_CONNECTION;
    }

    /** The JDK client reports a refused CONNECT tunnel as "Tunnel failed, got: 407" and the like. */
    private static boolean mentionsProxy(Throwable t) {
        String m = t.getMessage();
        if (m == null) return false;
        String lower = m.toLowerCase(Locale.ROOT);
        return lower.contains("tunnel failed") || lower.contains("proxy");
    }

    private static boolean proxied(URI uri) {
        try {
            ProxySelector selector = ProxySelector.getDefault();
            if (selector == null || uri == null) return false;
            List<Proxy> proxies = selector.select(uri);
            return proxies.stream().anyMatch(p -> p.type() != Proxy.Type.DIRECT);
        } catch (RuntimeException e) {
            return false; // an odd selector must not hide the real failure
        }
    }
}
