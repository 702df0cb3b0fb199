package dev.fnguard;

import dev.fnguard.budget.Budget;
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
     * Budgets against denial-of-wallet: rates, spend, batch size, deadline, concurrency.
     *
     * @return the budgets, all off by default
     */
    Budget budget() default @Budget;

    /**
     * JWT bearer tokens ({@code jwt = @Jwt(audience = "orders-api")}); none by default. May also be
     * placed directly on the handler class.
     *
     * @return at most one {@link dev.fnguard.auth.Jwt}
     */
    dev.fnguard.auth.Jwt[] jwt() default {};

    /**
     * HMAC-signed webhooks; none by default. May also be placed directly on the handler class.
     *
     * @return at most one {@link dev.fnguard.auth.Webhook}
     */
    dev.fnguard.auth.Webhook[] webhook() default {};

    /**
     * API keys; none by default. May also be placed directly on the handler class.
     *
     * @return at most one {@link dev.fnguard.auth.ApiKeys}
     */
    dev.fnguard.auth.ApiKeys[] apiKeys() default {};

    /**
     * Trusted API Gateway authorizers; none by default. May also be placed directly on the handler class.
     *
     * @return at most one {@link dev.fnguard.auth.GatewayAuth}
     */
    dev.fnguard.auth.GatewayAuth[] gateway() default {};

    /**
     * IoT client id / principal allow-lists; none by default. May also be placed directly on the handler class.
     *
     * @return at most one {@link dev.fnguard.auth.IotClients}
     */
    dev.fnguard.auth.IotClients[] iot() default {};

    /**
     * Injection detection on every string of the payload and request; off (no detectors) by default.
     *
     * @return the detection rules
     */
    dev.fnguard.detect.Detect detect() default @dev.fnguard.detect.Detect;

    /**
     * Which event sources may invoke the handler; {@code FNGUARD_ALLOWED_SOURCES} replaces the list.
     *
     * @return the source rules, none (any source) by default
     */
    Sources sources() default @Sources;
}
