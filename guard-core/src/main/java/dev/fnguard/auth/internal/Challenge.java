package dev.fnguard.auth.internal;

import dev.fnguard.Reason;
import dev.fnguard.auth.AuthSettings;
import java.util.Optional;

/**
 * The {@code WWW-Authenticate} value answered with an authentication denial, for every HTTP adapter.
 * It names the scheme and, for a missing scope, the scopes the route requires (from configuration,
 * never from the request); never why a token failed.
 */
public final class Challenge {

    private Challenge() {
    }

    /**
     * The challenge for a denial.
     *
     * @param settings the handler's auth settings
     * @param reason the denial's reason
     * @param route the invocation's route, empty when not HTTP
     * @return the header value, empty when the reason calls for none
     */
    public static Optional<String> forDenial(AuthSettings settings, Reason reason, String route) {
        if (reason == Reason.SCOPE) {
            if (settings.jwt().isEmpty() && settings.gateway().isEmpty()) {
                return Optional.empty();
            }
            String scopes = AuthCheck.requiredScopes(settings, route);
            return Optional.of("Bearer error=\"insufficient_scope\"" + (scopes.isEmpty() ? "" : ", scope=\"" + scopes + "\""));
        }
        if (reason.status() != 401) {
            return Optional.empty();
        }
        if (settings.jwt().isPresent() || (settings.apiKeys().isEmpty() && settings.webhook().isEmpty())) {
            // RFC 6750 sends no error code for a missing token; the issue asks for invalid_token on both
            return Optional.of("Bearer error=\"invalid_token\"");
        }
        if (settings.apiKeys().isPresent()) {
            return Optional.of("ApiKey header=\"" + settings.apiKeys().get().header() + "\"");
        }
        return Optional.of("HMAC-SHA256");
    }
}
