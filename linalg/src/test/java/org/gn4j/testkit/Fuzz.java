package org.gn4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small deterministic fuzzer for the readers' tests: it derives mutated inputs from valid seed inputs (bit flips,
 * byte replacement, truncation, insertion, deletion, duplicated and swapped lines, numbers replaced by huge or
 * malformed ones, format tokens inserted and repeated, 32-bit header words overwritten) and runs a parse on each,
 * failing on the first input whose outcome breaks the reader's contract:
 *
 * <ul>
 *   <li>it threw anything but the documented error types, or a documented error whose message fails the check
 *       (typically: it names the file);</li>
 *   <li>it allocated more than {@code bytesPerInputByte × input length + constantBytes} (measured with HotSpot's
 *       per-thread allocation counter; an input over the bound is measured once more, so that one-time class
 *       loading and linkage do not count);</li>
 *   <li>the whole run took longer than its time limit (a hang).</li>
 * </ul>
 *
 * The failure message shows the input's index, the seed it came from and its first bytes, and the run is reproducible
 * from the fuzzer's seed.
 */
public final class Fuzz {
    /** Numbers a text format may meet: huge, overflowing, Java-only spellings, non-finite, malformed. */
    public static final List<String> TEXT_NUMBERS = List.of("99999999999", "2147483647", "2147483648", "4294967296",
            "-1", "0", "-0", "1e999", "-1E999", "1e-999", "1d", "1D", "2f", "0x0p0", "0x1p3", "NaN", "nan", "Infinity",
            "-Infinity", "inf", "1_000", "\u0661\u0662", "1.2.3", "", "+", "-", ".", "e5", "1e", "1e+", "1E-",
            "9".repeat(400), "0." + "0".repeat(300) + "1", "1" + "0".repeat(320), "12e2147483648");
    /** 32-bit words a binary header may meet. */
    private static final int[] WORDS = {0, 1, 2, 3, 7, 10, 28, 255, 256, 3072, 3073, 10_000, 60_000, 65_536,
        0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x7FFF_FFF7, 2_000_000_000, 0x0000_0801, 0x0000_0803, 0x0000_0808,
        0x1F8B_0800};

    /** One parse of one input. */
    @FunctionalInterface
    public interface Parse {
        void run(byte[] input) throws Exception;
    }

    /** What a run saw. */
    public record Report(int inputs, int valid, int errors, long maxAllocatedBytes, long slowestMicros,
            int slowestInput, int slowestLength) {
    }

    private final String name;
    private final List<byte[]> seeds;
    private final long seed;
    private final List<byte[]> tokens;
    private int count = 10_000;
    private long bytesPerInputByte = 64;
    private long constantBytes = 1 << 20;
    private Duration timeLimit = Duration.ofSeconds(60);
    private int maxLength = 1 << 16;
    private final List<Class<? extends Throwable>> documented = new ArrayList<>();
    private Predicate<Throwable> messageCheck = t -> t.getMessage() != null && !t.getMessage().isBlank();
    private final List<Function<SplittableRandom, byte[]>> generators = new ArrayList<>();

