package dev.fnguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a handler is protected by fnguard, and how.
 *
 * <p>Each concern has its own nested annotation. The annotation is read once per handler class, at
 * init, into an immutable {@link Policy}; {@code FNGUARD_*} environment variables can then tighten
 * it or switch it to monitor mode without a code change (see the README for the list).
 *
 * <pre>{@code
 * @Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"))
 * public final class OrdersApi extends GuardedHttpHandler<OrderRequest, OrderCreated> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Guarded {

    /**
     * Global mode; {@code FNGUARD_MODE} overrides it.
     *
     * @return the mode, {@link Mode#ENFORCE} by default
     */
    Mode mode() default Mode.ENFORCE;

    /**
     * Names of checks that run in monitor mode even when the global mode enforces, for example
     * {@code {"schema"}}. {@code FNGUARD_MONITOR_CHECKS} adds to it.
     *
     * @return check names, none by default
     */
    String[] monitor() default {};

    /**
     * Size and shape limits, enforced while the event is read.
     *
     * @return the limits, defaults as documented on {@link Limits}
     */
    Limits limits() default @Limits;

    /**
     * HTTP transport rules (methods, content types, HTTPS), for HTTP handlers.
     *
     * @return the HTTP rules
     */
    Http http() default @Http;

    /**
     * Which event sources may invoke the handler; {@code FNGUARD_ALLOWED_SOURCES} replaces the list.
     *
     * @return the source rules, none (any source) by default
     */
    Sources sources() default @Sources;
}
