package dev.fnguard.azure.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"order.json", "2026/11/28/order 17.json", "a..b/c", "dir/.hidden", "caf\u00e9/menu.pdf",
        "100%25 sure.txt", "100% sure.txt", "reports/q3%20summary.csv", "bad%zzescape", "trailing%2"})
    void acceptsOrdinaryNames(String name) {
        assertTrue(BlobNames.isSafe(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "a/../../etc/passwd", "..", "a/..", "..\\windows\\win.ini", "a\\..\\b",
        "%2e%2e/secret", "%2E%2E%2Fsecret", "..%2fsecret", "%252e%252e%252fsecret", "..%255c..%255cwin.ini",
        "a/%2e/b", "/etc/passwd", "\\\\server\\share", "C:/Windows/win.ini", "name%00.json", "name\u0000.json",
        "line\nbreak", "tab\tname", "bell\u0007", "%c0%ae%c0%ae/secret", "%e0%80%ae%e0%80%ae/x", "%252e%252e%252f100% sure", "%25252e%25252e%25252fsecret", ""})
    void refusesTraversalEncodedFormsAndControlCharacters(String name) {
        assertFalse(BlobNames.isSafe(name), name);
    }

    @org.junit.jupiter.api.Test
    void refusesNamesLongerThanAzureAllows() {
        assertFalse(BlobNames.isSafe("a".repeat(1025)));
        assertTrue(BlobNames.isSafe("a".repeat(1024)));
    }
}
