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
    private final boolean truncated;

    private EventBytes(byte[] bytes, boolean truncated) {
        this.bytes = bytes;
        this.truncated = truncated;
    }

    static EventBytes read(InputStream in, int cap) throws IOException {
        byte[] buf = new byte[Math.min(cap + 1, 16 * 1024)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > cap) {
                    return new EventBytes(buf, true);
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) cap + 1, (long) buf.length * 2));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > cap) {
            return new EventBytes(Arrays.copyOf(buf, n), true);
        }
        return new EventBytes(n == buf.length ? buf : Arrays.copyOf(buf, n), false);
    }

    /** The bytes read: the whole event, or its first {@code cap + 1} bytes when truncated. */
    byte[] bytes() {
        return bytes;
    }

    /** Whether the event was larger than the cap. */
    boolean truncated() {
        return truncated;
    }
}
