package io.eventpipe.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Mutation fuzzing: turns a valid input into a nearly valid one, the inputs most likely to reach
 * deep into a parser (bit flips, bytes inserted, removed or duplicated, truncation, JSON-shaped
 * splices such as huge numbers, deep nesting, odd Unicode and type swaps). Seeded, so that a
 * failure names the seed that reproduces it. The iteration count comes from
 * -Deventpipe.fuzz.iterations (scripts/fuzz.sh runs long; CI runs the default).
 */
public final class Mutator {

    private static final String[] SPLICES = {"null", "true", "-0", "1e309", "-1e309", "123456789012345678901234567890",
        "\"\\u0000\"", "\"\\ud800\"", "\"\u202e\"", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{\"a\":".repeat(64) + "1" + "}".repeat(64), "\"" + "x".repeat(5000) + "\"", ",", ":", "\"", "\\", "NaN", "0x10"};

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** How many inputs a fuzz test tries (default for CI, more with -Deventpipe.fuzz.iterations=N). */
    public static int iterations(int ciDefault) {
        return Integer.getInteger("eventpipe.fuzz.iterations", ciDefault);
    }

    public Random random() {
        return random;
    }

    public String mutate(String valid) {
        return new String(mutate(valid.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public byte[] mutate(byte[] valid) {
        byte[] data = valid.clone();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            data = once(data);
        }
        return data;
    }

    private byte[] once(byte[] data) {
        if (data.length == 0) {
            return SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(data.length);
        return switch (random.nextInt(7)) {
            case 0 -> flipBit(data, at);
            case 1 -> Arrays.copyOf(data, at);
            case 2 -> remove(data, at, 1 + random.nextInt(Math.min(16, data.length - at)));
            case 3 -> insert(data, at, new byte[] {(byte) random.nextInt(256)});
            case 4 -> insert(data, at, Arrays.copyOfRange(data, at, Math.min(data.length, at + 1 + random.nextInt(32))));
            default -> insert(remove(data, at, Math.min(data.length - at, random.nextInt(8))), at,
                    SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8));
        };
    }

    private byte[] flipBit(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] remove(byte[] data, int at, int count) {
        byte[] copy = new byte[data.length - count];
        System.arraycopy(data, 0, copy, 0, at);
        System.arraycopy(data, at + count, copy, at, data.length - at - count);
        return copy;
    }

    private static byte[] insert(byte[] data, int at, byte[] extra) {
        byte[] copy = new byte[data.length + extra.length];
        System.arraycopy(data, 0, copy, 0, at);
        System.arraycopy(extra, 0, copy, at, extra.length);
        System.arraycopy(data, at, copy, at + extra.length, data.length - at);
        return copy;
    }
}
