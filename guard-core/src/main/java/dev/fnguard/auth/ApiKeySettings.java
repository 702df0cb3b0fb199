package dev.fnguard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The compiled form of {@link ApiKeys}.
 *
 * @param header the header carrying the key
 * @param keyHashes SHA-256 hashes of the accepted keys, lower-case hex; never printed
 */
public record ApiKeySettings(String header, List<String> keyHashes) {

    /**
     * Checks the values.
     *
     * @param header header
     * @param keyHashes hashes
     */
    public ApiKeySettings {
        header = Objects.requireNonNull(header, "header").strip();
        if (header.isEmpty()) {
            throw new IllegalArgumentException("ApiKeys.header must not be empty");
        }
        keyHashes = List.copyOf(keyHashes);
        for (String h : keyHashes) {
            if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("FNGUARD_API_KEYS holds a sha256: entry that is not 64 hex digits");
            }
        }
    }

    /**
     * Compiles the annotation.
     *
     * @param a the annotation
     * @return the settings, without keys yet
     */
    public static ApiKeySettings of(ApiKeys a) {
        return new ApiKeySettings(a.header(), List.of());
    }

    /**
     * Parses {@code FNGUARD_API_KEYS}: comma-separated entries, {@code sha256:<hex>} or a raw key.
     *
     * @param value the variable's value
     * @return a copy with these keys
     */
    public ApiKeySettings withKeys(String value) {
        List<String> hashes = new ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.regionMatches(true, 0, "sha256:", 0, 7)) {
                hashes.add(e.substring(7).strip().toLowerCase(Locale.ROOT));
            } else {
                hashes.add(sha256Hex(e));
            }
        }
        return new ApiKeySettings(header, hashes);
    }

    /**
     * The SHA-256 of a key's UTF-8 bytes, as lower-case hex.
     *
     * @param key the key
     * @return the hash
     */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySettings[header=" + header + ", keys=" + keyHashes.size() + "]";
    }
}
