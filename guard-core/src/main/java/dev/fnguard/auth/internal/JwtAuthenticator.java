package dev.fnguard.auth.internal;

import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.auth.JwtSettings;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens from the {@code Authorization} header, verified by {@link JwksTokenVerifier}. When
 * the settings are incomplete (no issuer, audience or key source after the environment), every
 * token is refused: the function answers 401 instead of failing to start, and says why at init.
 */
final class JwtAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final JwksTokenVerifier verifier;

    JwtAuthenticator(JwtSettings settings, Clock clock) {
        List<String> problems = settings.problems();
        if (problems.isEmpty()) {
            this.verifier = new JwksTokenVerifier(settings, clock);
        } else {
            this.verifier = null;
            LOG.warn("JWT verification is not configured, every request will be refused with 401: {}",
                    String.join("; ", problems));
        }
    }

    @Override
    public Authentication authenticate(Invocation invocation) {
        if (invocation.http().isEmpty()) {
            return Authentication.absent();
        }
        List<String> values = invocation.http().get().headers().all("authorization");
        if (values.isEmpty()) {
            return Authentication.absent();
        }
        if (values.size() > 1) {
            return Authentication.refused(Reason.TOKEN_INVALID, JwksTokenVerifier.METHOD, "header");
        }
        String v = values.get(0).strip();
        if (v.length() < 7 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Authentication.absent();
        }
        String token = v.substring(7).strip();
        if (token.isEmpty()) {
            return Authentication.absent();
        }
        if (verifier == null) {
            return Authentication.refused(Reason.TOKEN_INVALID, JwksTokenVerifier.METHOD, "unconfigured");
        }
        return verifier.verify(token);
    }
}
