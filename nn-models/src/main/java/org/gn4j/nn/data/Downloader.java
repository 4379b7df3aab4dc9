package org.gn4j.nn.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads files over HTTP(S) into a folder and verifies their checksums.
 *
 * <p>For each {@link RemoteFile}: if the target file is already present with the right checksum nothing is fetched.
 * Otherwise each mirror URL is tried in order; the body is written to a temporary file in the target folder, its digest
 * is checked, and only then is it moved into place (atomically where the file system allows), so a target file is
 * either absent, the old one, or complete and verified. A checksum mismatch deletes the temporary file and moves on
 * to the next mirror; a transient failure (I/O error, timeout, HTTP 408, 429 or 5xx) is retried on the same URL up to
 * {@link #maxAttempts()} times with a linearly growing pause; any other HTTP status moves on to the next mirror. The
 * temporary file has a unique name (so concurrent downloads into one folder never share it), is forced to the device
 * before the move and is deleted whenever the download fails. When every mirror has failed, a
 * {@link DownloadException} names every mirror tried with its reason (the URL and status of the last one, each
 * mirror's own exception attached as suppressed).
 *
 * <p>Null arguments are {@link IllegalArgumentException}s naming the argument.
 *
 * <p>Instances are immutable; configure with the {@code with…} methods.
 */
public final class Downloader {
    private final HttpClient client;
    private final int maxAttempts;
    private final Duration requestTimeout;
    private final Duration retryDelay;

    private Downloader(HttpClient client, int maxAttempts, Duration requestTimeout, Duration retryDelay) {
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.requestTimeout = requestTimeout;
        this.retryDelay = retryDelay;
    }

    /**
     * A downloader with 3 attempts per URL, a 30 s connect timeout, a 10 min request timeout, a 2 s base pause between
     * attempts and redirects followed (except HTTPS to HTTP).
     *
     * @return a new downloader with the default settings above
     */
    public static Downloader create() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new Downloader(client, 3, Duration.ofMinutes(10), Duration.ofSeconds(2));
    }

    /**
     * The same downloader using {@code httpClient} (for proxies, custom timeouts or TLS settings).
     *
     * @param httpClient the client for all requests; not null
     * @return a new downloader with this client; this one is unchanged
     */
    public Downloader withHttpClient(HttpClient httpClient) {
        requireNonNull("httpClient", httpClient);
        return new Downloader(httpClient, maxAttempts, requestTimeout, retryDelay);
    }

    /**
     * The same downloader with at most {@code attempts} tries per URL.
     *
     * @param attempts tries per URL, {@code >= 1}
     * @return a new downloader with this setting; this one is unchanged
     * @throws IllegalArgumentException if {@code attempts < 1}
     */
    public Downloader withMaxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts is " + attempts + ", expected >= 1");
        }
        return new Downloader(client, attempts, requestTimeout, retryDelay);
    }

    /**
     * The same downloader with a per-request timeout (whole response).
     *
     * @param timeout the timeout of one request, covering the whole response; positive
     * @return a new downloader with this setting; this one is unchanged
     * @throws IllegalArgumentException if the timeout is null or not positive
     */
    public Downloader withRequestTimeout(Duration timeout) {
        requireNonNull("timeout", timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout is " + timeout + ", expected > 0");
        }
        return new Downloader(client, maxAttempts, timeout, retryDelay);
    }

    /**
     * The same downloader with base pause {@code delay} between attempts (attempt {@code k} waits {@code k · delay}).
     *
     * @param delay the base pause, {@code >= 0} ({@link Duration#ZERO} retries at once)
     * @return a new downloader with this setting; this one is unchanged
     * @throws IllegalArgumentException if the delay is null or negative
     */
    public Downloader withRetryDelay(Duration delay) {
        requireNonNull("delay", delay);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is " + delay + ", expected >= 0");
        }
        return new Downloader(client, maxAttempts, requestTimeout, delay);
    }

    /**
     * Maximum number of tries per URL.
     *
     * @return the number of tries per URL, {@code >= 1}
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Downloads every file into {@code targetDir} (created if missing), in order.
     *
     * @param files the files to fetch, each with its checksum and mirrors; not null, no null elements
     * @param targetDir the folder receiving the files; not null
     * @return the paths of the verified files, in the order given
     * @throws DownloadException if a file could not be fetched with the right checksum
     * @throws IOException       if the folder or a file cannot be written
     * @throws IllegalArgumentException if the list, an element of it or the folder is null
     */
    public List<Path> download(List<RemoteFile> files, Path targetDir) throws IOException {
        requireNonNull("files", files);
        requireNonNull("targetDir", targetDir);
        for (int i = 0; i < files.size(); i++) {
            requireNonNull("files[" + i + "]", files.get(i));
        }
        List<Path> out = new ArrayList<>(files.size());
        for (RemoteFile f : files) {
            out.add(download(f, targetDir));
        }
        return out;
    }

    /**
     * Downloads one file into {@code targetDir} (created if missing), or returns at once if it is already present
     * with the right checksum.
     *
     * @param file the file to fetch, with its checksum and mirrors; not null
     * @param targetDir the folder receiving the file; not null
     * @return the path of the verified file
     * @throws DownloadException if every mirror failed (HTTP status, checksum mismatch or retries exhausted)
     * @throws IOException       if the folder or the file cannot be written
     * @throws IllegalArgumentException if {@code file} or {@code targetDir} is null
     */
    public Path download(RemoteFile file, Path targetDir) throws IOException {
        requireNonNull("file", file);
        requireNonNull("targetDir", targetDir);
        Files.createDirectories(targetDir);
        Path target = targetDir.resolve(file.fileName());
        if (file.checksum().matches(target)) {
            return target;
        }
        List<DownloadException> failures = new ArrayList<>();
        for (URI url : file.urls()) {
            try {
                fetchVerified(url, file, target);
                return target;
            } catch (DownloadException e) {
                failures.add(e);
            }
        }
        DownloadException last = failures.get(failures.size() - 1);
        if (failures.size() == 1) {
            throw last;
        }
        StringBuilder msg = new StringBuilder("downloading " + file.fileName() + " failed from every one of the "
                + failures.size() + " mirrors:");
        for (int k = 0; k < failures.size(); k++) {
            msg.append(k == 0 ? " " : "; ").append('(').append(k + 1).append(") ").append(failures.get(k).getMessage());
        }
        DownloadException all = new DownloadException(msg.toString(), last.url(), last.status(), null);
        failures.forEach(all::addSuppressed);
        throw all;
    }

    private static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Fetches one URL with retries on transient failures, verifies it and moves it into place. */
    private void fetchVerified(URI url, RemoteFile file, Path target) throws IOException {
        for (int attempt = 1;; attempt++) {
            Path temp = SafeFiles.temporaryBeside(target, ".part");
            try {
                int status;
                try {
                    status = fetch(url, temp);
                } catch (IOException e) {
                    if (attempt >= maxAttempts) {
                        throw new DownloadException("downloading " + url + " failed after " + attempt
                                + " attempt(s): " + e, url, -1, e);
                    }
                    pause(attempt);
                    continue;
                }
                if (status != 200) {
                    boolean transientStatus = status == 408 || status == 429 || status >= 500;
                    if (transientStatus && attempt < maxAttempts) {
                        pause(attempt);
                        continue;
                    }
                    throw new DownloadException("downloading " + url + " failed: HTTP status " + status
                            + (transientStatus ? " after " + attempt + " attempt(s)" : ""), url, status, null);
                }
                String found = file.checksum().digestOf(temp);
                if (!found.equals(file.checksum().hex())) {
                    throw new DownloadException("checksum mismatch for " + file.fileName() + " from " + url
                            + ": expected " + file.checksum().algorithm() + " " + file.checksum().hex() + ", found "
                            + found + " (" + Files.size(temp) + " bytes); the download was discarded", url, 200,
                            null);
                }
                SafeFiles.moveIntoPlace(temp, target);
                return;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Sends one GET; writes the body to {@code temp} only for status 200 and discards it otherwise. */
    private int fetch(URI url, Path temp) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        HttpResponse.BodyHandler<Path> handler = info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.ofFile(temp)
                : HttpResponse.BodySubscribers.replacing(temp);
        try {
            return client.send(request, handler).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + url);
        }
    }

    private void pause(int attempt) throws InterruptedIOException {
        long millis = retryDelay.toMillis() * attempt;
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a download");
        }
    }
}
