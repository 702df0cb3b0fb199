package dev.fnguard.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Object keys as object stores send them in notifications: URL-encoded with {@code +} for a space
 * (S3). Decoding is strict (bad escapes and invalid UTF-8 are refused) and the decoded key is
 * inspected for traversal and control characters in one linear pass.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    /**
     * Decodes a key as S3 encodes it in event notifications.
     *
     * @param raw the key from the event
     * @return the decoded key, empty when the encoding is invalid
     */
    public static Optional<String> decodeS3(String raw) {
        byte[] out = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    b = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(b, 0, out, n, b.length);
                n += b.length;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, n)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a decoded key is unsafe to hand to code that builds paths from it: a {@code ..}
     * segment, a backslash, a leading slash, NUL or other control characters, or a second level of
     * percent-encoding (double-encoded traversal).
     *
     * @param key the decoded key
     * @return true when the key must be refused
     */
    public static boolean unsafe(String key) {
        if (key.isEmpty() || key.charAt(0) == '/') {
            return true;
        }
        int segmentStart = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\\' || c == '\u2028' || c == '\u2029') {
                return true;
            }
            if (c == '%' && i + 2 < key.length() && Character.digit(key.charAt(i + 1), 16) >= 0
                    && Character.digit(key.charAt(i + 2), 16) >= 0) {
                return true;
            }
            if (c == '/') {
                if (isDotDot(key, segmentStart, i)) {
                    return true;
                }
                segmentStart = i + 1;
            }
        }
        return isDotDot(key, segmentStart, key.length());
    }

    private static boolean isDotDot(String key, int from, int to) {
        return to - from == 2 && key.charAt(from) == '.' && key.charAt(from + 1) == '.';
    }
}
