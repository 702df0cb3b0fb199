package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires an HMAC-SHA256 signature of the raw request body, as webhook senders compute it. The
 * secret comes from {@code FNGUARD_WEBHOOK_SECRET} only; without it every request is refused (401).
 *
 * <ul>
 *   <li>{@link Style#GITHUB}: {@code X-Hub-Signature-256: sha256=<hex>} over the body; the signature is
 *       remembered for {@link #replayWindow()} (not the {@code X-GitHub-Delivery} id, which is not
 *       signed). GitHub signs no timestamp, so a replay after the window cannot be told apart.
 *   <li>{@link Style#STRIPE}: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>} over
 *       {@code t + "." + body}; {@code t} must be within {@link #tolerance()} of now, and the signature is
 *       remembered for twice the tolerance.
 * </ul>
 * Signatures are compared in constant time; a delivery seen before is refused ({@code REPLAY}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface Webhook {

    /**
     * The signature scheme.
     *
     * @return the style
     */
    Style style();

    /**
     * For {@link Style#STRIPE}: the largest accepted age (or lead) of the signed timestamp, in seconds.
     *
     * @return seconds, 300 by default
     */
    int tolerance() default 300;

    /**
     * For {@link Style#GITHUB}: how long a delivery id is remembered to refuse replays, in seconds.
     *
     * @return seconds, 86400 by default
     */
    int replayWindow() default 86_400;

    /** Webhook signature schemes. */
    enum Style {
        /** GitHub: {@code X-Hub-Signature-256: sha256=<hex>}. */
        GITHUB,
        /** Stripe: {@code Stripe-Signature: t=...,v1=...}. */
        STRIPE
    }
}
