package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fnguard.Policy;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.lambda.internal.EntryKind.Delivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table of event kinds the drop-in entry point takes, compiled once per entry point: the one
 * place to add a source. A row needs a detector over the {@link EventShape} (a few distinguishing
 * fields, strict enough that no two rows match the same event), the mapper of the source's handler,
 * the field holding its records, how it is answered, and its AWS event classes.
 */
final class EntryKinds {

    private EntryKinds() {
    }

    /**
     * The kinds, compiled for a policy (S3 key rules are compiled here, once).
     *
     * @param policy the policy
     * @param clock the clock SNS signing certificates are checked against
     * @return the rows
     */
    static List<EntryKind> table(Policy policy, Clock clock) {
        S3Events s3 = new S3Events(policy.sources());
        DynamoDbEvents dynamo = new DynamoDbEvents(policy.limits());
        SnsEvents sns = new SnsEvents(policy.sources(), new HttpsCertificateFetcher(), clock);
        List<EntryKind> kinds = new ArrayList<>();
        kinds.add(http(HttpEventKind.APIGW_REST, APIGatewayProxyRequestEvent.class));
        kinds.add(http(HttpEventKind.APIGW_HTTP, APIGatewayV2HTTPEvent.class));
        kinds.add(http(HttpEventKind.FUNCTION_URL, APIGatewayV2HTTPEvent.class));
        kinds.add(http(HttpEventKind.ALB, ApplicationLoadBalancerRequestEvent.class));
        kinds.add(new EntryKind("sqs", s -> s.recordsFrom("aws:sqs"), Delivery.REPORT, Optional.of("Records"),
                (b, c, f) -> EntryEvent.of(SqsEvents.map(b, c, f)), Optional.of(SqsEvents::answer),
                SqsEvents.UNREADABLE, Set.of(SQSEvent.class)));
        kinds.add(new EntryKind("s3", s -> s.recordsFrom("aws:s3"), Delivery.DROP, Optional.of("Records"),
                (b, c, f) -> EntryEvent.of(s3.map(b, c, f)), Optional.empty(), S3Events.UNREADABLE,
                Set.of(S3Event.class)));
        kinds.add(new EntryKind("kinesis", s -> s.recordsFrom("aws:kinesis"), Delivery.REPORT, Optional.of("Records"),
                (b, c, f) -> EntryEvent.of(KinesisEvents.map(b, c, f)), Optional.of(StreamEvents::answer),
                KinesisEvents.UNREADABLE, Set.of(KinesisEvent.class)));
        kinds.add(new EntryKind("dynamodb-streams", s -> s.recordsFrom("aws:dynamodb"), Delivery.REPORT,
                Optional.of("Records"), (b, c, f) -> EntryEvent.of(dynamo.map(b, c, f)),
                Optional.of(StreamEvents::answer), DynamoDbEvents.UNREADABLE, Set.of(DynamodbEvent.class)));
        kinds.add(new EntryKind("sns", s -> s.recordsFrom("aws:sns"), Delivery.DROP, Optional.of("Records"),
                (b, c, f) -> EntryEvent.of(sns.map(b, c, f)), Optional.empty(), SnsEvents.UNREADABLE,
                Set.of(SNSEvent.class)));
        // EventBridge (schedules and S3 through EventBridge included): one event, its detail the payload
        kinds.add(new EntryKind("eventbridge", s -> s.hasText("detail-type") && s.hasText("source") && s.has("detail")
                && !s.has("Records"), Delivery.DROP, Optional.empty(),
                (b, c, f) -> EntryEvent.of(EventBridgeEvents.map(b, c, f)), Optional.empty(),
                EventBridgeEvents.UNREADABLE, Set.of(ScheduledEvent.class)));
        // IoT rule events have no envelope: the rule's SQL adds topic() AS topic (see IotEvents)
        kinds.add(new EntryKind("iot-rule", s -> s.hasText("topic") && !s.has("Records"), Delivery.DROP,
                Optional.empty(), (b, c, f) -> EntryEvent.of(IotEvents.map(b, c, f)), Optional.empty(),
                IotEvents.UNREADABLE, Set.of()));
        return List.copyOf(kinds);
    }

    private static EntryKind http(HttpEventKind kind, Class<?> eventType) {
        return new EntryKind(kind.type(), s -> s.http() == kind && !s.has("Records"), Delivery.HTTP,
                Optional.empty(), (b, c, f) -> EntryEvent.of(HttpEvents.map(kind, b, c, f)), Optional.empty(),
                Source.of(SourceKind.HTTP, kind.type(), null), Set.of(eventType));
    }
}
