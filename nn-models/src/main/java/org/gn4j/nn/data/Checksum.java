package org.gn4j.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An expected message digest of a file: a {@link MessageDigest} algorithm name ({@code "SHA-256"} preferred, {@code
 * "MD5"} where the publisher lists only MD5, as MNIST mirrors and Fashion-MNIST do) and the lower-case hex digest.
 *
 * @param algorithm a {@link MessageDigest} algorithm name available on every JDK ({@code SHA-256}, {@code MD5}, ...)
 * @param hex       the expected digest in hexadecimal (stored lower-case)
 */
public record Checksum(String algorithm, String hex) {
    /** Algorithm name of SHA-256. */
    public static final String SHA_256 = "SHA-256";
    /** Algorithm name of MD5. */
    public static final String MD5 = "MD5";

    /**
     * Validates the algorithm and that {@code hex} has the digest's length.
     *
     * @param algorithm a {@link MessageDigest} algorithm name, for example {@link #SHA_256} or {@link #MD5}; not null
     * @param hex the expected digest in hexadecimal, any case, surrounding blanks ignored; not null
     * @throws IllegalArgumentException if the algorithm is unknown or the hex string is malformed
     */
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        int bytes = newDigest(algorithm).getDigestLength();
        hex = hex.trim().toLowerCase(Locale.ROOT);
        if (hex.length() != 2 * bytes || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("hex is '" + hex + "', expected " + 2 * bytes + " hex digits for "
                    + algorithm);
        }
    }

    /**
     * A SHA-256 checksum.
     *
     * @param hex the expected SHA-256 digest, 64 hex digits
     * @return the checksum
     */
    public static Checksum sha256(String hex) {
        return new Checksum(SHA_256, hex);
    }

    /**
     * An MD5 checksum (integrity against corrupted transfers only; MD5 is not collision resistant).
     *
     * @param hex the expected MD5 digest, 32 hex digits
     * @return the checksum
     */
    public static Checksum md5(String hex) {
        return new Checksum(MD5, hex);
    }

    /**
     * The hex digest of {@code file} with this checksum's algorithm.
     *
     * @param file the file to hash; not null
     * @return the digest as lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    public String digestOf(Path file) throws IOException {
        MessageDigest md = newDigest(algorithm);
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int m;
            while ((m = in.read(buf)) > 0) {
                md.update(buf, 0, m);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Whether {@code file} exists and has this digest.
     *
     * @param file the file checked; not null
     * @return true when {@code file} is a regular file whose digest equals {@link #hex()}; false when it is missing or
     *         differs
     * @throws IOException if the file exists but cannot be read
     */
    public boolean matches(Path file) throws IOException {
        return Files.isRegularFile(file) && hex.equals(digestOf(file));
    }

    /** {@code "ALGORITHM:hex"}. */
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("algorithm is '" + algorithm + "', expected a MessageDigest algorithm"
                    + " such as SHA-256 or MD5", e);
        }
    }
}
