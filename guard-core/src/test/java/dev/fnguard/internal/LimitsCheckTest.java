package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.LimitSettings;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LimitsCheckTest {

    private static final LimitSettings LIMITS = new LimitSettings(64 * 1024, 8, 100, 10, 5, 200);
    private final LimitsCheck check = new LimitsCheck(LIMITS);

    private Reason reasonOf(String json) {
        Verdict v = check.scan(json.getBytes(StandardCharsets.UTF_8));
        return v.reason().orElse(null);
    }

    @Test
    void allowsDocumentWithinEveryLimit() {
        assertTrue(check.scan("{\"a\":[1,2,3],\"b\":{\"c\":\"x\"}}".getBytes(StandardCharsets.UTF_8)).passes());
    }

    @Test
    void deniesNestingDeeperThanLimit() {
        assertEquals(Reason.LIMIT_DEPTH, reasonOf("[".repeat(9) + "]".repeat(9)));
        assertEquals(null, reasonOf("[".repeat(8) + "]".repeat(8)));
    }

    @Test
    void deniesHundredThousandLevelsAtTheLimitNotAtTheEnd() {
        LimitsCheck big = new LimitsCheck(new LimitSettings(LimitSettings.CEILING_BODY_BYTES, 32, 100, 10, 5, 10_000_000));
        byte[] bomb = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.LIMIT_DEPTH, big.scan(bomb).reason().orElseThrow());
    }

    @Test
    void deniesLongStringValue() {
        assertEquals(Reason.LIMIT_STRING, reasonOf("{\"a\":\"" + "x".repeat(101) + "\"}"));
    }

    @Test
    void deniesLongPropertyName() {
        assertEquals(Reason.LIMIT_STRING, reasonOf("{\"" + "k".repeat(101) + "\":1}"));
    }

    @Test
    void deniesLongArrayOfScalarsAndOfObjects() {
        assertEquals(Reason.LIMIT_ARRAY, reasonOf("[" + "1,".repeat(10) + "1]"));
        assertEquals(Reason.LIMIT_ARRAY, reasonOf("[" + "{},".repeat(10) + "{}]"));
        assertEquals(null, reasonOf("[" + "1,".repeat(9) + "1]"));
    }

    @Test
    void deniesTooManyFieldsInOneObject() {
        assertEquals(Reason.LIMIT_FIELDS, reasonOf("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}"));
    }

    @Test
    void deniesHalfAMillionKeysAfterTheFieldLimit() {
        LimitsCheck big = new LimitsCheck(new LimitSettings(LimitSettings.CEILING_BODY_BYTES, 32, 100, 10, 256,
                10_000_000));
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 500_000; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(Integer.toString(i, 36)).append("\":1");
        }
        byte[] doc = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(doc.length < LimitSettings.CEILING_BODY_BYTES);
        assertEquals(Reason.LIMIT_FIELDS, big.scan(doc).reason().orElseThrow());
    }

    @Test
    void deniesTooManyTokens() {
        LimitsCheck few = new LimitsCheck(new LimitSettings(64 * 1024, 8, 100, 1000, 1000, 20));
        assertEquals(Reason.LIMIT_TOKENS, few.scan(("[" + "1,".repeat(30) + "1]").getBytes(StandardCharsets.UTF_8))
                .reason().orElseThrow());
    }

    @Test
    void deniesDuplicateKeys() {
        assertEquals(Reason.DUPLICATE_KEY, reasonOf("{\"a\":1,\"a\":2}"));
    }

    @Test
    void deniesTrailingValueAndTrailingGarbage() {
        assertEquals(Reason.TRAILING_DATA, reasonOf("{\"a\":1} {\"a\":2}"));
        assertEquals(Reason.TRAILING_DATA, reasonOf("{\"a\":1}garbage"));
        assertEquals(Reason.TRAILING_DATA, reasonOf("1 2"));
    }

    @Test
    void deniesEmptyAndBlankBodies() {
        assertEquals(Reason.EMPTY_BODY, reasonOf(""));
        assertEquals(Reason.EMPTY_BODY, reasonOf(" \n\t "));
    }

    @Test
    void deniesMalformedJson() {
        assertEquals(Reason.MALFORMED, reasonOf("{\"a\":"));
        assertEquals(Reason.MALFORMED, reasonOf("{a:1}"));
        assertEquals(Reason.MALFORMED, reasonOf("{'a':1}"));
        assertEquals(Reason.MALFORMED, reasonOf("[1,]"));
    }
}
