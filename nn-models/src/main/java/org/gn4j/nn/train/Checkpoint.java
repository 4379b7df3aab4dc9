package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.Optimizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link Trainer} needs to continue a run exactly: parameters, optimizer state, position in the epoch
 * schedule, the partial epoch's loss sum and the history so far.
 *
 * <p>File format (big-endian, {@link DataOutputStream}): the 8-byte magic {@code GN4JCKPT}, the format version
 * ({@code int}), the fields in record order (arrays as an {@code int} length then the values, strings as modified
 * UTF-8, the history as a count then eight values per row) and the 8-byte end marker {@code CKPT-END}, so a truncated
 * file is detected. {@link #write} writes a temporary file beside the target and moves it into place atomically.
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
 */
public record Checkpoint(String optimizerName, long optimizerStep, double[] optimizerState, double[] theta, long seed,
        int batchSize, boolean dropLast, int epoch, int batchInEpoch, long step, long samplesSeen, double seconds,
        double epochLossSum, long epochSamples, List<EpochMetrics> history) {
    /** The format version written by this class. */
    public static final int FORMAT_VERSION = 1;
    private static final long MAGIC = 0x474E344A434B5054L; // "GN4JCKPT"
    private static final long END = 0x434B50542D454E44L; // "CKPT-END"

    public Checkpoint {
        history = List.copyOf(history);
    }

    /**
     * Writes this checkpoint to {@code file} through a temporary sibling file and an atomic move, so a crash never
     * leaves a half-written checkpoint under the target name.
     */
    public void write(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
            out.writeLong(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(optimizerName);
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
            out.writeLong(END);
        }
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a checkpoint written by {@link #write}.
     *
     * @throws IOException naming the file if it cannot be read, is not a gn4j checkpoint, has an unsupported
     *                     version, is truncated or is corrupt
     */
    public static Checkpoint read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            long magic = size >= 8 ? in.readLong() : 0;
            if (magic != MAGIC) {
                throw new IOException("checkpoint file " + file + " is not a gn4j checkpoint (no GN4JCKPT header)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("checkpoint file " + file + " has format version " + version + ", expected "
                        + FORMAT_VERSION);
            }
            String name = in.readUTF();
            long optStep = in.readLong();
            double[] state = readArray(in, file, size, "optimizer state");
            double[] theta = readArray(in, file, size, "theta");
            long seed = in.readLong();
            int batchSize = in.readInt();
            boolean dropLast = in.readBoolean();
            int epoch = in.readInt();
            int batchInEpoch = in.readInt();
            long step = in.readLong();
            long samples = in.readLong();
            double seconds = in.readDouble();
            double lossSum = in.readDouble();
            long epochSamples = in.readLong();
            int rows = in.readInt();
            if (rows < 0 || rows > size / 56) {
                throw new IOException("checkpoint file " + file + " is corrupt: history of " + rows + " rows");
            }
            List<EpochMetrics> history = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                history.add(new EpochMetrics(in.readInt(), in.readLong(), in.readLong(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            if (in.readLong() != END) {
                throw new IOException("checkpoint file " + file + " is corrupt: no end marker after the history");
            }
            if (optStep < 0 || batchSize <= 0 || epoch < 0 || batchInEpoch < 0 || step < 0 || samples < 0) {
                throw new IOException("checkpoint file " + file + " is corrupt: negative counters");
            }
            return new Checkpoint(name, optStep, state, theta, seed, batchSize, dropLast, epoch, batchInEpoch, step,
                    samples, seconds, lossSum, epochSamples, history);
        } catch (EOFException e) {
            throw new IOException("checkpoint file " + file + " is truncated (" + size + " bytes)", e);
        }
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readArray(DataInputStream in, Path file, long size, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * 8 > size) {
            throw new IOException("checkpoint file " + file + " is corrupt: " + what + " of length " + n + " in a file of "
                    + size + " bytes");
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
