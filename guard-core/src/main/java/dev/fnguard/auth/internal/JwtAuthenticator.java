package dev.fnguard.auth.internal;

import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.auth.JwtSettings;
import java.net.MalformedURLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens from the {@code Authorization} header, verified by {@link JwksTokenVerifier}. When
 * the settings are incomplete (no issuer, audience or key source after the environment), every
 * token is refused: the function answers 401 instead of failing to start, and says why at init.
 *
 * <p>The verifier (nimbus's processor and key source, about 45 ms of class loading on a cold JVM) is
 * built on a daemon thread started at init, overlapping the rest of the function's init; the first
 * token waits for it. The same thread then fetches the JWKS once, so that the first token does not
 * wait for the key endpoint either; a failed prefetch is only noted (the first token retries, and
 * is refused with {@code KEYS_UNAVAILABLE} if the endpoint is still down), and runs a constant
 * token through nimbus ({@link JwtWarmup}) so that the first real token finds the code paths warm.
 */
final class JwtAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final CompletableFuture<JwksTokenVerifier> verifier;

    JwtAuthenticator(JwtSettings settings, Clock clock) {
        List<String> problems = settings.problems();
        if (problems.isEmpty()) {
            if (settings.jwksUrl().isPresent()) {
                try {
                    settings.jwksUrl().get().toURL();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("Jwt.jwksUrl / FNGUARD_JWKS_URL is not a URL Java can open");
                }
            }
            this.verifier = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                JwksTokenVerifier v;
                try {
                    v = new JwksTokenVerifier(settings, clock);
                } catch (RuntimeException | LinkageError e) {
                    verifier.completeExceptionally(e);
                    return;
                }
                verifier.complete(v);
                v.prefetch();
                JwtWarmup.run();
            }, "fnguard-jwt-init");
            t.setDaemon(true);
            t.start();
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
        // a failure to build the verifier surfaces here as an exception: the guard answers INTERNAL
        return verifier.join().verify(token);
    }
}
