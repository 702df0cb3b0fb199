package dev.fnguard.lambda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.fnguard.LimitSettings;
import dev.fnguard.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {

    private static final AttributeValues DEFAULTS = new AttributeValues(LimitSettings.defaults());

    /** An image as AWS's serializer reads it from a stream record. */
    private static Map<String, AttributeValue> image(String attributeValueJson) {
        String event = "{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{\"NewImage\":"
                + attributeValueJson + "}}]}";
        DynamodbEvent e = AwsSerialization.serializerFor(DynamodbEvent.class)
                .fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        return e.getRecords().get(0).getDynamodb().getNewImage();
    }

    private static String plain(AttributeValues c, String attributeValueJson) {
        AttributeValues.Converted out = c.convert(image(attributeValueJson));
        return out.ok() ? new String(out.json(), StandardCharsets.UTF_8) : out.refusal().get().name();
    }

    @Test
    void convertsEveryAttributeTypeToPlainJson() {
        String in = "{\"s\":{\"S\":\"text\"},\"n\":{\"N\":\"-12.50\"},\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},"
                + "\"m\":{\"M\":{\"inner\":{\"N\":\"1\"}}},\"l\":{\"L\":[{\"S\":\"a\"},{\"N\":\"2\"}]},"
                + "\"ss\":{\"SS\":[\"x\",\"y\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"b\":{\"B\":\"AAEC\"},"
                + "\"bs\":{\"BS\":[\"AAEC\",\"/w==\"]}}";
        assertEquals("{\"s\":\"text\",\"n\":-12.50,\"t\":true,\"z\":null,\"m\":{\"inner\":1},\"l\":[\"a\",2],"
                + "\"ss\":[\"x\",\"y\"],\"ns\":[1,2.5],\"b\":\"AAEC\",\"bs\":[\"AAEC\",\"/w==\"]}", plain(DEFAULTS, in));
    }

    @Test
    void writesNumbersExactlyAndRefusesWhatDynamoDbCannotHold() {
        assertEquals("{\"n\":12345678901234567890123456789012345678}",
                plain(DEFAULTS, "{\"n\":{\"N\":\"12345678901234567890123456789012345678\"}}"));
        assertEquals("{\"n\":1E-130}", plain(DEFAULTS, "{\"n\":{\"N\":\"1E-130\"}}"));
        for (String bad : new String[] {"123456789012345678901234567890123456789", "1E-131", "1E+126", "1e999999999",
                "0x10", "NaN", "Infinity", "", "1..2", "1".repeat(1001)}) {
            assertEquals(Reason.MALFORMED.name(), plain(DEFAULTS, "{\"n\":{\"N\":\"" + bad + "\"}}"), bad);
        }
    }

    @Test
    void countsDepthAsTheLimitsCheckDoes() {
        AttributeValues two = new AttributeValues(new LimitSettings(1024, 2, 100, 100, 100, 1000));
        assertEquals("{\"m\":{\"a\":1}}", plain(two, "{\"m\":{\"M\":{\"a\":{\"N\":\"1\"}}}}"));
        assertEquals("{\"l\":[1]}", plain(two, "{\"l\":{\"L\":[{\"N\":\"1\"}]}}"));
        assertEquals("LIMIT_DEPTH", plain(two, "{\"m\":{\"M\":{\"a\":{\"M\":{}}}}}"));
        assertEquals("LIMIT_DEPTH", plain(two, "{\"m\":{\"M\":{\"a\":{\"SS\":[\"x\"]}}}}"));
    }

    @Test
    void stopsWritingAtTheByteLimit() {
        AttributeValues small = new AttributeValues(new LimitSettings(64, 32, 100, 100, 100, 1000));
        assertEquals("{\"s\":\"" + "x".repeat(56) + "\"}", plain(small, "{\"s\":{\"S\":\"" + "x".repeat(56) + "\"}}"));
        assertEquals("LIMIT_BODY", plain(small, "{\"s\":{\"S\":\"" + "x".repeat(57) + "\"}}"));
    }

    @Test
    void refusesValuesWithNoOrSeveralTypeDescriptors() {
        assertEquals("MALFORMED", plain(DEFAULTS, "{\"a\":{}}"));
        assertEquals("MALFORMED", plain(DEFAULTS, "{\"a\":{\"S\":\"x\",\"BOOL\":true}}"));
        assertEquals("MALFORMED", plain(DEFAULTS, "{\"a\":{\"NULL\":false}}"));
        assertEquals("MALFORMED", plain(DEFAULTS, "{\"a\":null}"));
    }
}
