package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Trusts the caller identity an API Gateway authorizer established (claims of an HTTP API JWT
 * authorizer, the context of a Lambda authorizer, IAM caller identity), but only on events whose
 * request context names one of {@link #apiIds()}: anyone who can invoke the function directly can
 * forge an event, the API id is what ties it to the gateway's own verification.
 * {@code FNGUARD_GATEWAY_API_IDS} (comma-separated) overrides the list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface GatewayAuth {

    /**
     * API Gateway API ids whose authorizers are trusted.
     *
     * @return ids, none by default (taken from the environment)
     */
    String[] apiIds() default {};
}
