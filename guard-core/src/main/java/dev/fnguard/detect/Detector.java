package dev.fnguard.detect;

import dev.fnguard.Reason;

/** The injection detectors the guard can run on a string, each with its stable reason code. */
public enum Detector {
    /** SQL injection, by token fingerprints of the input read as SQL in three quote contexts. */
    SQL(Reason.INJECTION_SQL),
    /** Script-capable HTML: script tags, event handlers, {@code javascript:} URLs, SVG/MathML. */
    XSS(Reason.INJECTION_XSS),
    /** OS command injection: shell metacharacters followed by a command, substitutions. */
    COMMAND(Reason.INJECTION_COMMAND),
    /** Path traversal: {@code ../} in any encoding, and absolute paths. */
    PATH(Reason.PATH_TRAVERSAL),
    /** NoSQL operators ({@code $where}, {@code $ne}, ...) as keys or in query-style values. */
    NOSQL(Reason.INJECTION_NOSQL),
    /** URLs aimed at internal targets: loopback, private, link-local, metadata, odd IP spellings. */
    SSRF(Reason.SSRF),
    /** CR or LF (and Unicode line separators) that split headers or forge log lines. */
    CRLF(Reason.INJECTION_CRLF),
    /** Template and expression syntax: {@code {{ }}}, {@code ${ }}, {@code #{ }}, {@code ${jndi:}. */
    TEMPLATE(Reason.INJECTION_TEMPLATE),
    /** An XML DOCTYPE or entity declaration. */
    XXE(Reason.XXE);

    private final Reason reason;

    Detector(Reason reason) {
        this.reason = reason;
    }

    /** @return the reason code a finding of this detector is audited with */
    public Reason reason() {
        return reason;
    }
}
