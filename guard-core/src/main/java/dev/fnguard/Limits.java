package dev.fnguard;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hard limits on the size and shape of an event, enforced while it is read so that nothing oversized
 * is ever built in memory. Violations are denied with a {@code LIMIT_*} {@link Reason} (HTTP 413).
 *
 * <p>The defaults suit a typical JSON API; tighten them for each handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Limits {

    /**
     * Maximum payload size in bytes, after base64 decoding. {@code FNGUARD_MAX_BODY_BYTES} can lower it.
     *
     * @return bytes, 1 MiB by default
     */
    int maxBodyBytes() default LimitSettings.DEFAULT_MAX_BODY_BYTES;

    /**
     * Maximum JSON nesting depth (objects and arrays).
     *
     * @return levels, 32 by default
     */
    int maxDepth() default LimitSettings.DEFAULT_MAX_DEPTH;

    /**
     * Maximum length of any JSON string or property name, in characters.
     *
     * @return characters, 16384 by default
     */
    int maxStringLength() default LimitSettings.DEFAULT_MAX_STRING_LENGTH;

    /**
     * Maximum number of elements in any JSON array.
     *
     * @return elements, 1000 by default
     */
    int maxArrayLength() default LimitSettings.DEFAULT_MAX_ARRAY_LENGTH;

    /**
     * Maximum number of properties in any JSON object.
     *
     * @return properties, 256 by default
     */
    int maxFields() default LimitSettings.DEFAULT_MAX_FIELDS;

    /**
     * Maximum number of JSON tokens in the payload.
     *
     * @return tokens, 100000 by default
     */
    int maxTokens() default LimitSettings.DEFAULT_MAX_TOKENS;
}