    private Fuzz(String name, List<byte[]> seeds, long seed, List<String> tokens) {
        this.name = name;
        this.seeds = List.copyOf(seeds);
        this.seed = seed;
        this.tokens = new ArrayList<>();
        for (String t : tokens) {
            this.tokens.add(t.getBytes(StandardCharsets.UTF_8));
        }
        for (String t : TEXT_NUMBERS) {
            this.tokens.add(t.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A fuzzer of the named reader.
     *
     * @param name   the reader, for messages
     * @param seeds  valid inputs to mutate (each is also run unmutated first)
     * @param seed   the random seed
     * @param tokens format tokens to insert and repeat (separators, quotes, keywords)
     */
    public static Fuzz of(String name, List<byte[]> seeds, long seed, List<String> tokens) {
        return new Fuzz(name, seeds, seed, tokens);
    }

    /** The number of inputs (default 10,000, seeds included). */
    public Fuzz count(int n) {
        this.count = n;
        return this;
    }

    /** The allocation bound per parse: {@code factor × input length + constant} bytes (default 64 and 1 MiB). */
    public Fuzz allocationBound(long factor, long constant) {
        this.bytesPerInputByte = factor;
        this.constantBytes = constant;
        return this;
    }

    /** The limit on the whole run (default 60 s). */
    public Fuzz timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** The longest input to produce; longer mutants are cut (default 64 KiB). */
    public Fuzz maxLength(int bytes) {
        this.maxLength = bytes;
        return this;
    }

    /**
     * Adds a generator of inputs of its own (random token sequences, deep nesting): each non-seed input then comes
     * from the mutator or one of the generators, chosen uniformly.
     */
    public Fuzz generator(Function<SplittableRandom, byte[]> generator) {
        generators.add(generator);
        return this;
    }

    /** Adds a documented error type (subclasses included). */
    public Fuzz allowing(Class<? extends Throwable> type) {
        documented.add(type);
        return this;
    }

    /** The check every documented error's message must pass (default: not blank). */
    public Fuzz messages(Predicate<Throwable> check) {
        this.messageCheck = check;
        return this;
    }

    /** Runs the inputs; fails on the first contract violation. */
    public Report run(Parse parse) {
        if (documented.isEmpty()) {
            throw new IllegalStateException("no documented error type given");
        }
        return assertTimeoutPreemptively(timeLimit, () -> loop(parse),
                () -> name + ": " + count + " inputs took longer than " + timeLimit + " (a parse hangs or is too slow)");
    }

    private Report loop(Parse parse) {
        AllocationCounter counter = AllocationCounter.forCurrentThread();
        SplittableRandom rng = new SplittableRandom(seed);
        int valid = 0;
        int errors = 0;
        long maxAllocated = 0;
        long slowest = 0;
        int slowestInput = -1;
        int slowestLength = 0;
        for (int i = 0; i < count; i++) {
            int from = i < seeds.size() ? i : rng.nextInt(seeds.size());
            int source = i < seeds.size() ? 0 : rng.nextInt(1 + generators.size());
            byte[] input = i < seeds.size() ? seeds.get(from)
                    : source == 0 ? mutate(seeds.get(from), rng) : generators.get(source - 1).apply(rng);
            String origin = i < seeds.size() ? "seed " + from
                    : source == 0 ? "a mutation of seed " + from : "generator " + source;
            long bound = bytesPerInputByte * input.length + constantBytes;
            boolean[] ok = new boolean[1];
            int index = i;
            long t0 = System.nanoTime();
            long allocated = counter.measure(() -> ok[0] = outcome(parse, input, index, origin));
            if (allocated > bound) {
                allocated = counter.measure(() -> ok[0] = outcome(parse, input, index, origin));
                if (allocated > bound) {
                    fail(name + ": input " + i + " (" + origin + ", " + input.length + " bytes) allocated "
                            + allocated + " bytes, more than " + bytesPerInputByte + " x " + input.length + " + "
                            + constantBytes + " = " + bound + ": " + show(input));
                }
            }
            long took = System.nanoTime() - t0;
            if (took > slowest) {
                slowest = took;
                slowestInput = i;
                slowestLength = input.length;
            }
            maxAllocated = Math.max(maxAllocated, allocated);
            if (ok[0]) {
                valid++;
            } else {
                errors++;
            }
        }
        return new Report(count, valid, errors, maxAllocated, slowest / 1000, slowestInput, slowestLength);
    }

    /** Runs one parse: true if it succeeded, false if it raised a documented error; fails otherwise. */
    private boolean outcome(Parse parse, byte[] input, int i, String origin) {
        try {
            parse.run(input);
            return true;
        } catch (Throwable t) {
            for (Class<? extends Throwable> type : documented) {
                if (type.isInstance(t)) {
                    if (!messageCheck.test(t)) {
                        fail(name + ": input " + i + " (" + origin + ") raised " + t
                                + ", whose message fails the check: " + show(input), t);
                    }
                    return false;
                }
            }
            fail(name + ": input " + i + " (" + origin + ") raised " + t.getClass().getName()
                    + ", not a documented error type " + documented + ": " + show(input), t);
            return false;
        }
    }

    /** Up to 400 bytes of the input, printable ASCII as is and other bytes as {@code \xNN}. */
    public static String show(byte[] input) {
        StringBuilder sb = new StringBuilder("'");
        for (int k = 0; k < Math.min(input.length, 400); k++) {
            int b = input[k] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                sb.append((char) b);
            } else if (b == '\n') {
                sb.append("\\n");
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02x", b));
            }
        }
        return sb.append(input.length > 400 ? "'... (" + input.length + " bytes)" : "'").toString();
    }

    /** One to four stacked mutations of the seed. */
    public byte[] mutate(byte[] seedInput, SplittableRandom rng) {
        byte[] b = seedInput.clone();
        int rounds = 1 + rng.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            b = mutateOnce(b, rng);
            if (b.length > maxLength) {
                b = Arrays.copyOf(b, maxLength);
            }
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b, SplittableRandom rng) {
        int n = b.length;
        int at = n == 0 ? 0 : rng.nextInt(n + 1);
        switch (rng.nextInt(13)) {
            case 0: // flip one bit
                if (n > 0) {
                    b[Math.min(at, n - 1)] ^= (byte) (1 << rng.nextInt(8));
                }
                return b;
            case 1: // replace one byte
                if (n > 0) {
                    b[Math.min(at, n - 1)] = (byte) rng.nextInt(256);
                }
                return b;
            case 2: // truncate
                return Arrays.copyOf(b, at);
            case 3: { // insert random bytes
                byte[] ins = new byte[1 + rng.nextInt(8)];
                rng.nextBytes(ins);
                return splice(b, at, at, ins);
            }
            case 4: // delete a range
                return splice(b, at, Math.min(n, at + 1 + rng.nextInt(16)), new byte[0]);
            case 5: { // duplicate a line, possibly many times
                int[] line = line(b, at);
                byte[] copy = Arrays.copyOfRange(b, line[0], line[1]);
                int times = rng.nextInt(4) == 0 ? 1 + rng.nextInt(200) : 1;
                byte[] many = new byte[copy.length * times];
                for (int k = 0; k < times; k++) {
                    System.arraycopy(copy, 0, many, k * copy.length, copy.length);
                }
                return splice(b, line[1], line[1], many);
            }
            case 6: { // delete a line
                int[] line = line(b, at);
                return splice(b, line[0], line[1], new byte[0]);
            }
            case 7: { // swap two lines
                int[] l1 = line(b, at);
                int[] l2 = line(b, n == 0 ? 0 : rng.nextInt(n + 1));
                if (l1[0] == l2[0]) {
                    return b;
                }
                int[] first = l1[0] < l2[0] ? l1 : l2;
                int[] second = l1[0] < l2[0] ? l2 : l1;
                if (second[0] < first[1]) {
                    return b;
                }
                byte[] out = new byte[n];
                int p = 0;
                p = put(out, p, b, 0, first[0]);
                p = put(out, p, b, second[0], second[1]);
                p = put(out, p, b, first[1], second[0]);
                p = put(out, p, b, first[0], first[1]);
                put(out, p, b, second[1], n);
                return out;
            }
            case 8: { // replace a run of digits (a number, a count) by a huge or malformed one
                int start = at;
                while (start < n && !(b[start] >= '0' && b[start] <= '9')) {
                    start++;
                }
                if (start >= n) {
                    start = at;
                }
                int end = start;
                while (end < n && ((b[end] >= '0' && b[end] <= '9') || b[end] == '.' || b[end] == 'E'
                        || b[end] == 'e' || b[end] == '-' || b[end] == '+')) {
                    end++;
                }
                String number = TEXT_NUMBERS.get(rng.nextInt(TEXT_NUMBERS.size()));
                return splice(b, start, end, number.getBytes(StandardCharsets.UTF_8));
            }
            case 9: // insert a format token
                return splice(b, at, at, tokens.get(rng.nextInt(tokens.size())));
            case 10: { // duplicate a range
                if (n == 0) {
                    return b;
                }
                int from = rng.nextInt(n);
                int to = Math.min(n, from + 1 + rng.nextInt(64));
                return splice(b, at, at, Arrays.copyOfRange(b, from, to));
            }
            case 11: { // overwrite a big-endian 32-bit word, mostly in the first 32 bytes (binary headers)
                if (n < 4) {
                    return b;
                }
                int pos = rng.nextBoolean() ? rng.nextInt(Math.min(29, n - 3)) : rng.nextInt(n - 3);
                int w = rng.nextInt(3) == 0 ? rng.nextInt() : WORDS[rng.nextInt(WORDS.length)];
                b[pos] = (byte) (w >>> 24);
                b[pos + 1] = (byte) (w >>> 16);
                b[pos + 2] = (byte) (w >>> 8);
                b[pos + 3] = (byte) w;
                return b;
            }
            default: { // repeat a format token many times (deep nesting, long runs)
                byte[] t = tokens.get(rng.nextInt(tokens.size()));
                int times = 1 + rng.nextInt(600);
                byte[] many = new byte[t.length * times];
                for (int k = 0; k < times; k++) {
                    System.arraycopy(t, 0, many, k * t.length, t.length);
                }
                return splice(b, at, at, many);
            }
        }
    }

    private static int put(byte[] out, int p, byte[] src, int from, int to) {
        System.arraycopy(src, from, out, p, to - from);
        return p + to - from;
    }

    /** {@code b[0, from) + insert + b[to, n)}. */
    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    /** The line around {@code at}: [start, end) including its line break. */
    private static int[] line(byte[] b, int at) {
        int start = Math.min(at, b.length);
        while (start > 0 && b[start - 1] != '\n') {
            start--;
        }
        int end = Math.min(at, b.length);
        while (end < b.length && b[end] != '\n') {
            end++;
        }
        if (end < b.length) {
            end++;
        }
        return new int[] {start, end};
    }

    /** Bytes allocated by the current thread, from HotSpot's counter (0 where the JVM does not provide it). */
    public static final class AllocationCounter {
        private final com.sun.management.ThreadMXBean bean;
        private final long thread;

        private AllocationCounter(com.sun.management.ThreadMXBean bean, long thread) {
            this.bean = bean;
            this.thread = thread;
        }

        /** A counter of the calling thread's allocations. */
        public static AllocationCounter forCurrentThread() {
            java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
            if (b instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
                hotspot.setThreadAllocatedMemoryEnabled(true);
                return new AllocationCounter(hotspot, Thread.currentThread().getId());
            }
            return new AllocationCounter(null, 0);
        }

        /** Whether the counter measures anything. */
        public boolean supported() {
            return bean != null;
        }

        /** The bytes the calling thread allocated while running {@code body}. */
        public long measure(Runnable body) {
            if (bean == null) {
                body.run();
                return 0;
            }
            long before = bean.getThreadAllocatedBytes(thread);
            body.run();
            return bean.getThreadAllocatedBytes(thread) - before;
        }
    }
}
