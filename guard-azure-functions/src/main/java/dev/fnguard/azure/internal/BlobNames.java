package dev.fnguard.azure.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks a blob name like an S3 key: after URL-decoding up to three layers, no {@code ..} path
 * segment (with {@code /} or {@code \} as separator), no absolute path, no NUL or control character.
 * Bounded work: each layer is one pass over at most the name's length.
 */
public final class BlobNames {

    /** Names longer than Azure's blob name limit (1024 characters) are refused outright. */
    public static final int MAX_LENGTH = 1024;

    private BlobNames() {
    }

    /**
     * Whether a blob name is safe to hand to user code as a path.
     *
     * @param name the blob name (without the container), as the trigger delivers it
     * @return true when safe
     */
    public static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        String current = name;
        for (int layer = 0; layer < 4; layer++) {
            if (!layerIsSafe(current)) {
                return false;
            }
            if (current.indexOf('%') < 0) {
                return true;
            }
            String decoded = percentDecode(current);
            if (decoded == null) {
                return false; // escapes that decode to invalid UTF-8 (overlong forms): an attack, not a name
            }
            if (decoded.equals(current)) {
                return true;
            }
            current = decoded;
        }
        return false; // more than three layers of encoding: no honest name needs that
    }

    private static boolean layerIsSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                return false;
            }
        }
        String n = s.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) {
            return false;
        }
        for (String segment : n.split("/", -1)) {
            String t = segment.strip().toLowerCase(Locale.ROOT);
            if (t.equals("..") || t.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes %XX escapes as UTF-8, leniently as many downstream decoders do: a '%' that starts no
     * escape stays a literal '%' and decoding goes on (so that a stray '%' cannot hide an encoded
     * traversal). Null when the escapes decode to invalid UTF-8 (overlong forms included).
     */
    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    out.write('%');
                    i++;
                    continue;
                }
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
