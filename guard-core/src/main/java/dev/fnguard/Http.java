package dev.fnguard;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transport rules for HTTP handlers.
 *
 * <p>Requests that break them are denied before the body is parsed: a method not listed (405,
 * {@code METHOD}), a {@code Content-Type} not listed (415, {@code CONTENT_TYPE}), or a request that
 * did not arrive over HTTPS (403, {@code TLS_REQUIRED}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Http {

    /**
     * Accepted HTTP methods.
     *
     * @return methods in upper case; empty (the default) accepts any
     */
    String[] methods() default {};

    /**
     * Accepted media types of a request body. A request without a body, or without a
     * {@code Content-Type} header, is not refused for it; a declared {@code charset} must be UTF-8.
     *
     * @return media types, {@code application/json} by default
     */
    String[] contentTypes() default {"application/json"};

    /**
     * Whether requests whose {@code X-Forwarded-Proto} is not {@code https} are accepted.
     *
     * @return false by default: plain HTTP is refused
     */
    boolean allowPlainHttp() default false;
}
