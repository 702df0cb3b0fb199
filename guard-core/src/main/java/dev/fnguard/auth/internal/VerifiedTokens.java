package dev.fnguard.auth.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fnguard.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature verified recently, so that a client reusing its token (the usual case) does
 * not pay a signature verification per request. Keyed by the token's SHA-256 (no token is kept, and
 * a lookup compares digests, not token prefixes). An entry lives at most {@link #TTL_MILLIS}, so a key
 * withdrawn from the JWKS stops being honoured about as soon as the JWKS cache notices; the time
 * claims ({@code exp}, {@code nbf}, {@code iat}) are checked again on every use. Bounded: when full
 * of live entries, new tokens are simply not remembered.
 */
final class VerifiedTokens {

    static final long TTL_MILLIS = 60_000;
    private static final int MAX_ENTRIES = 4096;

    record Entry(JWTClaimsSet claims, Caller caller, long until) {
    }

    /** A token's SHA-256, compared in constant time. */
    record Key(byte[] digest, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && MessageDigest.isEqual(digest, k.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    Key key(String token) {
        byte[] d = sha256(token);
        return new Key(d, Arrays.hashCode(d));
    }

    Entry get(Key key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.millis() >= e.until()) {
            entries.remove(key, e);
            return null;
        }
        return e;
    }

    void put(Key key, JWTClaimsSet claims, Caller caller) {
        long now = clock.millis();
        if (entries.size() >= MAX_ENTRIES) {
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
                if (now >= it.next().until()) {
                    it.remove();
                }
            }
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        entries.put(key, new Entry(claims, caller, now + TTL_MILLIS));
    }

    int size() {
        return entries.size();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
