package dev.fnguard.auth.internal;

import dev.fnguard.Caller;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.auth.Webhook;
import dev.fnguard.auth.WebhookSettings;
import dev.fnguard.spi.ReplayStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HMAC-SHA256 webhook signatures, GitHub and Stripe style, with the JDK's {@link Mac}; signatures
 * compared in constant time ({@link MessageDigest#isEqual}); a verified signature is recorded in the
 * {@link ReplayStore} and refused when seen again. Nothing is recorded for an unverified signature,
 * so forged requests cannot fill the store.
 */
final class WebhookAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    static final String METHOD = "hmac";
    static final String GITHUB_HEADER = "x-hub-signature-256";
    static final String STRIPE_HEADER = "stripe-signature";
    private static final int MAX_HEADER_CHARS = 1024;

    private final WebhookSettings settings;
    private final SecretKeySpec key;
    private final Mac prototype;
    private final ReplayStore replays;
    private final Clock clock;
    private final Caller caller;

    WebhookAuthenticator(WebhookSettings settings, ReplayStore replays, Clock clock) {
        this.settings = settings;
        this.replays = replays;
        this.clock = clock;
        this.key = settings.secret()
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .orElse(null);
        if (key == null) {
            LOG.warn("webhook signatures are declared but FNGUARD_WEBHOOK_SECRET is not set: every request will be "
                    + "refused with 401");
            this.prototype = null;
        } else {
            this.prototype = newMac(key);
        }
        this.caller = new Caller(Optional.of("webhook:" + settings.style().name().toLowerCase(java.util.Locale.ROOT)),
                Optional.empty(), Set.of(), Set.of(), METHOD);
    }

    @Override
    public Authentication authenticate(Invocation invocation) {
        if (invocation.http().isEmpty()) {
            return Authentication.absent();
        }
        String headerName = settings.style() == Webhook.Style.GITHUB ? GITHUB_HEADER : STRIPE_HEADER;
        List<String> values = invocation.http().get().headers().all(headerName);
        if (values.isEmpty() || values.get(0).isBlank()) {
            return Authentication.absent();
        }
        if (values.size() > 1 || values.get(0).length() > MAX_HEADER_CHARS) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "header");
        }
        if (key == null) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "unconfigured");
        }
        byte[] body = invocation.records().isEmpty() ? new byte[0] : invocation.records().get(0).body();
        return settings.style() == Webhook.Style.GITHUB ? github(values.get(0).strip(), body)
                : stripe(values.get(0).strip(), body);
    }

    private Authentication github(String header, byte[] body) {
        if (!header.startsWith("sha256=")) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "format");
        }
        byte[] given = hex(header.substring(7));
        if (given == null || !MessageDigest.isEqual(mac().doFinal(body), given)) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "signature");
        }
        // the delivery id header is not signed: the signature (bound to the body) is the replay key
        if (!replays.setIfAbsent("github:" + HexFormat.of().formatHex(given), settings.replayWindow())) {
            return Authentication.refused(Reason.REPLAY, METHOD, "replay");
        }
        return Authentication.verified(caller);
    }

    private Authentication stripe(String header, byte[] body) {
        String t = null;
        List<byte[]> v1 = new ArrayList<>(2);
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = part.substring(0, eq).strip();
            String v = part.substring(eq + 1).strip();
            if (k.equals("t")) {
                t = v;
            } else if (k.equals("v1")) {
                byte[] b = hex(v);
                if (b != null) {
                    v1.add(b);
                }
            }
        }
        if (t == null || v1.isEmpty() || t.isEmpty() || t.length() > 12 || !t.chars().allMatch(Character::isDigit)) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "format");
        }
        Mac mac = mac();
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = mac.doFinal(body);
        byte[] matched = null;
        for (byte[] candidate : v1) {
            if (MessageDigest.isEqual(expected, candidate)) {
                matched = candidate;
            }
        }
        if (matched == null) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "signature");
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(t);
        if (Math.abs(age) > settings.tolerance().toSeconds()) {
            return Authentication.refused(Reason.REPLAY, METHOD, "timestamp");
        }
        if (!replays.setIfAbsent("stripe:" + t + ":" + HexFormat.of().formatHex(matched),
                settings.tolerance().multipliedBy(2).plus(Duration.ofSeconds(1)))) {
            return Authentication.refused(Reason.REPLAY, METHOD, "replay");
        }
        return Authentication.verified(caller);
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(key);
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] hex(String s) {
        if (s.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(s.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
