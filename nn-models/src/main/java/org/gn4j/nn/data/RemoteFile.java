package org.gn4j.nn.data;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A file to download: one or more mirror URLs tried in order, the local file name and the expected checksum.
 *
 * @param urls     mirror URLs of the same content, at least one, tried in order
 * @param fileName local file name, a plain name without folders
 * @param checksum expected digest of the content
 */
public record RemoteFile(List<URI> urls, String fileName, Checksum checksum) {
    /**
     * Validates the fields.
     *
     * @param urls mirror URLs of the same content, at least one, each http or https, tried in order
     * @param fileName local file name, a plain name without folders
     * @param checksum expected digest of the content
     * @throws IllegalArgumentException if there is no URL, a URL is not http(s), or the file name is empty or has a
     *                                  folder part
     */
    public RemoteFile {
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(checksum, "checksum");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("urls is empty, expected at least one URL for " + fileName);
        }
        for (URI u : urls) {
            String scheme = u.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("url " + u + " has scheme " + scheme + ", expected http or https");
            }
        }
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.equals(".")
                || fileName.equals("..")) {
            throw new IllegalArgumentException("fileName is '" + fileName + "', expected a plain file name");
        }
    }

    /**
     * A file with a single URL; the file name is the last segment of the URL's path.
     *
     * @param url the http(s) URL; its path's last segment is the file name
     * @param checksum expected digest of the content
     * @return the remote file with one mirror
     */
    public static RemoteFile of(String url, Checksum checksum) {
        URI u = URI.create(url);
        String path = u.getPath();
        return new RemoteFile(List.of(u), path.substring(path.lastIndexOf('/') + 1), checksum);
    }
}
