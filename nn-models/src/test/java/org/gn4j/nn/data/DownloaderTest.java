package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a loopback HTTP server on 127.0.0.1 with an ephemeral port; nothing leaves the machine. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DownloaderTest {
    @TempDir
    Path target;

    private HttpServer server;
    private ExecutorService executor;
    private final byte[] payload = randomBytes(200_000, Seeds.of(30));
    private final AtomicInteger okHits = new AtomicInteger();
    private final AtomicInteger flakyHits = new AtomicInteger();
    private final AtomicInteger alwaysFailingHits = new AtomicInteger();

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return b;
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.bin", ex -> {
            okHits.incrementAndGet();
            respond(ex, 200, payload);
        });
        server.createContext("/flaky.bin", ex -> {
            if (flakyHits.incrementAndGet() == 1) {
                respond(ex, 503, "busy".getBytes());
            } else {
                respond(ex, 200, payload);
            }
        });
        server.createContext("/down.bin", ex -> {
            alwaysFailingHits.incrementAndGet();
            respond(ex, 500, "broken".getBytes());
        });
        server.createContext("/", ex -> respond(ex, 404, "not found".getBytes()));
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "server threads stopped");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Downloader downloader() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return Downloader.create().withHttpClient(client).withRequestTimeout(Duration.ofSeconds(10))
                .withRetryDelay(Duration.ofMillis(10)).withMaxAttempts(3);
    }

    private List<String> filesInTarget() throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsAndVerifiesSha256() throws IOException {
        RemoteFile f = new RemoteFile(List.of(url("/data.bin")), "data.bin",
                Checksum.sha256(hex("SHA-256", payload)));
        Path p = downloader().download(f, target.resolve("sub"));
        assertEquals(target.resolve("sub/data.bin"), p);
        assertArrayEquals(payload, Files.readAllBytes(p));
        assertEquals(1, okHits.get());
        try (Stream<Path> s = Files.list(target.resolve("sub"))) {
            assertEquals(List.of("data.bin"), s.map(q -> q.getFileName().toString()).toList(), "no temp files left");
        }
    }

    @Test
    void verifiesMd5Too() throws IOException {
        RemoteFile f = new RemoteFile(List.of(url("/data.bin")), "data.bin", Checksum.md5(hex("MD5", payload)));
        assertArrayEquals(payload, Files.readAllBytes(downloader().download(f, target)));
    }

    @Test
    void checksumMismatchLeavesNothingBehindAndNamesBothDigests() throws IOException {
        String wrong = hex("SHA-256", new byte[] {1, 2, 3});
        RemoteFile f = new RemoteFile(List.of(url("/data.bin")), "data.bin", Checksum.sha256(wrong));
        DownloadException e = assertThrows(DownloadException.class, () -> downloader().download(f, target));
        String found = hex("SHA-256", payload);
        assertTrue(e.getMessage().contains("data.bin") && e.getMessage().contains(wrong)
                && e.getMessage().contains(found), e.getMessage());
        assertEquals(List.of(), filesInTarget(), "neither the target nor a temp file is left");
    }

    @Test
    void notFoundNamesUrlAndStatusWithoutRetrying() throws IOException {
        URI u = url("/missing.bin");
        RemoteFile f = new RemoteFile(List.of(u), "missing.bin", Checksum.sha256(hex("SHA-256", payload)));
        DownloadException e = assertThrows(DownloadException.class, () -> downloader().download(f, target));
        assertEquals(404, e.status());
        assertEquals(u, e.url());
        assertTrue(e.getMessage().contains(u.toString()) && e.getMessage().contains("404"), e.getMessage());
        assertEquals(List.of(), filesInTarget());
    }

    @Test
    void presentFileWithRightChecksumIsNotFetchedAgain() throws IOException {
        Files.write(target.resolve("data.bin"), payload);
        RemoteFile f = new RemoteFile(List.of(url("/data.bin")), "data.bin",
                Checksum.sha256(hex("SHA-256", payload)));
        downloader().download(f, target);
        assertEquals(0, okHits.get(), "no request for a verified file");
    }

    @Test
    void presentFileWithWrongChecksumIsReplaced() throws IOException {
        Files.write(target.resolve("data.bin"), new byte[] {9, 9, 9});
        RemoteFile f = new RemoteFile(List.of(url("/data.bin")), "data.bin",
                Checksum.sha256(hex("SHA-256", payload)));
        downloader().download(List.of(f), target);
        assertEquals(1, okHits.get());
        assertArrayEquals(payload, Files.readAllBytes(target.resolve("data.bin")));
    }

    @Test
    void serverErrorIsRetriedThenSucceeds() throws IOException {
        RemoteFile f = new RemoteFile(List.of(url("/flaky.bin")), "flaky.bin",
                Checksum.sha256(hex("SHA-256", payload)));
        assertArrayEquals(payload, Files.readAllBytes(downloader().download(f, target)));
        assertEquals(2, flakyHits.get(), "one failure, one success");
        assertEquals(List.of("flaky.bin"), filesInTarget());
    }

    @Test
    void retriesAreBounded() throws IOException {
        RemoteFile f = new RemoteFile(List.of(url("/down.bin")), "down.bin", Checksum.sha256(hex("SHA-256", payload)));
        DownloadException e = assertThrows(DownloadException.class, () -> downloader().download(f, target));
        assertEquals(3, alwaysFailingHits.get());
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("500") && e.getMessage().contains("3 attempt"), e.getMessage());
        assertEquals(List.of(), filesInTarget());
    }

    @Test
    void nextMirrorIsTriedAfterAFailure() throws IOException {
        RemoteFile f = new RemoteFile(List.of(url("/missing.bin"), url("/data.bin")), "data.bin",
                Checksum.sha256(hex("SHA-256", payload)));
        assertArrayEquals(payload, Files.readAllBytes(downloader().download(f, target)));
        assertEquals(1, okHits.get());
    }

    @Test
    void connectionRefusedIsRetriedAndReported() throws IOException {
        // a port with nothing listening: take the server's port and stop the server
        URI dead = url("/data.bin");
        server.stop(0);
        RemoteFile f = new RemoteFile(List.of(dead), "data.bin", Checksum.sha256(hex("SHA-256", payload)));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().withMaxAttempts(2).download(f, target));
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains(dead.toString()) && e.getMessage().contains("2 attempt"), e.getMessage());
        assertFalse(Files.exists(target.resolve("data.bin")));
    }

    @Test
    void failureOfEveryMirrorNamesEachMirrorAndItsReason() {
        URI missing = url("/missing.bin");
        URI down = url("/down.bin");
        RemoteFile f = new RemoteFile(List.of(missing, down), "data.bin", Checksum.sha256(hex("SHA-256", payload)));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().withMaxAttempts(1).download(f, target));
        String m = e.getMessage();
        assertTrue(m.contains(missing.toString()) && m.contains("HTTP status 404") && m.contains(down.toString())
                && m.contains("HTTP status 500") && m.contains("2 mirrors"), m);
        assertEquals(down, e.url());
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void nullArgumentsAreIllegalArgumentsNamingThem() {
        Downloader d = downloader();
        RemoteFile f = new RemoteFile(List.of(url("/data.bin")), "data.bin", Checksum.sha256(hex("SHA-256", payload)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withHttpClient(null));
        assertTrue(e.getMessage().contains("httpClient"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withRequestTimeout(null));
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withRetryDelay(null));
        assertTrue(e.getMessage().contains("delay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.download((RemoteFile) null, target));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.download(f, null));
        assertTrue(e.getMessage().contains("targetDir"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.download((List<RemoteFile>) null, target));
        assertTrue(e.getMessage().contains("files"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.download(java.util.Arrays.asList(f, null), target));
        assertTrue(e.getMessage().contains("files[1]"), e.getMessage());
    }

    @Test
    void invalidDescriptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Checksum.sha256("abc"));
        assertThrows(IllegalArgumentException.class, () -> new Checksum("NOPE-1", "00"));
        assertThrows(IllegalArgumentException.class,
                () -> new RemoteFile(List.of(), "x", Checksum.md5("0".repeat(32))));
        assertThrows(IllegalArgumentException.class,
                () -> new RemoteFile(List.of(URI.create("file:///etc/passwd")), "x", Checksum.md5("0".repeat(32))));
        assertThrows(IllegalArgumentException.class,
                () -> new RemoteFile(List.of(URI.create("http://h/x")), "../x", Checksum.md5("0".repeat(32))));
        assertEquals("x.gz", RemoteFile.of("https://h/a/x.gz", Checksum.md5("0".repeat(32))).fileName());
        assertThrows(IllegalArgumentException.class, () -> Downloader.create().withMaxAttempts(0));
    }
}
