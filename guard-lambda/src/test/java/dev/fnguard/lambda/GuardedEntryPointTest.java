package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.HandlerFailedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in entry point around unchanged handlers, with AWS's sample events (see
 * {@code resources/events/SOURCE.md}), benign and malicious.
 */
class GuardedEntryPointTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-2:123456789012:my-queue";
    private static final String FORGED_QUEUE = "arn:aws:sqs:us-east-2:999999999999:my-queue";
    private static final String ISSUER = "https://login.example.com/";

    @TempDir
    static Path dir;
    private static ECKey key;
    private static String jwksUrl;

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keys() throws JOSEException, IOException {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        jwksUrl = jwks.toUri().toString();
    }

    @BeforeEach
    void clear() {
        EntryHandlers.SEEN.clear();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private GuardedEntryPoint entry(Class<?> handler, String... env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("FNGUARD_HANDLER", handler.getName());
        for (int i = 0; i < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return new GuardedEntryPoint(GuardOptions.builder().environment(vars).auditSink(audit::add).build());
    }

    private static String invoke(GuardedEntryPoint entry, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry.handleRequest(new ByteArrayInputStream(event), out, new TestContext("req-1"));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String s) throws IOException {
        return Events.MAPPER.readTree(s);
    }

    private List<AuditEvent> terminal() {
        return audit.stream().filter(e -> e.fields().stream().noneMatch(f -> f.startsWith("recordId="))).toList();
    }

    private List<AuditEvent> perRecord() {
        return audit.stream().filter(e -> e.fields().stream().anyMatch(f -> f.startsWith("recordId="))).toList();
    }

    private AuditEvent onlyTerminal() {
        List<AuditEvent> t = terminal();
        assertEquals(1, t.size(), "exactly one terminal audit event");
        return t.get(0);
    }

    private static List<String> failures(String answer) throws IOException {
        List<String> ids = new ArrayList<>();
        json(answer).get("batchItemFailures").forEach(n -> ids.add(n.get("itemIdentifier").asText()));
        return ids;
    }

    private static byte[] v2(String body, String... headers) {
        return Events.edited("apigw_http_event.json", e -> {
            e.put("body", body);
            for (int i = 0; i < headers.length; i += 2) {
                Events.header(e, headers[i], headers[i + 1]);
            }
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = GuardedEntryPointTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AWS's SQS sample (powertools sqsEvent.json), one record per message, changed per test. */
    private static final class Sqs {
        private final ObjectNode event = Events.load("sqsEvent.json");
        private final ObjectNode template;
        private final ArrayNode records;

        Sqs() {
            records = (ArrayNode) event.get("Records");
            template = (ObjectNode) records.get(0).deepCopy();
            // the sample's binaryValue "base64Str" is not base64, which AWS's own serializer refuses
            template.putObject("messageAttributes");
            records.removeAll();
        }

        Sqs add(String id, String body) {
            return add(id, body, QUEUE, null);
        }

        Sqs add(String id, String body, String arn, String group) {
            ObjectNode r = template.deepCopy();
            r.put("messageId", id);
            r.put("body", body);
            r.put("eventSourceARN", arn);
            if (group != null) {
                ((ObjectNode) r.get("attributes")).put("MessageGroupId", group);
            }
            records.add(r);
            return this;
        }

        byte[] bytes() {
            try {
                return Events.MAPPER.writeValueAsBytes(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] iot(String topic, String extra) {
        return ("{\"deviceId\":\"dev-1\",\"temperature\":21.5" + extra + ",\"topic\":\"" + topic
                + "\",\"clientId\":\"dev-1\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] s3(String... buckets) {
        ObjectNode event;
        try (InputStream in = GuardedEntryPointTest.class.getResourceAsStream("/aws-events/s3_event.json")) {
            event = (ObjectNode) Events.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode records = (ArrayNode) event.get("Records");
        ObjectNode template = (ObjectNode) records.get(0).deepCopy();
        records.removeAll();
        for (String b : buckets) {
            ObjectNode r = template.deepCopy();
            ((ObjectNode) r.get("s3").get("bucket")).put("name", b).put("arn", "arn:aws:s3:::" + b);
            records.add(r);
        }
        try {
            return Events.MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- HTTP: an unchanged RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ----------

    @Test
    void passesAnAllowedHttpApiRequestToTheHandlerAndAddsTheSecurityHeaders() throws IOException {
        JsonNode answer = json(invoke(entry(EntryHandlers.Greeter.class), v2("Hello from Lambda!!")));
        assertEquals(List.of("/my/path Hello from Lambda!!"), EntryHandlers.SEEN);
        assertEquals(201, answer.get("statusCode").asInt());
        assertEquals("hello Hello from Lambda!!", answer.get("body").asText());
        JsonNode h = answer.get("headers");
        assertEquals("text/plain", h.get("Content-Type").asText(), "the handler's own headers are kept");
        assertEquals("t1", h.get("X-Trace").asText());
        assertEquals("DENY", h.get("X-Frame-Options").asText(), "a security header replaces the handler's");
        assertEquals("nosniff", h.get("X-Content-Type-Options").asText());
        assertEquals("max-age=31536000; includeSubDomains", h.get("Strict-Transport-Security").asText());
        AuditEvent t = onlyTerminal();
        assertEquals("allow", t.decision().wireName());
        assertEquals("ok", t.outcome().wireName());
        assertEquals(201, t.status());
        assertEquals("apigw-http", t.source().type());
    }

    @Test
    void refusesPlainHttpWithoutCallingTheHandler() throws IOException {
        JsonNode answer = json(invoke(entry(EntryHandlers.Greeter.class),
                v2("Hello from Lambda!!", "x-forwarded-proto", "http")));
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(403, answer.get("statusCode").asInt());
        assertEquals("application/problem+json", answer.get("headers").get("Content-Type").asText());
        assertEquals("DENY", answer.get("headers").get("X-Frame-Options").asText());
        JsonNode problem = json(answer.get("body").asText());
        assertEquals("TLS_REQUIRED", problem.get("code").asText());
        assertEquals("req-1", problem.get("requestId").asText());
        AuditEvent t = onlyTerminal();
        assertEquals(List.of("TLS_REQUIRED"), t.reasons());
        assertEquals("skipped", t.outcome().wireName());
        assertEquals(403, t.status());
    }

    @Test
    void refusesPlainHttpFromAnAlbInTheAlbShape() throws IOException {
        // AWS's ALB sample arrives with x-forwarded-proto: http
        JsonNode answer = json(invoke(entry(EntryHandlers.Streamer.class), resource("/events/elb_event.json")));
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(403, answer.get("statusCode").asInt());
        assertEquals("403 Forbidden", answer.get("statusDescription").asText());
        assertEquals(List.of("TLS_REQUIRED"), onlyTerminal().reasons());
    }

    @Test
    void answersAGeneric500WhenTheHandlerThrows() throws IOException {
        String raw = invoke(entry(EntryHandlers.Greeter.class), v2("boom"));
        JsonNode answer = json(raw);
        assertEquals(500, answer.get("statusCode").asInt());
        assertFalse(raw.contains("hunter2"), "nothing of the exception reaches the caller");
        assertFalse(raw.contains("IllegalStateException"));
        assertEquals("req-1", json(answer.get("body").asText()).get("requestId").asText());
        AuditEvent t = onlyTerminal();
        assertEquals("error", t.outcome().wireName());
        assertEquals("java.lang.IllegalStateException", t.errorType().orElseThrow());
        assertEquals(500, t.status());
    }

    @Test
    void refusesARequestWithoutTokenWhenTheJwtVariablesAreSet() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.Greeter.class, "FNGUARD_JWT_ISSUER", ISSUER,
                "FNGUARD_JWT_AUDIENCE", "orders-api", "FNGUARD_JWKS_URL", jwksUrl);
        JsonNode answer = json(invoke(entry, v2("hi")));
        assertEquals(401, answer.get("statusCode").asInt());
        assertTrue(answer.get("headers").get("WWW-Authenticate").asText().startsWith("Bearer"));
        assertEquals("TOKEN_MISSING", json(answer.get("body").asText()).get("code").asText());
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(List.of("TOKEN_MISSING"), onlyTerminal().reasons());
    }

    @Test
    void passesARequestWithAValidTokenWhenTheJwtVariablesAreSet() throws IOException, JOSEException {
        GuardedEntryPoint entry = entry(EntryHandlers.Greeter.class, "FNGUARD_JWT_ISSUER", ISSUER,
                "FNGUARD_JWT_AUDIENCE", "orders-api", "FNGUARD_JWKS_URL", jwksUrl);
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).audience("orders-api").subject("ana")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build());
        jwt.sign(new ECDSASigner(key));
        JsonNode answer = json(invoke(entry, v2("hi", "authorization", "Bearer " + jwt.serialize())));
        assertEquals(201, answer.get("statusCode").asInt());
        assertEquals("ana", onlyTerminal().caller().subject().orElseThrow());
    }

    @Test
    void refusesARequestWithoutApiKeyWhenApiKeysAreSetAndPassesOneWithIt() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.Greeter.class, "FNGUARD_API_KEYS", "k-0123456789abcdef");
        assertEquals(401, json(invoke(entry, v2("hi"))).get("statusCode").asInt());
        assertEquals(List.of("TOKEN_MISSING"), audit.get(0).reasons());
        assertEquals(201, json(invoke(entry, v2("hi", "x-api-key", "k-0123456789abcdef"))).get("statusCode").asInt());
        assertEquals(List.of("/my/path hi"), EntryHandlers.SEEN);
    }

    @Test
    void refusesAnEventLargerThanTheEventLimitInTheShapeOfTheEvent() throws IOException {
        // a 1 KiB body limit gives an event limit of 6 KiB + 128 KiB
        GuardedEntryPoint entry = entry(EntryHandlers.Greeter.class, "FNGUARD_MAX_BODY_BYTES", "1024");
        JsonNode answer = json(invoke(entry, v2("x".repeat(200 * 1024))));
        assertEquals(413, answer.get("statusCode").asInt());
        assertEquals("LIMIT_BODY", json(answer.get("body").asText()).get("code").asText());
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(List.of("LIMIT_BODY"), onlyTerminal().reasons());
    }

    @Test
    void refusesABodyOverTheBodyLimitWithinAnEventUnderTheEventLimit() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.Greeter.class, "FNGUARD_MAX_BODY_BYTES", "1024");
        JsonNode answer = json(invoke(entry, v2("x".repeat(2000))));
        assertEquals(413, answer.get("statusCode").asInt());
        assertEquals(List.of("LIMIT_BODY"), onlyTerminal().reasons());
    }

    @Test
    void refusesAnEventOfTheWrongKindForTheHandlersDeclaredInput() throws IOException {
        // an SQS batch sent to the HTTP handler: every message reported failed, each audited
        String answer = invoke(entry(EntryHandlers.Greeter.class), new Sqs().add("m1", "a").add("m2", "b").bytes());
        assertEquals(List.of("m1", "m2"), failures(answer));
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(2, perRecord().size());
        assertTrue(perRecord().stream().allMatch(e -> e.reasons().equals(List.of("UNSUPPORTED_EVENT"))));
        assertEquals(List.of("UNSUPPORTED_EVENT"), onlyTerminal().reasons());
    }

    @Test
    void refusesAnHttpEventSentToAQueueConsumerWithA400() throws IOException {
        JsonNode answer = json(invoke(entry(EntryHandlers.QueueConsumer.class), v2("hi")));
        assertEquals(400, answer.get("statusCode").asInt());
        assertEquals("UNSUPPORTED_EVENT", json(answer.get("body").asText()).get("code").asText());
        assertEquals(List.of(), EntryHandlers.SEEN);
    }

    @Test
    void resolvesTheInputTypeThroughAGenericBaseClass() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.ViaBase.class);
        assertEquals(400, json(invoke(entry, v2("hi"))).get("statusCode").asInt());
        assertEquals(List.of(), failures(invoke(entry, new Sqs().add("m1", "a").bytes())));
        assertEquals(List.of("SQSEvent"), EntryHandlers.SEEN);
    }

    // ---- SQS: RequestHandler<SQSEvent, Void> and RequestHandler<SQSEvent, SQSBatchResponse> -----------

    @Test
    void deliversABenignBatchAndAnswersNoFailures() throws IOException {
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_ALLOWED_SOURCES", QUEUE),
                new Sqs().add("m1", "Test message.").add("m2", "{\"message\": \"foo1\"}").bytes());
        assertEquals(List.of(), failures(answer));
        assertEquals(List.of("m1", "m2"), EntryHandlers.SEEN);
        assertEquals(1, audit.size());
        assertEquals("allow", audit.get(0).decision().wireName());
        assertEquals("sqs", audit.get(0).source().type());
    }

    @Test
    void removesAMessageFromAForgedQueueAndReportsIt() throws IOException {
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_ALLOWED_SOURCES", QUEUE),
                new Sqs().add("m1", "a").add("forged", "b", FORGED_QUEUE, null).add("m3", "c").bytes());
        assertEquals(List.of("forged"), failures(answer));
        assertEquals(List.of("m1", "m3"), EntryHandlers.SEEN, "the handler never sees the forged message");
        assertEquals(1, perRecord().size());
        assertTrue(perRecord().get(0).fields().contains("recordId=forged"));
        assertEquals(List.of("SOURCE"), perRecord().get(0).reasons());
        AuditEvent t = onlyTerminal();
        assertEquals("deny", t.decision().wireName());
        assertEquals("ok", t.outcome().wireName());
    }

    @Test
    void refusesOversizedAndDeeplyNestedMessages() throws IOException {
        String bomb = "[".repeat(40) + "]".repeat(40);
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_MAX_BODY_BYTES", "100"),
                new Sqs().add("ok", "Test message.").add("big", "x".repeat(101)).add("deep", bomb).bytes());
        assertEquals(List.of("big", "deep"), failures(answer));
        assertEquals(List.of("ok"), EntryHandlers.SEEN);
        assertEquals(List.of("LIMIT_BODY"), perRecord().get(0).reasons());
        assertEquals(List.of("LIMIT_DEPTH"), perRecord().get(1).reasons());
    }

    @Test
    void reportsEveryDeliveredMessageFailedWhenTheHandlerThrows() throws IOException {
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_ALLOWED_SOURCES", QUEUE),
                new Sqs().add("m1", "a").add("forged", "b", FORGED_QUEUE, null).add("m3", "boom").bytes());
        assertEquals(List.of("m1", "forged", "m3"), failures(answer), "nothing is lost");
        assertEquals(3, perRecord().size());
        assertEquals(2, perRecord().stream().filter(e -> e.outcome().wireName().equals("error")).count());
        AuditEvent t = onlyTerminal();
        assertEquals("error", t.outcome().wireName());
        assertEquals("java.lang.IllegalStateException", t.errorType().orElseThrow());
    }

    @Test
    void mergesTheHandlersBatchItemFailuresWithTheGuards() throws IOException {
        String answer = invoke(entry(EntryHandlers.BatchConsumer.class, "FNGUARD_ALLOWED_SOURCES", QUEUE),
                new Sqs().add("m1", "fail-me").add("forged", "b", FORGED_QUEUE, null).add("m3", "ok").bytes());
        assertEquals(List.of("m1", "forged"), failures(answer), "in event order");
        assertEquals(List.of("m1", "m3"), EntryHandlers.SEEN);
        assertEquals(2, perRecord().size());
        assertTrue(perRecord().stream().anyMatch(e -> e.fields().contains("recordId=m1")
                && e.outcome().wireName().equals("error")));
        assertTrue(perRecord().stream().anyMatch(e -> e.fields().contains("recordId=forged")
                && e.reasons().equals(List.of("SOURCE"))));
        assertEquals(1, terminal().size());
    }

    @Test
    void keepsTheOrderOfAFifoGroupOnceOneOfItsMessagesIsDenied() throws IOException {
        String fifo = "arn:aws:sqs:us-east-2:123456789012:my-queue.fifo";
        String forged = "arn:aws:sqs:us-east-2:999999999999:my-queue.fifo";
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_ALLOWED_SOURCES", fifo),
                new Sqs().add("a1", "x", fifo, "A").add("a2", "x", forged, "A").add("b1", "x", fifo, "B")
                        .add("a3", "x", fifo, "A").bytes());
        assertEquals(List.of("a2", "a3"), failures(answer));
        assertEquals(List.of("a1", "b1"), EntryHandlers.SEEN);
    }

    @Test
    void reportsTheLaterMessagesOfAGroupAfterOneTheHandlerReportedFailed() throws IOException {
        String fifo = "arn:aws:sqs:us-east-2:123456789012:my-queue.fifo";
        String answer = invoke(entry(EntryHandlers.BatchConsumer.class),
                new Sqs().add("a1", "fail-me", fifo, "A").add("b1", "x", fifo, "B").add("a2", "x", fifo, "A")
                        .bytes());
        assertEquals(List.of("a1", "a2"), failures(answer));
        assertEquals(List.of("a1", "b1", "a2"), EntryHandlers.SEEN);
        assertEquals(2, perRecord().size());
    }

    @Test
    void takesTheAllowListFromTheHandlersAnnotation() throws IOException {
        String answer = invoke(entry(EntryHandlers.AnnotatedConsumer.class),
                new Sqs().add("m1", "a").add("forged", "b", FORGED_QUEUE, null).bytes());
        assertEquals(List.of("forged"), failures(answer));
        assertEquals(List.of("m1"), EntryHandlers.SEEN);
    }

    @Test
    void reportsAMessageOverTheBodyLimitAsFailedByItsId() throws IOException {
        // the batch is bounded by the platform, each message by maxBodyBytes: the big one is named
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_MAX_BODY_BYTES", "1024"),
                new Sqs().add("big", "x".repeat(200 * 1024)).add("small", "ok").bytes());
        assertEquals(List.of("big"), failures(answer));
        assertEquals(List.of("small"), EntryHandlers.SEEN);
        assertEquals(List.of("LIMIT_BODY"), onlyTerminal().reasons());
    }

    @Test
    void deliversALargeBatchOfSmallMessagesWhoseTotalIsOverSixTimesTheBodyLimit() throws IOException {
        Sqs batch = new Sqs();
        for (int i = 0; i < 200; i++) {
            batch.add("m" + i, "x".repeat(1000));
        }
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class, "FNGUARD_MAX_BODY_BYTES", "1024"),
                batch.bytes());
        assertEquals(List.of(), failures(answer));
        assertEquals(200, EntryHandlers.SEEN.size());
        assertEquals(List.of(), onlyTerminal().reasons());
    }

    @Test
    void answersABatchLargerThanLambdaAllowsAsAWholeBatchFailure() throws IOException {
        Sqs batch = new Sqs();
        for (int i = 0; i < 7; i++) {
            batch.add("m" + i, "x".repeat(1024 * 1024));
        }
        String answer = invoke(entry(EntryHandlers.QueueConsumer.class), batch.bytes());
        assertEquals(List.of(""), failures(answer), "an empty itemIdentifier fails the whole batch: nothing is deleted");
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(List.of("LIMIT_BODY"), onlyTerminal().reasons());
        assertEquals("sqs", onlyTerminal().source().type());
    }

    // ---- Kinesis, DynamoDB Streams, SNS, EventBridge ------------------------------------------------

    private static byte[] edited(String resource, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
            throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode e =
                (com.fasterxml.jackson.databind.node.ObjectNode) Events.MAPPER.readTree(resource(resource));
        edit.accept(e);
        return Events.MAPPER.writeValueAsBytes(e);
    }

    @Test
    void guardsAnUnchangedKinesisConsumerAndMergesItsOwnFailures() throws IOException {
        String stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
        byte[] event = edited("/aws-events/kinesis_event.json", e -> {
            com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode) e.get("Records").get(0);
            first.put("eventSourceARN", stream);
            com.fasterxml.jackson.databind.node.ObjectNode failing = first.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) failing.get("kinesis")).put("sequenceNumber", "2")
                    .put("data", java.util.Base64.getEncoder().encodeToString("fail-me".getBytes(StandardCharsets.UTF_8)));
            com.fasterxml.jackson.databind.node.ObjectNode forged = first.deepCopy();
            forged.put("eventSourceARN", "arn:aws:kinesis:us-east-1:999999999999:stream/clicks");
            ((com.fasterxml.jackson.databind.node.ObjectNode) forged.get("kinesis")).put("sequenceNumber", "3");
            ((com.fasterxml.jackson.databind.node.ArrayNode) e.get("Records")).add(failing).add(forged);
        });
        String answer = invoke(entry(EntryHandlers.ClickConsumer.class, "FNGUARD_ALLOWED_SOURCES", stream), event);
        String first = "49545115243490985018280067714973144582180062593244200961";
        assertEquals(List.of(first, "2"), EntryHandlers.SEEN, "the forged record never reaches the handler");
        // the guard's failure (3, SOURCE) and the handler's own (2) in event order
        assertEquals(List.of("2", "3"), failures(answer));
        assertEquals(List.of("SOURCE"), onlyTerminal().reasons());
        assertEquals("kinesis", onlyTerminal().source().type());
    }

    @Test
    void guardsAnUnchangedDynamoDbStreamConsumer() throws IOException {
        byte[] event = edited("/aws-events/dynamo_event.json", e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("Records").get(2))
                .put("eventSourceARN", "arn:aws:dynamodb:eu-central-1:999999999999:table/Other/stream/x"));
        String answer = invoke(entry(EntryHandlers.TableConsumer.class, "FNGUARD_ALLOWED_SOURCES",
                "arn:aws:dynamodb:eu-central-1:123456789012:table/ExampleTableWithStream/stream/*"), event);
        assertEquals(List.of("4421584500000000017450439091", "4421584500000000017450439092"), EntryHandlers.SEEN);
        assertEquals(List.of("4421584500000000017450439093"), failures(answer));
        assertEquals("dynamodb-streams", onlyTerminal().source().type());
    }

    @Test
    void dropsAForgedSnsNotificationBeforeAnUnchangedSubscriber() throws IOException {
        byte[] event = resource("/aws-events/sns_event.json");
        invoke(entry(EntryHandlers.TopicSubscriber.class, "FNGUARD_ALLOWED_SOURCES",
                "arn:aws:sns:eu-central-1:123456789012:Other"), event);
        assertEquals(List.of(), EntryHandlers.SEEN, "nothing left: the subscriber is not called");
        assertEquals(List.of("SOURCE"), onlyTerminal().reasons());
        assertEquals(1, perRecord().size());

        invoke(entry(EntryHandlers.TopicSubscriber.class, "FNGUARD_ALLOWED_SOURCES",
                "arn:aws:sns:eu-central-1:123456789012:TopicSendToMe"), event);
        assertEquals(1, EntryHandlers.SEEN.size());
    }

    @Test
    void guardsAnUnchangedEventBridgeTargetBySourceAndAccount() throws IOException {
        byte[] schedule = resource("/aws-events/cloudwatch_event.json");
        invoke(entry(EntryHandlers.RuleTarget.class, "FNGUARD_ALLOWED_SOURCES", "events:aws.events",
                "FNGUARD_ALLOWED_ACCOUNTS", "123456789012"), schedule);
        assertEquals(List.of("aws.events Scheduled Event"), EntryHandlers.SEEN);
        assertEquals("eventbridge-schedule", onlyTerminal().source().type());

        EntryHandlers.SEEN.clear();
        audit.clear();
        invoke(entry(EntryHandlers.RuleTarget.class, "FNGUARD_ALLOWED_SOURCES", "events:aws.events",
                "FNGUARD_ALLOWED_ACCOUNTS", "210987654321"), schedule);
        assertEquals(List.of(), EntryHandlers.SEEN, "another account's schedule is dropped");
        assertEquals(List.of("SOURCE"), onlyTerminal().reasons());
    }

    @Test
    void deniesAnEventOfASourceFamilyTheAllowListDoesNotName() throws IOException {
        // a stream handler takes every kind: an allow-list of queues must not let a forged S3 event in
        invoke(entry(EntryHandlers.Streamer.class, "FNGUARD_ALLOWED_SOURCES", "arn:aws:sqs:us-east-2:123456789012:my-queue"),
                resource("/aws-events/s3_event.json"));
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(List.of("SOURCE"), onlyTerminal().reasons());
    }

    // ---- RequestStreamHandler -------------------------------------------------------------------------

    @Test
    void handsAStreamHandlerTheOriginalBytesOfAnAllowedEvent() throws IOException {
        byte[] event = resource("/events/lambdaFunctionUrlEvent.json");
        String answer = invoke(entry(EntryHandlers.Streamer.class), event);
        assertEquals("{\"done\":true}", answer, "an answer that is not an HTTP response passes unchanged");
        assertArrayEquals(event, EntryHandlers.SEEN.get(0).getBytes(StandardCharsets.UTF_8));
        assertEquals("function-url", onlyTerminal().source().type());
    }

    @Test
    void handsAStreamHandlerTheBatchWithoutItsDeniedMessages() throws IOException {
        String answer = invoke(entry(EntryHandlers.Streamer.class, "FNGUARD_ALLOWED_SOURCES", QUEUE),
                new Sqs().add("m1", "a").add("forged", "b", FORGED_QUEUE, null).bytes());
        assertEquals(List.of("forged"), failures(answer));
        JsonNode seen = json(EntryHandlers.SEEN.get(0));
        assertEquals(1, seen.get("Records").size());
        assertEquals("m1", seen.get("Records").get(0).get("messageId").asText());
    }

    @Test
    void passesTheRestSampleToAStreamHandler() throws IOException {
        invoke(entry(EntryHandlers.Streamer.class), resource("/events/apigw_rest_event.json"));
        assertEquals(1, EntryHandlers.SEEN.size());
        assertEquals("apigw-rest", onlyTerminal().source().type());
    }

    // ---- RequestHandler<Map<String, Object>, String>: IoT and S3 --------------------------------------

    @Test
    void passesAnIotRuleEventFromAnAllowedTopicAsAMap() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.MapHandler.class, "FNGUARD_ALLOWED_SOURCES",
                "iot:sensors/+/telemetry");
        String answer = invoke(entry, iot("sensors/dev-1/telemetry", ""));
        assertEquals("\"keys 4\"", answer, "the String answer is serialized as the runtime would");
        assertEquals(List.of("LinkedHashMap [clientId, deviceId, temperature, topic]"), EntryHandlers.SEEN);
        assertEquals("iot-rule", onlyTerminal().source().type());
    }

    @Test
    void dropsAnIotRuleEventFromAnotherTopicWithoutCallingTheHandler() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.MapHandler.class, "FNGUARD_ALLOWED_SOURCES",
                "iot:sensors/+/telemetry");
        assertEquals("", invoke(entry, iot("admin/commands", "")));
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(1, perRecord().size());
        assertEquals(List.of("SOURCE"), perRecord().get(0).reasons());
        assertEquals("skipped", onlyTerminal().outcome().wireName());
    }

    @Test
    void removesS3RecordsFromAForgedBucketBeforeTheHandlerSeesThem() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.Streamer.class, "FNGUARD_ALLOWED_SOURCES",
                "arn:aws:s3:::example-bucket");
        invoke(entry, s3("example-bucket", "attacker-bucket"));
        JsonNode seen = json(EntryHandlers.SEEN.get(0));
        assertEquals(1, seen.get("Records").size());
        assertEquals("example-bucket", seen.get("Records").get(0).get("s3").get("bucket").get("name").asText());
        assertEquals(List.of("SOURCE"), perRecord().get(0).reasons());
        assertEquals("s3", onlyTerminal().source().type());
    }

    @Test
    void rethrowsWithoutDetailWhenTheHandlerFailsOnAnAsynchronousEvent() {
        GuardedEntryPoint entry = entry(EntryHandlers.MapHandler.class);
        HandlerFailedException e = assertThrows(HandlerFailedException.class,
                () -> invoke(entry, iot("sensors/dev-1/telemetry", ",\"boom\":1")));
        assertTrue(e.getMessage().contains("req-1"));
        assertFalse(e.getMessage().contains("failed\""));
        assertEquals("error", onlyTerminal().outcome().wireName());
        assertEquals(1, perRecord().size());
    }

    @Test
    void passesARawRequestHandlerTheEventAsAMap() throws IOException {
        String answer = invoke(entry(EntryHandlers.RawHandler.class), new Sqs().add("m1", "a").bytes());
        assertEquals(List.of("LinkedHashMap"), EntryHandlers.SEEN);
        assertEquals(List.of(), failures(answer), "a handler answering something else gets an SQSBatchResponse");
    }

    // ---- unknown events ------------------------------------------------------------------------------

    @Test
    void refusesAnEventOfNoKnownKind() throws IOException {
        String answer = invoke(entry(EntryHandlers.MapHandler.class), resource("/events/cloudformation_event.json"));
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals("UNSUPPORTED_EVENT", json(answer).get("code").asText());
        AuditEvent t = onlyTerminal();
        assertEquals(List.of("UNSUPPORTED_EVENT"), t.reasons());
        assertEquals("unknown", t.source().type());
    }

    @Test
    void refusesAnEventThatLooksLikeTwoKinds() throws IOException {
        byte[] both = Events.edited("apigw_http_event.json", e -> e.put("topic", "sensors/x/telemetry"));
        invoke(entry(EntryHandlers.MapHandler.class), both);
        assertEquals(List.of(), EntryHandlers.SEEN);
        assertEquals(List.of("UNSUPPORTED_EVENT"), onlyTerminal().reasons());
    }

    @Test
    void inspectsTheQueryOfAnAnnotatedHandlerWithDetection() throws IOException {
        GuardedEntryPoint entry = entry(EntryHandlers.DetectingStreamer.class);
        byte[] attack = Events.edited("apigw_http_event.json", e -> ((ObjectNode) e.get("queryStringParameters"))
                .put("parameter2", "1' OR '1'='1"));
        JsonNode denied = json(invoke(entry, attack));
        assertEquals(400, denied.get("statusCode").asInt());
        assertEquals("INJECTION_SQL", json(denied.get("body").asText()).get("code").asText());
        assertEquals(List.of(), EntryHandlers.SEEN);
        JsonNode allowed = json(invoke(entry, v2("Hello from Lambda!!")));
        assertEquals(200, allowed.get("statusCode").asInt());
        assertEquals("DENY", allowed.get("headers").get("X-Frame-Options").asText(),
                "a stream handler's HTTP response gets the security headers too");
    }

    @Test
    void addsTheSecurityHeadersAsMultiValueHeadersForAnAlbWithMultiValueHeaders() throws IOException {
        byte[] event = Events.edited("albMultiValueHeadersEvent.json",
                e -> ((ObjectNode) e.get("multiValueHeaders")).putArray("x-forwarded-proto").add("https"));
        JsonNode answer = json(invoke(entry(EntryHandlers.DetectingStreamer.class), event));
        assertEquals(200, answer.get("statusCode").asInt());
        assertEquals("no-store", answer.get("multiValueHeaders").get("Cache-Control").get(0).asText());
        assertFalse(answer.has("headers"));
    }

    // ---- misconfiguration at init ----------------------------------------------------------------------

    @Test
    void failsAtInitWithoutTheHandlerVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new GuardedEntryPoint(GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build()));
        assertTrue(e.getMessage().startsWith("FNGUARD_HANDLER is not set"), e.getMessage());
    }

    @Test
    void failsAtInitForAClassThatCannotBeLoaded() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new GuardedEntryPoint(GuardOptions.builder()
                        .environment(Map.of("FNGUARD_HANDLER", "com.example.Missing")).build()));
        assertTrue(e.getMessage().contains("FNGUARD_HANDLER names com.example.Missing"), e.getMessage());
    }

    @Test
    void failsAtInitForAClassThatIsNotAHandler() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> entry(EntryHandlers.NotAHandler.class));
        assertTrue(e.getMessage().contains("FNGUARD_HANDLER"), e.getMessage());
        assertTrue(e.getMessage().contains("implements neither RequestHandler nor RequestStreamHandler"));
    }

    @Test
    void failsAtInitForAHandlerWithoutPublicNoArgumentConstructor() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> entry(EntryHandlers.NoDefaultConstructor.class));
        assertTrue(e.getMessage().contains("no public no-argument constructor"), e.getMessage());
    }

    @Test
    void failsAtInitForAHandlerOfAnEventKindItDoesNotTake() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> entry(EntryHandlers.CustomResource.class));
        assertTrue(e.getMessage().startsWith("FNGUARD_HANDLER names a RequestHandler of "
                + "CloudFormationCustomResourceEvent"), e.getMessage());
    }

    @Test
    void compilesTheDefaultPolicyForAnUnannotatedHandler() {
        assertEquals(Policy.defaults(), Policy.forClass(EntryHandlers.QueueConsumer.class));
    }
}
