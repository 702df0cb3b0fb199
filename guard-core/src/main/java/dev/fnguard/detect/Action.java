package dev.fnguard.detect;

/** What the guard does with a string in which a detector found an injection. */
public enum Action {
    /** Deny the record (HTTP 400); the reason names the detector, the verdict the field path. */
    BLOCK,
    /** Flag and audit, and let the record through unchanged. */
    REPORT,
    /**
     * Hand fields annotated {@link Encode} to user code encoded for their output context (OWASP Java
     * Encoder); a finding in any other field is blocked.
     */
    ENCODE
}
