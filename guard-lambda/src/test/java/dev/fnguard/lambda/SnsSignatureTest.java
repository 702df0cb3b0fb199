package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import dev.fnguard.lambda.internal.CertificateFetcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SNS signature verification with keys and a certificate made in the test: AWS's sample event is
 * re-signed over the documented canonical string, then tampered with.
 */
class SnsSignatureTest {

    private static final String ID = "dc918f50-80c6-56a2-ba33-d8a9bbf013ab";

    @Guarded(sources = @Sources(verifySnsSignature = true))
    static final class Verified extends GuardedSnsHandler<Person> {
        final List<Person> received = new ArrayList<>();

        Verified(GuardOptions options, CertificateFetcher fetcher) {
            super(options, fetcher);
        }

        @Override
        protected void handle(Person payload, RecordContext context) {
            received.add(payload);
        }
    }

    /** Declares nothing: verification comes from {@code FNGUARD_VERIFY_SNS_SIGNATURE}. */
    static final class Plain extends GuardedSnsHandler<Person> {
        Plain(GuardOptions options, CertificateFetcher fetcher) {
            super(options, fetcher);
        }

        @Override
        protected void handle(Person payload, RecordContext context) {
        }
    }

    private final List<AuditEvent> audit = new ArrayList<>();
    private final SnsKit kit = SnsKit.valid();
    private final Verified handler = handler(kit);

    private Verified handler(SnsKit certs) {
        return new Verified(GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build(), certs::fetch);
    }

    private ObjectNode signed(String version) {
        ObjectNode event = SnsKit.sample();
        kit.sign(SnsKit.sns(event, 0), version);
        return event;
    }

    private Map<String, String> denied(ObjectNode event) throws IOException {
        List<AuditEvent> events = SnsKit.run(handler, event, audit);
        assertEquals(1, SnsKit.terminal(events).size());
        return SnsKit.denied(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void acceptsAValidSignature(String version) throws IOException {
        assertEquals(Map.of(), denied(signed(version)));
        assertEquals(List.of(new Person(42, "Bob")), handler.received);
    }

    @Test
    void acceptsAValidSignatureOfAMessageWithoutSubject() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit.sns(event, 0).putNull("Subject");
        kit.sign(SnsKit.sns(event, 0), "2");

        assertEquals(Map.of(), denied(event));
    }

    @Test
    void refusesAwsSampleSignatureWhichNoKeyOfOursMade() throws IOException {
        assertEquals(Map.of(ID, "SIGNATURE"), denied(SnsKit.sample()));
        assertEquals(List.of(), handler.received);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Message", "Subject", "TopicArn", "MessageId", "Timestamp"})
    void refusesATamperedField(String field) throws IOException {
        ObjectNode event = signed("2");
        ObjectNode sns = SnsKit.sns(event, 0);
        switch (field) {
            case "Message" -> sns.put("Message", "{\"id\": 1, \"name\": \"Mallory\"}");
            case "Subject" -> sns.put("Subject", "Urgent: reset your password");
            case "TopicArn" -> sns.put("TopicArn", "arn:aws:sns:eu-central-1:123456789012:OtherTopic");
            case "MessageId" -> sns.put("MessageId", "00000000-0000-0000-0000-000000000000");
            default -> sns.put("Timestamp", "2020-10-08T16:06:15.656Z");
        }
        String id = SnsKit.sns(event, 0).get("MessageId").asText();

        assertEquals(Map.of(id, "SIGNATURE"), denied(event));
        assertEquals(List.of(), handler.received);
    }

    @Test
    void refusesASubjectAddedAfterSigning() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit.sns(event, 0).putNull("Subject");
        kit.sign(SnsKit.sns(event, 0), "2");
        SnsKit.sns(event, 0).put("Subject", "injected");

        assertEquals(Map.of(ID, "SIGNATURE"), denied(event));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-x.pem",
        "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem",
        "https://evil.com/sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem",
        "https://sns.us-east-1.amazonaws.com@evil.com/x.pem",
        "https://evil.com@sns.us-east-1.amazonaws.com/x.pem",
        "https://sns.us-east-1.amazonaws.com:8443/x.pem",
        "https://sns.us-east-1.amazonaws.com./x.pem",
        "https://SNS.us-east-1.amazonaws.com/x.pem",
        "https://sns.amazonaws.com/x.pem",
        "https://sns.us-east-1.evilamazonaws.com/x.pem",
        "https://s3.us-east-1.amazonaws.com/x.pem",
        "https://sns.us-east-1.amazonaws.com/x.pem?.pem",
        "https://sns.us-east-1.amazonaws.com/x.pem#.pem",
        "https://sns.us-east-1.amazonaws.com/x.txt",
        "https://sns.us-east-1.amazonaws.com/../x.pem",
        "https://sns.us-east-1.amazonaws.com/%2e%2e/x.pem",
        "https://sns.us-east-1.amazonaws.com\\@evil.com/x.pem",
        "file:///etc/ssl/x.pem",
        "https:/sns.us-east-1.amazonaws.com/x.pem",
        ""
    })
    void refusesAnUntrustedCertificateUrlWithoutFetchingIt(String url) throws IOException {
        ObjectNode event = signed("2");
        SnsKit.sns(event, 0).put("SigningCertUrl", url);

        assertEquals(Map.of(ID, "SIGNATURE"), denied(event));
        assertEquals(0, kit.fetchCount());
    }

