package dev.patchexplorer.model.catalog;

import java.util.Locale;

/**
 * Every sentence this package shows to a user, in one place, so that a later step can move them
 * into a resource bundle by key (the constant name) without hunting through the code.
 */
public enum UserMessage {
    HTML_INSTEAD_OF_SAFETENSORS("The server returned an HTML page instead of a safetensors file (%s). "
            + "The address may be wrong, or the site may want a login."),
    HTML_INSTEAD_OF_CONFIG("The server returned an HTML page instead of the model's config.json (%s). "
            + "The address may be wrong, or the site may want a login."),
    FILE_IS_HTML("%s is an HTML page, not a safetensors file."),
    TRUNCATED("The file is truncated: %d of %d bytes."),
    TRUNCATED_HEADER("The file is truncated: %d bytes, but its header alone needs %d bytes."),
    TOO_SHORT("%s is too short to be a safetensors file (%d bytes)."),
    HEADER_TOO_LARGE("%s does not start with a valid safetensors header (it declares a header of %d bytes)."),
    HEADER_NOT_JSON("The safetensors header of %s is not valid JSON: %s"),
    TENSOR_ENTRY_INVALID("The safetensors header of %s describes tensor \"%s\" incorrectly: %s"),
    TENSOR_DATA_GAP("The tensor data of %s has gaps or overlaps near byte %d, so the file is damaged."),
    EXTRA_BYTES("%s has %d unexpected extra bytes after the last tensor."),
    TENSOR_MISSING("%s has no tensor named \"%s\"; it is not the expected checkpoint."),
    TENSOR_SHAPE("Tensor \"%s\" in %s has shape %s, but %s was expected; it is not the expected checkpoint."),
    SIZE_MISMATCH("%s is %d bytes, but the catalog expects %d bytes."),
    SIZE_IMPLAUSIBLE("%s is %d bytes, far from the roughly %d bytes the catalog expects."),
    CONFIG_NOT_JSON("config.json is not valid JSON: %s"),
    CONFIG_WRONG_ARCHITECTURE("config.json describes architecture \"%s\", but \"%s\" was expected."),
    NOT_FOUND("The server has no file at %s (HTTP %d)."),
    HTTP_STATUS("The server answered HTTP %d for %s."),
    INTERRUPTED("The download of %s stopped after %d of %d bytes. Try again to resume it."),
    INTERRUPTED_UNKNOWN_SIZE("The download of %s stopped after %d bytes. Try again to resume it."),
    NETWORK_ERROR("Could not download %s: %s."),
    REASON_NO_CONNECTION("nothing answered at that address (no connection, or a firewall)"),
    REASON_UNKNOWN_HOST("the server's name could not be looked up (no connection, or no name service)"),
    REASON_PROXY("the proxy could not be reached or refused the connection"),
    REASON_TIMEOUT("the server did not answer in time"),
    REASON_TLS("the secure connection failed (the server's certificate was not accepted)"),
    CANCELLED("The download of %s was cancelled."),
    ALREADY_DOWNLOADING("%s is already being downloaded by another task."),
    CANNOT_SAVE("Could not save the downloaded model into %s: %s"),
    CATALOG_INVALID("The model catalog is damaged: %s");

    private final String template;

    UserMessage(String template) {
        this.template = template;
    }

    /** The English phrase for a failure before any answer came, for {@link #NETWORK_ERROR}. */
    static String reason(DownloadFailure failure) {
        return switch (failure) {
            case UNKNOWN_HOST -> REASON_UNKNOWN_HOST.template;
            case PROXY -> REASON_PROXY.template;
            case TIMEOUT -> REASON_TIMEOUT.template;
            case TLS -> REASON_TLS.template;
            default -> REASON_NO_CONNECTION.template;
        };
    }

    /** The English sentence with its placeholders filled in. */
    public String format(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
