package dev.fnguard.detect.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The template detector's fast path returns early for a string with none of {@code { < # [ @}; this
 * pins why that skips nothing the detector would fire on: every marker it looks for holds one.
 */
class TemplateFastPathTest {

    @Test
    void everyTemplateMarkerHoldsAFastPathCharacter() {
        assertTrue(Chars.of("{{").any(MarkupDetectors.TEMPLATE_CHARS), "{{");
        for (String marker : MarkupDetectors.TEMPLATE_MARKERS) {
            assertTrue(Chars.of(marker).any(MarkupDetectors.TEMPLATE_CHARS), marker);
        }
    }

    @Test
    void aStringWithoutThemIsSkippedAndOneWithThemIsRead() {
        assertFalse(Chars.of("bearer eyjhbgcioijsuzi1nij9.e30.c2ln").any(MarkupDetectors.TEMPLATE_CHARS));
        assertTrue(MarkupDetectors.template("{{7*7}}", new Work()));
        assertTrue(MarkupDetectors.template("${jndi:ldap://x}", new Work()));
    }
}