    @Test
    void acceptsTheChinaPartitionHost() throws IOException {
        ObjectNode event = signed("2");
        SnsKit.sns(event, 0).put("SigningCertUrl", "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1.pem");

        assertEquals(Map.of(), denied(event));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "", "2 "})
    void refusesAnUnknownSignatureVersion(String version) throws IOException {
        ObjectNode event = signed("2");
        SnsKit.sns(event, 0).put("SignatureVersion", version);

        assertEquals(Map.of(ID, "SIGNATURE"), denied(event));
    }

    @Test
    void refusesAVersion1SignatureClaimedAsVersion2() throws IOException {
        ObjectNode event = signed("1");
        SnsKit.sns(event, 0).put("SignatureVersion", "2");

        assertEquals(Map.of(ID, "SIGNATURE"), denied(event));
    }

    @Test
    void refusesAMissingOrGarbledSignature() throws IOException {
        ObjectNode missing = signed("2");
        SnsKit.sns(missing, 0).remove("Signature");
        ObjectNode garbled = signed("2");
        SnsKit.sns(garbled, 0).put("Signature", "not base64 !!!");

        assertEquals(Map.of(ID, "SIGNATURE"), denied(missing));
        assertEquals(Map.of(ID, "SIGNATURE"), denied(garbled));
    }

    @Test
    void refusesASignatureByAnotherKey() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit.other().sign(SnsKit.sns(event, 0), "2");

        assertEquals(Map.of(ID, "SIGNATURE"), denied(event));
    }

    @Test
    void refusesASignatureWhoseCertificateHasExpired() throws IOException {
        SnsKit old = SnsKit.expired();
        Verified withOld = handler(old);
        ObjectNode event = SnsKit.sample();
        old.sign(SnsKit.sns(event, 0), "2");

        assertEquals(Map.of(ID, "SIGNATURE"), SnsKit.denied(SnsKit.run(withOld, event, audit)));
        assertEquals(List.of(), withOld.received);
    }

    @Test
    void answersKeysUnavailableWhenTheCertificateCannotBeFetched() throws IOException {
        kit.serverDown = true;

        assertEquals(Map.of(ID, "KEYS_UNAVAILABLE"), denied(signed("2")));

        kit.serverDown = false;
        assertEquals(Map.of(), denied(signed("2")), "a failed fetch is not cached");
        assertEquals(2, kit.fetchCount());
    }

    @Test
    void answersKeysUnavailableWhenTheUrlServesSomethingElse() throws IOException {
        Verified garbage = new Verified(GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build(),
                url -> "<html>captive portal</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals(Map.of(ID, "KEYS_UNAVAILABLE"), SnsKit.denied(SnsKit.run(garbage, signed("2"), audit)));
    }

    @Test
    void fetchesEachCertificateOnceAndServesLaterMessagesFromTheCache() throws IOException {
        denied(signed("1"));
        denied(signed("2"));
        ObjectNode batch = signed("2");
        kit.addSigned(batch, "m-2", "{\"id\": 2, \"name\": \"Carol\"}", "2");

        assertEquals(Map.of(), denied(batch));
        assertEquals(4, handler.received.size());
        assertEquals(1, kit.fetchCount());
    }

    @Test
    void verifiesWhenTheEnvironmentTurnsItOn() throws IOException {
        Plain plain = new Plain(GuardOptions.builder().environment(Map.of("FNGUARD_VERIFY_SNS_SIGNATURE", "true"))
                .auditSink(audit::add).build(), kit::fetch);

        assertEquals(Map.of(ID, "SIGNATURE"), SnsKit.denied(SnsKit.run(plain, SnsKit.sample(), audit)));
    }

    @Test
    void refusesToTurnDeclaredVerificationOffFromTheEnvironment() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Verified(GuardOptions.builder().environment(Map.of("FNGUARD_VERIFY_SNS_SIGNATURE", "false"))
                        .auditSink(audit::add).build(), kit::fetch));
    }
}
