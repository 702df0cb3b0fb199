package dev.fnguard.auth.internal;

import dev.fnguard.Caller;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.auth.ApiKeySettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys in a header, compared by SHA-256 hash with every accepted hash in constant time (no early
 * exit, {@link MessageDigest#isEqual}). The key itself is never kept, logged or audited.
 */
final class ApiKeyAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    static final String METHOD = "api-key";
    private static final int MAX_KEY_CHARS = 512;

    private final String header;
    private final byte[][] hashes;

    ApiKeyAuthenticator(ApiKeySettings settings) {
        this.header = settings.header();
        HexFormat hex = HexFormat.of();
        this.hashes = settings.keyHashes().stream().map(hex::parseHex).toArray(byte[][]::new);
        if (hashes.length == 0) {
            LOG.warn("API keys are declared but FNGUARD_API_KEYS holds none: every request will be refused with 401");
        }
    }

    @Override
    public Authentication authenticate(Invocation invocation) {
        if (invocation.http().isEmpty()) {
            return Authentication.absent();
        }
        List<String> values = invocation.http().get().headers().all(header);
        if (values.isEmpty() || values.get(0).isBlank()) {
            return Authentication.absent();
        }
        if (values.size() > 1 || values.get(0).length() > MAX_KEY_CHARS) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "header");
        }
        byte[] presented = sha256(values.get(0).strip().getBytes(StandardCharsets.UTF_8));
        boolean match = false;
        for (byte[] h : hashes) {
            match |= MessageDigest.isEqual(h, presented);
        }
        if (!match) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "key");
        }
        String id = "key-" + HexFormat.of().formatHex(presented, 0, 6);
        return Authentication.verified(new Caller(Optional.of(id), Optional.empty(), Set.of(), Set.of(), METHOD));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
