package dev.fnguard.internal;

import dev.fnguard.Caller;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Who a per-caller budget belongs to: the verified caller (issuer and subject), else the client IP of
 * an HTTP event, else the event source's identity. Keys are hashed (SHA-256, 128 bits, base64url),
 * so that no subject or address is written to a shared store.
 */
public final class CallerKey {

    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CallerKey() {
    }

    /**
     * The key of the invocation's caller.
     *
     * @param caller the caller established by the checks before the budget
     * @param invocation the invocation
     * @return the hashed key
     */
    public static String of(Caller caller, Invocation invocation) {
        String raw;
        if (!caller.isAnonymous()) {
            raw = "sub\u0000" + caller.issuer().orElse("") + "\u0000" + caller.subject().orElseThrow();
        } else {
            String ip = invocation.http().flatMap(HttpRequest::sourceIp).orElse(null);
            if (ip != null) {
                raw = "ip\u0000" + ip;
            } else {
                raw = "src\u0000" + invocation.source().kind() + "\u0000" + invocation.source().identity().orElse("");
            }
        }
        return hash(raw);
    }

    /** The last caller hashed and its key: a caller's burst of events pays for one SHA-256, not one each. */
    private static volatile Memo last;

    private record Memo(String raw, String key) {
    }

    static String hash(String raw) {
        Memo m = last;
        if (m != null && m.raw.equals(raw)) {
            return m.key;
        }
        String key = digest(raw);
        last = new Memo(raw, key);
        return key;
    }

    private static String digest(String raw) {
        MessageDigest md;
        try {
            md = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
        byte[] d = md.digest(raw.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 16));
    }
}
