package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static boolean ok(byte... b) {
        return Utf8.isStrictUtf8WithoutNul(b, 0, b.length);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void acceptsEveryPlaneOfUnicode() {
        assertTrue(ok("plain ascii, é, €, 𝄞, 漢字".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsOverlongSlashAndNul() {
        assertFalse(ok(bytes(0xC0, 0xAF)));            // overlong '/'
        assertFalse(ok(bytes(0xE0, 0x80, 0xAF)));      // overlong '/' in 3 bytes
        assertFalse(ok(bytes(0xF0, 0x80, 0x80, 0xAF))); // overlong '/' in 4 bytes
        assertFalse(ok(bytes(0xC0, 0x80)));            // overlong NUL (modified UTF-8)
    }

    @Test
    void rejectsRawNulWhichJsonNeverContains() {
        assertFalse(ok(bytes('{', 0, '}')));
    }

    @Test
    void rejectsUtf16AndUtf32Encodings() {
        assertFalse(ok("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE)));
        assertFalse(ok("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void rejectsEncodedSurrogatesAndCodePointsAboveUnicode() {
        assertFalse(ok(bytes(0xED, 0xA0, 0x80)));
        assertFalse(ok(bytes(0xF4, 0x90, 0x80, 0x80)));
        assertFalse(ok(bytes(0xF5, 0x80, 0x80, 0x80)));
    }

    @Test
    void rejectsTruncatedAndStrayContinuationBytes() {
        assertFalse(ok(bytes(0xE2, 0x82)));
        assertFalse(ok(bytes(0x80)));
        assertFalse(ok(bytes('a', 0xBF, 'b')));
        assertFalse(ok(bytes(0xC3, 'a')));
    }
}
