package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fnguard.EventRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopsTest {

    // as Lambda writes them: the current format (version 1) and the first one, with several entries
    private static final String CURRENT =
            "Root=1-670651f9-1de5c67d67d46ca431286874;Parent=4d055eebb5faad7c;Sampled=0;Lineage=1:bd4cecd5:3";
    private static final String FIRST =
            "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1;Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2";

    @Test
    void readsTheCountOfTheCurrentLineageFormat() {
        assertEquals(3, Hops.lineage(CURRENT));
    }

    @Test
    void readsTheHighestCountOfTheFirstLineageFormat() {
        assertEquals(5, Hops.lineage(FIRST));
    }

    @Test
    void aHeaderWithoutLineageCountsZero() {
        assertEquals(0, Hops.lineage("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertEquals(0, Hops.lineage(""));
    }

    @Test
    void ignoresAMalformedLineageAsAWhole() {
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage=1:bd4cecd5:x"));
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage=a87bd80c:1|zz:99"), "one bad entry spoils the value");
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage=1:2:3:4"));
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage=a87bd80c:99999999999"), "more than 9 digits");
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage=a87bd80c:1|"));
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage="));
        assertEquals(0, Hops.lineage("Root=1-a-b;Lineage=1:bd4cecd5:-3"));
        assertEquals(0, Hops.lineage("Root=1-a-b;XLineage=1:bd4cecd5:30"), "not the Lineage key");
    }

    @Test
    void toleratesSpacesAroundFields() {
        assertEquals(7, Hops.lineage("Root=1-a-b; Lineage=1:bd4cecd5:7 ;Sampled=1"));
    }

    @Test
    void doesNotReadOverlongHeaders() {
        assertEquals(0, Hops.lineage("Lineage=1:bd4cecd5:40;" + "x".repeat(Hops.MAX_HEADER)));
    }

    @Test
    void theHopAttributeIsPlainDigits() {
        assertEquals(0, Hops.attribute("0"));
        assertEquals(17, Hops.attribute("17"));
        assertEquals(Hops.MALFORMED, Hops.attribute("17.0"));
        assertEquals(Hops.MALFORMED, Hops.attribute("-1"));
        assertEquals(Hops.MALFORMED, Hops.attribute(" 3"));
        assertEquals(Hops.MALFORMED, Hops.attribute(""));
        assertEquals(Hops.MALFORMED, Hops.attribute("1e3"));
        assertEquals(Hops.MALFORMED, Hops.attribute("9999999999"));
    }

    @Test
    void aRecordCountsTheHigherOfItsAttributeAndItsOwnTraceHeader() {
        EventRecord r = new EventRecord("m1", new byte[0], Map.of(Hops.RECORD_ATTRIBUTE, "4",
                SourceCheck.ATTR_TRACE_HEADER, CURRENT));
        assertEquals(4, Hops.ofRecord(r));
        EventRecord s = new EventRecord("m2", new byte[0], Map.of(Hops.RECORD_ATTRIBUTE, "2",
                SourceCheck.ATTR_TRACE_HEADER, FIRST));
        assertEquals(5, Hops.ofRecord(s));
        assertEquals(Hops.MALFORMED, Hops.ofRecord(new EventRecord("m3", new byte[0],
                Map.of(Hops.RECORD_ATTRIBUTE, "two", SourceCheck.ATTR_TRACE_HEADER, FIRST))));
        assertEquals(0, Hops.ofRecord(new EventRecord("m4", new byte[0], Map.of())));
    }
}
