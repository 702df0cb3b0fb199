package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts callers presenting an API key in a header. The accepted keys come from
 * {@code FNGUARD_API_KEYS} only (comma-separated; an entry {@code sha256:<64 hex>} is the SHA-256 of a
 * key, any other entry is a key itself and is hashed at init). Presented keys are hashed and compared
 * with every accepted hash in constant time; keys are never logged or audited (the caller's subject
 * is {@code key-} and the first 12 hex digits of the key's hash).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface ApiKeys {

    /**
     * The header carrying the key.
     *
     * @return the header name, {@code X-Api-Key} by default
     */
    String header() default "X-Api-Key";
}
