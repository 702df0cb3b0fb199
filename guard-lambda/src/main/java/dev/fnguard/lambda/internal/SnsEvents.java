package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.SourceSettings;
import dev.fnguard.internal.SourceCheck;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps SNS events with AWS's serializer: one record per notification, its {@code Message} as the
 * body. The topic ARN is the source identity (family {@code arn:aws:sns}), its region and account go
 * to {@link SourceCheck#ATTR_REGION} and {@link SourceCheck#ATTR_ACCOUNT}, message attributes of type
 * {@code String} and {@code Number} to {@code attr.<name>}. When the policy asks for it, each
 * notification's signature is verified here; a notification that fails is mapped as undecodable
 * with {@link Reason#SIGNATURE} or {@link Reason#KEYS_UNAVAILABLE}, so the guard denies and audits it.
 */
public final class SnsEvents {

    private static final PojoSerializer<SNSEvent> IN = AwsSerialization.serializerFor(SNSEvent.class);

    /** The source of unreadable SNS events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.TOPIC, "sns", null);
    /** Record attribute: the SNS message id. */
    public static final String ATTR_MESSAGE_ID = "MessageId";
    /** Record attribute: the subject, when the message has one. */
    public static final String ATTR_SUBJECT = "Subject";
    /** Record attribute: the publish time as SNS writes it. */
    public static final String ATTR_TIMESTAMP = "Timestamp";
    /** Record attribute: the topic ARN. */
    public static final String ATTR_TOPIC_ARN = "TopicArn";

    private final Optional<SnsSignatures> signatures;

    /**
     * Compiles the SNS rules of a policy.
     *
     * @param settings the source settings ({@link SourceSettings#verifySnsSignature()})
     * @param fetcher how signing certificates are fetched
     * @param clock the clock certificates are checked against
     */
    public SnsEvents(SourceSettings settings, CertificateFetcher fetcher, Clock clock) {
        this.signatures = settings.verifySnsSignature()
                ? Optional.of(new SnsSignatures(new SnsCertificates(fetcher), clock)) : Optional.empty();
    }

    /**
     * Maps an SNS event.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch
     */
    public BatchEvent map(byte[] bytes, Context ctx, String fn) {
        SNSEvent event = IN.fromJson(new ByteArrayInputStream(bytes));
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            throw new IllegalArgumentException("not an SNS event");
        }
        List<SNSEvent.SNSRecord> list = event.getRecords();
        List<EventRecord> records = new ArrayList<>(list.size());
        String[] ids = new String[list.size()];
        String first = null;
        for (int i = 0; i < list.size(); i++) {
            SNSEvent.SNSRecord r = list.get(i);
            if (r == null || !"aws:sns".equals(r.getEventSource()) || r.getSNS() == null) {
                throw new IllegalArgumentException("record is not from SNS");
            }
            SNSEvent.SNS sns = r.getSNS();
            String id = sns.getMessageId() == null || sns.getMessageId().isEmpty() ? "#" + i : sns.getMessageId();
            ids[i] = id;
            String timestamp = sns.getTimestamp() == null ? null
                    : SnsSignatures.TIMESTAMP.format(Instant.ofEpochMilli(sns.getTimestamp().getMillis()));
            Map<String, String> attrs = attributes(sns, timestamp);
            if (first == null && sns.getTopicArn() != null) {
                first = sns.getTopicArn();
            }
            Reason problem = null;
            if (!"Notification".equals(sns.getType())) {
                problem = Reason.UNSUPPORTED_EVENT;
            } else if (signatures.isPresent()) {
                problem = signatures.get().verify(sns, timestamp).orElse(null);
            }
            if (problem == null && sns.getMessage() == null) {
                problem = Reason.EMPTY_BODY;
            }
            records.add(problem != null ? EventRecord.undecodable(id, problem, attrs)
                    : new EventRecord(id, sns.getMessage().getBytes(StandardCharsets.UTF_8), attrs));
        }
        Invocation inv = Invocation.builder()
                .requestId(LambdaContexts.requestId(ctx))
                .functionName(fn)
                .source(Source.of(SourceKind.TOPIC, "sns", first))
                .records(records)
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, new String[records.size()], ids);
    }

    private static Map<String, String> attributes(SNSEvent.SNS sns, String timestamp) {
        Map<String, String> attrs = new HashMap<>();
        attrs.put(SourceCheck.ATTR_FAMILY, "arn:aws:sns");
        String topic = sns.getTopicArn();
        if (topic != null && !topic.isEmpty()) {
            attrs.put(SourceCheck.ATTR_SOURCE, topic);
            attrs.put(ATTR_TOPIC_ARN, topic);
            SourceCheck.putRegionAndAccount(attrs, topic);
        }
        if (sns.getMessageId() != null) {
            attrs.put(ATTR_MESSAGE_ID, sns.getMessageId());
        }
        if (sns.getSubject() != null) {
            attrs.put(ATTR_SUBJECT, sns.getSubject());
        }
        if (timestamp != null) {
            attrs.put(ATTR_TIMESTAMP, timestamp);
        }
        if (sns.getMessageAttributes() != null) {
            sns.getMessageAttributes().forEach((name, a) -> {
                if (name != null && a != null && a.getValue() != null && textual(a.getType())) {
                    attrs.put(SourceCheck.MESSAGE_ATTRIBUTE_PREFIX + name, a.getValue());
                }
            });
        }
        return attrs;
    }

    /** {@code String} and {@code Number}, also with a custom suffix ({@code Number.float}); not arrays or binary. */
    private static boolean textual(String type) {
        if (type == null) {
            return false;
        }
        return type.equals("String") || type.equals("Number") || type.startsWith("Number.")
                || (type.startsWith("String.") && !type.equals("String.Array"));
    }

    /**
     * SNS has no caller to answer: writes nothing, and throws when user code failed on a record so
     * that Lambda retries the event (see {@link AsyncFailure}).
     *
     * @param failedIds the records whose handling threw
     * @param out the stream
     */
    public static void answer(List<String> failedIds, OutputStream out) {
        AsyncFailure.throwIfAny(failedIds);
    }
}
