package dev.fnguard.lambda.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;


/**
 * Reads a native event from the runtime's stream with a hard cap, so that an oversized event costs
 * at most {@code cap + 1} bytes of memory and is never read to its end.
 */
final class EventBytes {

    private final byte[] bytes;
    private final int length;
    private final boolean truncated;

    private EventBytes(byte[] bytes, int length, boolean truncated) {
        this.bytes = bytes;
        this.length = length;
        this.truncated = truncated;
    }

    static EventBytes read(InputStream in, int cap) throws IOException {
        // the runtime hands over a buffered stream whose available() is the event size: use it as a
        // hint so that a small event costs one right-sized array, not a default 16 KiB one
        int hint = Math.max(in.available(), 0);
        byte[] buf = new byte[(int) Math.min((long) cap + 1, Math.max(hint + 1L, 1024L))];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > cap) {
                    return new EventBytes(buf, n, true);
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) cap + 1, (long) buf.length * 2));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return new EventBytes(buf, n, n > cap);
    }

    /** The buffer: the first {@link #length()} bytes are the event (or its first {@code cap + 1}). */
    byte[] bytes() {
        return bytes;
    }

    /** How many bytes of {@link #bytes()} were read. */
    int length() {
        return length;
    }

    /** Whether the event was larger than the cap. */
    boolean truncated() {
        return truncated;
    }
}
