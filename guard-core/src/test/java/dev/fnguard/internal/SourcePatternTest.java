package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourcePatternTest {

    @Test
    void starMatchesAnyRunInsideOneEntry() {
        SourcePattern p = new SourcePattern("arn:aws:sqs:eu-west-1:123456789012:payments-*");
        assertTrue(p.matches("arn:aws:sqs:eu-west-1:123456789012:payments-prod"));
        assertFalse(p.matches("arn:aws:sqs:eu-west-1:999999999999:payments-prod"));
        assertFalse(p.matches("arn:aws:sqs:eu-west-1:123456789012:other"));
    }

    @Test
    void exactEntryMatchesOnlyItself() {
        SourcePattern p = new SourcePattern("arn:aws:s3:::uploads-prod");
        assertTrue(p.matches("arn:aws:s3:::uploads-prod"));
        assertFalse(p.matches("arn:aws:s3:::uploads-prod-evil"));
    }

    @Test
    void middleStarsDoNotOverlapTheSuffix() {
        SourcePattern p = new SourcePattern("arn:aws:dynamodb:*:table/orders/stream/*");
        assertTrue(p.matches("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000"));
        assertFalse(p.matches("arn:aws:dynamodb:us-east-1:123456789012:table/other/stream/x"));
        assertFalse(new SourcePattern("a*bb*b").matches("abb"));
        assertTrue(new SourcePattern("a*bb*b").matches("abbb"));
    }

    @Test
    void iotEntriesAreMqttTopicFilters() {
        SourcePattern p = new SourcePattern("iot:sensors/+/telemetry");
        assertTrue(p.matches("iot:sensors/dev-1/telemetry"));
        assertFalse(p.matches("iot:sensors/a/b/telemetry"));
        assertFalse(p.matches("iot:sensors/telemetry"));
        SourcePattern hash = new SourcePattern("iot:sensors/#");
        assertTrue(hash.matches("iot:sensors/a/b/c"));
        assertTrue(hash.matches("iot:sensors"));
        assertFalse(hash.matches("iot:admin/x"));
    }

    @Test
    void familiesSeparateServices() {
        assertTrue(SourcePattern.family("arn:aws:sqs:eu-west-1:1:q").equals("arn:aws:sqs"));
        assertTrue(SourcePattern.family("iot:a/b").equals("iot"));
        assertTrue(SourcePattern.family("events:com.example").equals("events"));
    }

    @Test
    void s3KeysDecodePlusAsSpaceAndRefuseBadEscapes() {
        assertTrue(ObjectKeys.decodeS3("a+b%2Fc").equals(Optional.of("a b/c")));
        assertTrue(ObjectKeys.decodeS3("a%zz").isEmpty());
        assertTrue(ObjectKeys.decodeS3("a%c3%28").isEmpty());
        assertTrue(ObjectKeys.unsafe("a/../b"));
        assertTrue(ObjectKeys.unsafe("a/%2e%2e/b"));
        assertTrue(ObjectKeys.unsafe("a\\b"));
        assertFalse(ObjectKeys.unsafe("a/..b/c..d"));
    }
}
