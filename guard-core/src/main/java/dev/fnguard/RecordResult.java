package dev.fnguard;

import java.util.Optional;

/**
 * The guard's verdict on one record, with the typed payload when it was bound.
 *
 * @param record the record
 * @param verdict allow, flag (monitor mode) or deny
 * @param payload the validated payload, when the record may be delivered
 */
public record RecordResult(EventRecord record, Verdict verdict, Optional<Object> payload) {

    /** @return whether the record may go to user code */
    public boolean deliverable() {
        return verdict.passes();
    }
}
