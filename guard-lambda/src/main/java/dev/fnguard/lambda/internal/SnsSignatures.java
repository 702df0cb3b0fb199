package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.fnguard.Reason;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the signature of an SNS notification as AWS documents it: the canonical string of a
 * {@code Notification} (each of {@code Message}, {@code MessageId}, {@code Subject} when present,
 * {@code Timestamp}, {@code TopicArn}, {@code Type} as its name and value on lines of their own),
 * signed with SHA1withRSA ({@code SignatureVersion 1}) or SHA256withRSA ({@code 2}) by the key of the
 * certificate at {@code SigningCertUrl}. The URL is checked before anything is fetched; the
 * certificate must be valid at the time of verification. Only the JDK's {@code java.security} does
 * cryptography here.
 */
public final class SnsSignatures {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    /** How AWS writes {@code Timestamp}: UTC, milliseconds, {@code Z}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final int MAX_SIGNATURE_CHARS = 2048;

    private final SnsCertificates certificates;
    private final Clock clock;

    /**
     * Creates the verifier.
     *
     * @param certificates the certificate cache
     * @param clock the clock certificates are checked against
     */
    public SnsSignatures(SnsCertificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * Verifies one notification.
     *
     * @param sns the notification
     * @param timestamp its {@code Timestamp} as AWS wrote it
     * @return empty when the signature is valid, else {@link Reason#SIGNATURE} (missing, bad, unknown
     *     version, untrusted URL, certificate not valid now) or {@link Reason#KEYS_UNAVAILABLE}
     *     (certificate could not be fetched)
     */
    public Optional<Reason> verify(SNSEvent.SNS sns, String timestamp) {
        String algorithm = algorithm(sns.getSignatureVersion());
        if (algorithm == null || sns.getSignature() == null || sns.getSignature().isEmpty()
                || sns.getSignature().length() > MAX_SIGNATURE_CHARS || !"Notification".equals(sns.getType())
                || sns.getMessage() == null || sns.getMessageId() == null || sns.getTopicArn() == null
                || timestamp == null) {
            return Optional.of(Reason.SIGNATURE);
        }
        Optional<URI> url = SnsCertificates.trustedUrl(sns.getSigningCertUrl());
        if (url.isEmpty()) {
            return Optional.of(Reason.SIGNATURE);
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sns.getSignature());
        } catch (IllegalArgumentException e) {
            return Optional.of(Reason.SIGNATURE);
        }
        X509Certificate cert;
        try {
            cert = certificates.get(url.get());
        } catch (IOException e) {
            LOG.warn("SNS signing certificate unavailable: {}", e.getClass().getSimpleName());
            return Optional.of(Reason.KEYS_UNAVAILABLE);
        }
        try {
            cert.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            // perhaps renewed at the same URL: fetch it again next time
            certificates.forget(url.get());
            return Optional.of(Reason.SIGNATURE);
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(canonical(sns, timestamp));
            return verifier.verify(signature) ? Optional.empty() : Optional.of(Reason.SIGNATURE);
        } catch (GeneralSecurityException e) {
            return Optional.of(Reason.SIGNATURE);
        }
    }

    private static String algorithm(String version) {
        if ("1".equals(version)) {
            return "SHA1withRSA";
        }
        if ("2".equals(version)) {
            return "SHA256withRSA";
        }
        return null;
    }

    /**
     * The bytes AWS signs for a {@code Notification}.
     *
     * @param sns the notification
     * @param timestamp its {@code Timestamp}
     * @return the canonical string, UTF-8
     */
    public static byte[] canonical(SNSEvent.SNS sns, String timestamp) {
        StringBuilder b = new StringBuilder(sns.getMessage().length() + 256);
        line(b, "Message", sns.getMessage());
        line(b, "MessageId", sns.getMessageId());
        if (sns.getSubject() != null) {
            line(b, "Subject", sns.getSubject());
        }
        line(b, "Timestamp", timestamp);
        line(b, "TopicArn", sns.getTopicArn());
        line(b, "Type", sns.getType());
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append('\n').append(value).append('\n');
    }
}
