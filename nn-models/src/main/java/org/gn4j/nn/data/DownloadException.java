package org.gn4j.nn.data;

import java.io.IOException;
import java.net.URI;

/**
 * A download that failed for good: an HTTP error status, a checksum mismatch, or retries exhausted. The message names
 * the URL and status, or the file with the expected and the found digest.
 */
public final class DownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * The URL last tried, or null.
     */
    private final URI url;
    /**
     * The HTTP status of the failed response, or -1 when the failure was not an HTTP status.
     */
    private final int status;

    /**
     * @param message what went wrong, naming the URL or file
     * @param url     the URL last tried
     * @param status  the HTTP status, or -1 when the failure was not an HTTP status
     * @param cause   the underlying failure, or null
     */
    public DownloadException(String message, URI url, int status, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.status = status;
    }

    /**
     * The URL last tried.
     *
     * @return the URL last tried, as given to the constructor (may be null)
     */
    public URI url() {
        return url;
    }

    /**
     * The HTTP status of the failed response, or -1 when the failure was not an HTTP status.
     *
     * @return the HTTP status code, or -1
     */
    public int status() {
        return status;
    }
}
