package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Per-caller budget keys: SHA-256 of the caller, 128 bits, base64url; the last caller's key is remembered. */
class CallerKeyTest {

    private static String expected(String raw) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 16));
    }

    @Test
    void aKeyIsTheTruncatedDigestWhetherRememberedOrNot() throws Exception {
        String a = "ip\u0000203.0.113.7";
        String b = "ip\u0000198.51.100.1";
        for (String raw : new String[] {a, a, b, a, b, b, "sub\u0000https://issuer/\u0000alice", a}) {
            assertEquals(expected(raw), CallerKey.hash(raw), raw);
        }
        assertNotEquals(CallerKey.hash(a), CallerKey.hash(b));
        assertEquals(22, CallerKey.hash(a).length(), "128 bits in unpadded base64url");
    }
}
