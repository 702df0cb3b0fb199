package dev.fnguard.internal;

/**
 * Strict UTF-8 validation of payload bytes. Written by hand because the JDK only validates while
 * decoding into a new buffer; this is one allocation-free pass that also rejects what JSON never
 * contains raw (NUL) and so stops Jackson from guessing UTF-16 or UTF-32.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above
     * U+10FFFF) with no NUL byte.
     */
    static boolean isStrictUtf8WithoutNul(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                return false;
            }
            c &= 0xFF;
            if (c < 0xC2) {
                return false; // continuation byte first, or overlong 2-byte lead
            } else if (c < 0xE0) {
                if (i + 1 >= end || !cont(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= end || !cont(b[i + 1]) || !cont(b[i + 2])) {
                    return false;
                }
                int b1 = b[i + 1] & 0xFF;
                if (c == 0xE0 && b1 < 0xA0) {
                    return false; // overlong
                }
                if (c == 0xED && b1 >= 0xA0) {
                    return false; // UTF-16 surrogate
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= end || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) {
                    return false;
                }
                int b1 = b[i + 1] & 0xFF;
                if (c == 0xF0 && b1 < 0x90) {
                    return false; // overlong
                }
                if (c == 0xF4 && b1 >= 0x90) {
                    return false; // above U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean cont(byte x) {
        return (x & 0xC0) == 0x80;
    }
}
