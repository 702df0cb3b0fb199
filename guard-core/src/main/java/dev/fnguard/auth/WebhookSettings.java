package dev.fnguard.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The compiled form of {@link Webhook}.
 *
 * @param style the signature scheme
 * @param tolerance the accepted age of a signed timestamp (Stripe style)
 * @param replayWindow how long a delivery id is remembered (GitHub style)
 * @param secret the shared secret, from {@code FNGUARD_WEBHOOK_SECRET} only; never printed
 */
public record WebhookSettings(Webhook.Style style, Duration tolerance, Duration replayWindow, Optional<String> secret) {

    /**
     * Checks the values.
     *
     * @param style style
     * @param tolerance tolerance
     * @param replayWindow replay window
     * @param secret secret
     */
    public WebhookSettings {
        Objects.requireNonNull(style, "style");
        if (tolerance.isNegative() || tolerance.isZero() || tolerance.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("Webhook.tolerance must be between 1 and 3600 seconds, was "
                    + tolerance.toSeconds());
        }
        if (replayWindow.isNegative() || replayWindow.isZero()) {
            throw new IllegalArgumentException("Webhook.replayWindow must be positive, was " + replayWindow.toSeconds());
        }
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * Compiles the annotation.
     *
     * @param w the annotation
     * @return the settings, without a secret yet
     */
    public static WebhookSettings of(Webhook w) {
        return new WebhookSettings(w.style(), Duration.ofSeconds(w.tolerance()), Duration.ofSeconds(w.replayWindow()),
                Optional.empty());
    }

    /** @param v the secret @return a copy */
    public WebhookSettings withSecret(String v) {
        return new WebhookSettings(style, tolerance, replayWindow, Optional.of(v));
    }

    @Override
    public String toString() {
        return "WebhookSettings[style=" + style + ", tolerance=" + tolerance + ", replayWindow=" + replayWindow
                + ", secret=" + (secret.isPresent() ? "***" : "none") + "]";
    }
}
