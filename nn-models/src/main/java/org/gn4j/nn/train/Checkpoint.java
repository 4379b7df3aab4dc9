package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.Optimizer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Everything a {@link Trainer} needs to continue a run exactly: parameters, optimizer state, position in the epoch
 * schedule, the partial epoch's loss sum, the history so far and the options that define the run.
 *
 * <p><b>File format</b> (version {@value #FORMAT_VERSION}, big-endian):
 * <pre>
 *   magic        8 bytes  "GN4JCKPT"
 *   version      int32    {@value #FORMAT_VERSION}
 *   length       int64    payload length in bytes
 *   payload      length bytes (below)
 *   checksum     int32    CRC32C of the payload bytes
 *   end marker   8 bytes  "CKPT-END"
 * </pre>
 * The payload holds the fields in record order: strings as an {@code int32} byte count then UTF-8 bytes, arrays as
 * an {@code int32} length then the {@code float64} values, booleans as one byte (0 or 1), the history as an
 * {@code int32} row count then per row the epoch ({@code int32}) and seven 8-byte values, and the run options as an
 * {@code int32} count then name and value strings, sorted by name. {@link #read} checks the magic, the version, that
 * the payload length matches the file size, the checksum (so a flipped bit anywhere in the payload is detected), the
 * end marker, and every count and length against the bytes left before it allocates; any failure is an
 * {@link IOException} naming the file. A file of format version 1 (no checksum, no run options) is not read: the
 * error says so and a fresh run is needed.
 *
 * <p>{@link #write} writes a uniquely named temporary file beside the target, forces it to the storage device and
 * moves it into place atomically, so a crash leaves either the previous checkpoint or the new one under the target
 * name and concurrent writers never share a temporary file; the temporary file is deleted when writing fails. It
 * refuses to replace an existing non-empty file that is not a gn4j checkpoint.
 *
 * @param optimizerName  {@link Optimizer#name()} of the optimizer whose state this is
 * @param optimizerStep  {@link Optimizer#stepCount()}
 * @param optimizerState {@link Optimizer#stateVector()}
 * @param theta          parameters
 * @param seed           shuffling seed
 * @param batchSize      mini-batch size
 * @param dropLast       whether the last partial batch of an epoch is dropped
 * @param epoch          epochs completed
 * @param batchInEpoch   batches already done in the epoch in progress (0 at an epoch boundary)
 * @param step           optimizer steps taken
 * @param samplesSeen    training samples processed
 * @param seconds        wall-clock seconds of training so far
 * @param epochLossSum   sum of batch loss × batch size over the batches done in the epoch in progress
 * @param epochSamples   samples done in the epoch in progress
 * @param history        rows of the completed epochs
 * @param runOptions     canonical option name → value strings of the run (see {@link Trainer#withRunOptions}),
 *                       kept sorted by name; a resume with other values is refused
 */
public record Checkpoint(String optimizerName, long optimizerStep, double[] optimizerState, double[] theta, long seed,
        int batchSize, boolean dropLast, int epoch, int batchInEpoch, long step, long samplesSeen, double seconds,
        double epochLossSum, long epochSamples, List<EpochMetrics> history, Map<String, String> runOptions) {
    /** The format version written and read by this class. */
    public static final int FORMAT_VERSION = 2;
    private static final long MAGIC = 0x474E344A434B5054L; // "GN4JCKPT"
    private static final long END = 0x434B50542D454E44L; // "CKPT-END"
    /** Bytes before the payload: magic, version, payload length. */
    private static final int HEADER = 8 + 4 + 8;
    /** Bytes after the payload: checksum, end marker. */
    private static final int TRAILER = 4 + 8;
    /** Bytes of one history row. */
    private static final int ROW = 4 + 7 * 8;

    /**
     * @param optimizerName {@link Optimizer#name()} of the optimizer whose state this is; not null
     * @param optimizerStep {@link Optimizer#stepCount()}
     * @param optimizerState {@link Optimizer#stateVector()}; not null, kept as given (not copied)
     * @param theta parameters; not null, kept as given (not copied)
     * @param seed shuffling seed
     * @param batchSize mini-batch size
     * @param dropLast whether the last partial batch of an epoch is dropped
     * @param epoch epochs completed
     * @param batchInEpoch batches already done in the epoch in progress (0 at an epoch boundary)
     * @param step optimizer steps taken
     * @param samplesSeen training samples processed
     * @param seconds wall-clock seconds of training so far
     * @param epochLossSum sum of batch loss × batch size over the batches done in the epoch in progress
     * @param epochSamples samples done in the epoch in progress
     * @param history rows of the completed epochs; not null, no null rows; copied into an unmodifiable list
     * @param runOptions canonical option name → value of the run; not null, no null names or values; copied into an
     *                   unmodifiable map sorted by name
     * @throws IllegalArgumentException naming the argument if the name, an array, the history (or a row) or the
     *                                  run options (or a name or value in them) is null
     */
    public Checkpoint {
        requireNonNull("optimizerName", optimizerName);
        requireNonNull("optimizerState", optimizerState);
        requireNonNull("theta", theta);
        requireNonNull("history", history);
        requireNonNull("runOptions", runOptions);
        for (EpochMetrics m : history) {
            requireNonNull("history row", m);
        }
        history = List.copyOf(history);
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : runOptions.entrySet()) {
            requireNonNull("run option name", e.getKey());
            requireNonNull("value of run option " + e.getKey(), e.getValue());
            sorted.put(e.getKey(), e.getValue());
        }
        runOptions = Collections.unmodifiableMap(sorted);
    }

    /**
     * A checkpoint without run options.
     *
     * @param optimizerName {@link Optimizer#name()} of the optimizer whose state this is; not null
     * @param optimizerStep {@link Optimizer#stepCount()}
     * @param optimizerState {@link Optimizer#stateVector()}; not null, kept as given (not copied)
     * @param theta parameters; not null, kept as given (not copied)
     * @param seed shuffling seed
     * @param batchSize mini-batch size
     * @param dropLast whether the last partial batch of an epoch is dropped
     * @param epoch epochs completed
     * @param batchInEpoch batches already done in the epoch in progress (0 at an epoch boundary)
     * @param step optimizer steps taken
     * @param samplesSeen training samples processed
     * @param seconds wall-clock seconds of training so far
     * @param epochLossSum sum of batch loss × batch size over the batches done in the epoch in progress
     * @param epochSamples samples done in the epoch in progress
     * @param history rows of the completed epochs; not null, no null rows; copied into an unmodifiable list
     */
    public Checkpoint(String optimizerName, long optimizerStep, double[] optimizerState, double[] theta, long seed,
            int batchSize, boolean dropLast, int epoch, int batchInEpoch, long step, long samplesSeen, double seconds,
            double epochLossSum, long epochSamples, List<EpochMetrics> history) {
        this(optimizerName, optimizerStep, optimizerState, theta, seed, batchSize, dropLast, epoch, batchInEpoch, step,
                samplesSeen, seconds, epochLossSum, epochSamples, history, Map.of());
    }

    private static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /**
     * Writes this checkpoint to {@code file} (its folder is created if missing) through a uniquely named temporary sibling file,
     * forced to the device, and an atomic move.
     *
     * @param file the target file; its parent folder is created when missing
     * @throws IllegalArgumentException if {@code file} is null
     * @throws IOException              if the file cannot be written, or exists and is neither empty nor a gn4j
     *                                  checkpoint (it is then left as it was)
     */
    public void write(Path file) throws IOException {
        requireNonNull("file", file);
        requireReplaceable(file);
        byte[] payload = payload();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer head = ByteBuffer.allocate(HEADER).putLong(MAGIC).putInt(FORMAT_VERSION).putLong(payload.length)
                .flip();
        ByteBuffer tail = ByteBuffer.allocate(TRAILER).putInt((int) crc.getValue()).putLong(END).flip();
        Path abs = file.toAbsolutePath();
        Path tmp = org.gn4j.nn.data.SafeFiles.temporaryBeside(abs, ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer[] parts = {head, ByteBuffer.wrap(payload), tail};
                long total = HEADER + (long) payload.length + TRAILER;
                long written = 0;
                while (written < total) {
                    written += ch.write(parts);
                }
            }
            org.gn4j.nn.data.SafeFiles.moveIntoPlace(tmp, abs);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Checks that {@code file} may receive a checkpoint: it does not exist, is empty, or is a gn4j checkpoint (its
     * first bytes are the checkpoint magic). Front ends call this before a run starts, so that a checkpoint path
     * pointing at a data file is refused before any work.
     *
     * @param file the prospective checkpoint file; not null
     * @throws IllegalArgumentException if {@code file} is null
     * @throws IOException              naming the file if it is a folder, cannot be read, or is a non-empty file
     *                                  that is not a gn4j checkpoint
     */
    public static void requireReplaceable(Path file) throws IOException {
        requireNonNull("file", file);
        if (!Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new IOException("checkpoint file " + file + " is a folder");
        }
        if (Files.size(file) == 0) {
            return;
        }
        if (!isCheckpoint(file)) {
            throw new IOException("checkpoint file " + file + " exists and is not a gn4j checkpoint (no GN4JCKPT "
                    + "header); refusing to replace it");
        }
    }

    /** Whether {@code file} starts with the checkpoint magic (its content is not otherwise checked). */
    private static boolean isCheckpoint(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(8);
            return b.length == 8 && ByteBuffer.wrap(b).getLong() == MAGIC;
        }
    }

    private byte[] payload() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 8 * (theta.length + optimizerState.length)
                + ROW * history.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, optimizerName);
            out.writeLong(optimizerStep);
            writeArray(out, optimizerState);
            writeArray(out, theta);
            out.writeLong(seed);
            out.writeInt(batchSize);
            out.writeBoolean(dropLast);
            out.writeInt(epoch);
            out.writeInt(batchInEpoch);
            out.writeLong(step);
            out.writeLong(samplesSeen);
            out.writeDouble(seconds);
            out.writeDouble(epochLossSum);
            out.writeLong(epochSamples);
            out.writeInt(history.size());
            for (EpochMetrics m : history) {
                out.writeInt(m.epoch());
                out.writeLong(m.step());
                out.writeLong(m.samplesSeen());
                out.writeDouble(m.seconds());
                out.writeDouble(m.trainLoss());
                out.writeDouble(m.testLoss());
                out.writeDouble(m.testAccuracy());
                out.writeDouble(m.learningRate());
            }
            out.writeInt(runOptions.size());
            for (Map.Entry<String, String> e : runOptions.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a checkpoint written by {@link #write}. Memory use is bounded by a small multiple of the file size: every
     * count and length is checked against the bytes left before anything is allocated.
     *
     * @param file the checkpoint file; not null
     * @return the checkpoint, with every field as written
     * @throws IllegalArgumentException if {@code file} is null
     * @throws IOException              naming the file if it cannot be read, is not a gn4j checkpoint, has another
     *                                  format version, is truncated, fails its checksum or is otherwise corrupt
     */
    public static Checkpoint read(Path file) throws IOException {
        requireNonNull("file", file);
        String where = "checkpoint file " + file;
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException(where + " is too large (" + size + " bytes) to be a gn4j checkpoint");
        }
        byte[] all;
        try (InputStream in = Files.newInputStream(file)) {
            all = in.readNBytes((int) size);
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        if (all.length < 8 || b.getLong() != MAGIC) {
            throw new IOException(where + " is not a gn4j checkpoint (no GN4JCKPT header)");
        }
        if (all.length < 12) {
            throw new IOException(where + " is truncated (" + all.length + " bytes)");
        }
        int version = b.getInt();
        if (version == 1) {
            throw new IOException(where + " has format version 1 (no checksum, no run options), which this gn4j "
                    + "does not read (it reads version " + FORMAT_VERSION + "); start a fresh run");
        }
        if (version != FORMAT_VERSION) {
            throw new IOException(where + " has format version " + version + ", expected " + FORMAT_VERSION);
        }
        if (all.length < HEADER + TRAILER) {
            throw new IOException(where + " is truncated (" + all.length + " bytes)");
        }
        long length = b.getLong();
        long expected = (long) all.length - HEADER - TRAILER;
        if (length > expected || length < 0) {
            throw new IOException(where + " is " + (length < 0 ? "corrupt" : "truncated") + ": payload of " + length
                    + " bytes declared, " + expected + " present (" + all.length + " bytes in all)");
        }
        if (length < expected) {
            throw new IOException(where + " is corrupt: payload of " + length + " bytes declared, " + expected
                    + " present (" + all.length + " bytes in all)");
        }
        int payloadEnd = HEADER + (int) length;
        CRC32C crc = new CRC32C();
        crc.update(all, HEADER, (int) length);
        ByteBuffer t = ByteBuffer.wrap(all, payloadEnd, TRAILER);
        int stored = t.getInt();
        if (t.getLong() != END) {
            throw new IOException(where + " is corrupt: no end marker after the checksum");
        }
        if (stored != (int) crc.getValue()) {
            throw new IOException(where + " is corrupt: checksum mismatch (CRC32C of the payload is "
                    + String.format("%08x", (int) crc.getValue()) + ", stored " + String.format("%08x", stored)
                    + ")");
        }
        return parse(ByteBuffer.wrap(all, HEADER, (int) length).slice(), where);
    }

    /** Parses a payload whose checksum matched; every length is checked against the bytes left. */
    private static Checkpoint parse(ByteBuffer p, String where) throws IOException {
        String name = readString(p, where, "optimizer name");
        long optStep = readLong(p, where);
        double[] state = readArray(p, where, "optimizer state");
        double[] theta = readArray(p, where, "theta");
        long seed = readLong(p, where);
        int batchSize = readInt(p, where);
        boolean dropLast = readBoolean(p, where);
        int epoch = readInt(p, where);
        int batchInEpoch = readInt(p, where);
        long step = readLong(p, where);
        long samples = readLong(p, where);
        double seconds = readDouble(p, where);
        double lossSum = readDouble(p, where);
        long epochSamples = readLong(p, where);
        int rows = readInt(p, where);
        if (rows < 0 || (long) rows * ROW > p.remaining()) {
            throw new IOException(where + " is corrupt: history of " + rows + " rows with " + p.remaining()
                    + " bytes left");
        }
        List<EpochMetrics> history = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            history.add(new EpochMetrics(p.getInt(), p.getLong(), p.getLong(), p.getDouble(), p.getDouble(),
                    p.getDouble(), p.getDouble(), p.getDouble()));
        }
        int count = readInt(p, where);
        if (count < 0 || (long) count * 8 > p.remaining()) {
            throw new IOException(where + " is corrupt: " + count + " run options with " + p.remaining()
                    + " bytes left");
        }
        TreeMap<String, String> options = new TreeMap<>();
        for (int k = 0; k < count; k++) {
            String key = readString(p, where, "run option name");
            String value = readString(p, where, "value of run option " + key);
            if (options.put(key, value) != null) {
                throw new IOException(where + " is corrupt: run option " + key + " appears twice");
            }
        }
        if (p.hasRemaining()) {
            throw new IOException(where + " is corrupt: " + p.remaining() + " bytes after the run options");
        }
        if (optStep < 0 || batchSize <= 0 || epoch < 0 || batchInEpoch < 0 || step < 0 || samples < 0
                || epochSamples < 0) {
            throw new IOException(where + " is corrupt: negative counters");
        }
        return new Checkpoint(name, optStep, state, theta, seed, batchSize, dropLast, epoch, batchInEpoch, step,
                samples, seconds, lossSum, epochSamples, history, options);
    }

    /**
     * The options whose values differ between a checkpoint's run options and a resumed run's, one
     * {@code "name: value in the checkpoint, value now"} entry each, in name order ({@code "(unset)"} where one side
     * lacks the option); empty when they agree.
     *
     * @param stored the run options stored in the checkpoint; not null
     * @param current the run options of the run that resumes; not null
     * @return the differing options in name order, as described above; empty when the maps are equal
     * @throws IllegalArgumentException if either map is null
     */
    public static List<String> optionDifferences(Map<String, String> stored, Map<String, String> current) {
        requireNonNull("stored", stored);
        requireNonNull("current", current);
        TreeMap<String, Boolean> names = new TreeMap<>();
        stored.keySet().forEach(k -> names.put(k, true));
        current.keySet().forEach(k -> names.put(k, true));
        List<String> out = new ArrayList<>();
        for (String k : names.keySet()) {
            String a = stored.get(k);
            String c = current.get(k);
            if (!Objects.equals(a, c)) {
                out.add(k + " " + (a == null ? "(unset)" : a) + " in the checkpoint, " + (c == null ? "(unset)" : c)
                        + " now");
            }
        }
        return out;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static void need(ByteBuffer p, int bytes, String where) throws IOException {
        if (p.remaining() < bytes) {
            throw new IOException(where + " is corrupt: payload ends early (" + bytes + " bytes needed, "
                    + p.remaining() + " left)");
        }
    }

    private static int readInt(ByteBuffer p, String where) throws IOException {
        need(p, 4, where);
        return p.getInt();
    }

    private static long readLong(ByteBuffer p, String where) throws IOException {
        need(p, 8, where);
        return p.getLong();
    }

    private static double readDouble(ByteBuffer p, String where) throws IOException {
        need(p, 8, where);
        return p.getDouble();
    }

    private static boolean readBoolean(ByteBuffer p, String where) throws IOException {
        need(p, 1, where);
        byte v = p.get();
        if (v != 0 && v != 1) {
            throw new IOException(where + " is corrupt: boolean byte " + v);
        }
        return v == 1;
    }

    private static String readString(ByteBuffer p, String where, String what) throws IOException {
        int n = readInt(p, where);
        if (n < 0 || n > p.remaining()) {
            throw new IOException(where + " is corrupt: " + what + " of " + n + " bytes with " + p.remaining()
                    + " bytes left");
        }
        ByteBuffer slice = p.slice(p.position(), n);
        p.position(p.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(where + " is corrupt: " + what + " is not UTF-8", e);
        }
    }

    private static double[] readArray(ByteBuffer p, String where, String what) throws IOException {
        int n = readInt(p, where);
        if (n < 0 || (long) n * 8 > p.remaining()) {
            throw new IOException(where + " is corrupt: " + what + " of length " + n + " with " + p.remaining()
                    + " bytes left");
        }
        double[] a = new double[n];
        p.asDoubleBuffer().get(a);
        p.position(p.position() + 8 * n);
        return a;
    }
}
