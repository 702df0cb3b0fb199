package dev.fnguard.azure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceAllowListTest {

    @Test
    void kindWithoutEntriesIsNotRestricted() {
        SourceAllowList list = SourceAllowList.parse("queue:acct/orders");
        assertTrue(list.allows(TriggerKind.EVENT_HUB, Optional.of("ns/hub")));
        assertTrue(list.allows(TriggerKind.BLOB, Optional.empty()));
    }

    @Test
    void restrictedKindNeedsAMatchingIdentity() {
        SourceAllowList list = SourceAllowList.parse(" queue:acct/orders , queue:acct/pay-* ");
        assertTrue(list.allows(TriggerKind.QUEUE, Optional.of("acct/orders")));
        assertTrue(list.allows(TriggerKind.QUEUE, Optional.of("acct/pay-eu")));
        assertFalse(list.allows(TriggerKind.QUEUE, Optional.of("acct/orders-copy")));
        assertFalse(list.allows(TriggerKind.QUEUE, Optional.of("evil/orders")));
    }

    @Test
    void unknownIdentityIsRefusedWhenTheKindIsRestricted() {
        assertFalse(SourceAllowList.parse("blob:acct/*").allows(TriggerKind.BLOB, Optional.empty()));
    }

    @Test
    void awsEntriesAreIgnored() {
        SourceAllowList list = SourceAllowList.parse("arn:aws:sqs:eu-west-1:123456789012:queue,iot:sensors/#");
        assertTrue(list.allows(TriggerKind.QUEUE, Optional.of("anything")));
    }

    @Test
    void emptyEntryNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceAllowList.parse("servicebus:"));
        assertTrue(e.getMessage().startsWith("FNGUARD_ALLOWED_SOURCES"));
    }

    @Test
    void globMatchesRunsWithinTheEntryWithoutBacktrackingBlowUp() {
        assertTrue(SourceAllowList.matches("*/orders*", "acct/orders-eu"));
        assertTrue(SourceAllowList.matches("a*b*c", "axxbyyc"));
        assertFalse(SourceAllowList.matches("a*b*c", "axxbyy"));
        String hostile = "a".repeat(5000);
        assertFalse(SourceAllowList.matches("*a*a*a*a*a*a*b", hostile));
        assertEquals(true, SourceAllowList.matches("*", ""));
    }
}
