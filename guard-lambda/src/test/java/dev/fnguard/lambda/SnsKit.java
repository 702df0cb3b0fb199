package dev.fnguard.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * SNS test kit: AWS's sample SNS event, an RSA key pair and a self-signed X.509 certificate made in
 * the test, signatures computed over the canonical string as AWS documents it, and a certificate
 * "server" that counts its fetches (there is no network).
 */
final class SnsKit {

    static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:TopicSendToMe";
    static final String CERT_URL =
            "https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-a86cb10b4e1f29c941702d737128f7b6.pem";

    final KeyPair keys;
    final X509Certificate certificate;
    final Map<URI, Integer> fetches = new LinkedHashMap<>();
    boolean serverDown;

    private SnsKit(Material m) {
        this.keys = m.keys;
        this.certificate = m.certificate;
    }

    /** A key pair and its self-signed certificate; made once per JVM (RSA key generation is slow). */
    private record Material(KeyPair keys, X509Certificate certificate) {
        static Material make(Instant notBefore, Instant notAfter) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair keys = g.generateKeyPair();
                X500Principal name = new X500Principal("CN=sns.amazonaws.com");
                var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(42), Date.from(notBefore),
                        Date.from(notAfter), name, keys.getPublic());
                return new Material(keys, new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Made {
        static final Material VALID = Material.make(Instant.now().minusSeconds(86_400),
                Instant.now().plusSeconds(365 * 86_400L));
        static final Material OTHER = Material.make(Instant.now().minusSeconds(86_400),
                Instant.now().plusSeconds(365 * 86_400L));
        static final Material EXPIRED = Material.make(Instant.now().minusSeconds(30 * 86_400L),
                Instant.now().minusSeconds(86_400));
    }

    /** A certificate valid from a day ago to a year from now; a fresh fetch counter. */
    static SnsKit valid() {
        return new SnsKit(Made.VALID);
    }

    /** Another key pair and certificate, equally valid: what a forger holds. */
    static SnsKit other() {
        return new SnsKit(Made.OTHER);
    }

    /** A certificate that expired yesterday. */
    static SnsKit expired() {
        return new SnsKit(Made.EXPIRED);
    }

    /** The certificate fetcher the handler gets: PEM bytes, each fetch counted; fails when the server is down. */
    byte[] fetch(URI url) throws IOException {
        fetches.merge(url, 1, Integer::sum);
        if (serverDown) {
            throw new IOException("connect timed out");
        }
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return pem.getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int fetchCount() {
        return fetches.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** AWS's sample SNS event ({@code aws-events/sns_event.json}), one record. */
    static ObjectNode sample() {
        try (InputStream in = SnsKit.class.getResourceAsStream("/aws-events/sns_event.json")) {
            return (ObjectNode) Events.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode sns(ObjectNode event, int record) {
        return (ObjectNode) event.get("Records").get(record).get("Sns");
    }

    /** The string AWS signs for a Notification: each name and value on a line of its own. */
    static String canonical(ObjectNode sns) {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")) {
            if (sns.hasNonNull(name)) {
                b.append(name).append('\n').append(sns.get(name).asText()).append('\n');
            }
        }
        return b.toString();
    }

    /** Signs the record's current fields with this kit's key, as SignatureVersion {@code version}. */
    ObjectNode sign(ObjectNode sns, String version) {
        try {
            Signature s = Signature.getInstance(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
            s.initSign(keys.getPrivate());
            s.update(canonical(sns).getBytes(StandardCharsets.UTF_8));
            sns.put("SignatureVersion", version);
            sns.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
            sns.put("SigningCertUrl", CERT_URL);
            return sns;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the sample's record with another message id and message, signed. */
    ObjectNode addSigned(ObjectNode event, String messageId, String message, String version) {
        ObjectNode record = ((ObjectNode) event.get("Records").get(0)).deepCopy();
        ObjectNode sns = (ObjectNode) record.get("Sns");
        sns.put("MessageId", messageId);
        sns.put("Message", message);
        sign(sns, version);
        ((ArrayNode) event.get("Records")).add(record);
        return sns;
    }

    /** Runs an event through a handler; returns its audit events. */
    static List<AuditEvent> run(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, ObjectNode event,
            List<AuditEvent> audit) throws IOException {
        int before = audit.size();
        handler.handleRequest(new ByteArrayInputStream(Events.MAPPER.writeValueAsBytes(event)),
                new ByteArrayOutputStream(), new TestContext("req-sns"));
        return new ArrayList<>(audit.subList(before, audit.size()));
    }

    /** The reasons of the per-record audit events, by record id, in order. */
    static Map<String, String> denied(List<AuditEvent> events) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AuditEvent e : events) {
            e.fields().stream().filter(f -> f.startsWith("recordId=")).findFirst()
                    .ifPresent(f -> out.put(f.substring(9), String.join(",", e.reasons())));
        }
        return out;
    }

    /** The invocation's terminal audit events (those without a record id): there must be exactly one. */
    static List<AuditEvent> terminal(List<AuditEvent> events) {
        return events.stream().filter(e -> e.fields().stream().noneMatch(f -> f.startsWith("recordId="))).toList();
    }
}
