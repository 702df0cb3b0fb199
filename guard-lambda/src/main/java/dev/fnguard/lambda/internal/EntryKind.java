package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fnguard.Source;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One kind of event the drop-in entry point takes: how it is recognised, mapped, filtered and
 * answered. Every kind is a row of {@link EntryKinds#table}; adding a source is adding a row.
 *
 * @param name the kind's name (written to logs; the audit event's source type comes from the mapper)
 * @param detector recognises the kind from the event's shape; exactly one kind of the table may match
 * @param delivery how the caller is answered and what happens to denied records
 * @param recordsField the top-level array holding one native record per {@code EventRecord}, from
 *     which denied records are removed before user code sees the event; empty for events of one record
 * @param mapper maps the event bytes (with AWS's serializers); throws when they are not well formed
 * @param answer for {@link Delivery#REPORT}, writes the batch response naming the failed records
 * @param source the source named in the audit event of an event of this kind that cannot be mapped
 * @param eventTypes the AWS event classes a {@code RequestHandler} declares to take this kind; a handler
 *     declaring one of them gets only the kinds that list it, any other input type gets every kind
 */
record EntryKind(String name, Predicate<EventShape> detector, Delivery delivery, Optional<String> recordsField,
        Mapper mapper, Optional<BatchPipeline.Answer> answer, Source source, Set<Class<?>> eventTypes) {

    /**
     * Checks the row.
     */
    EntryKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(recordsField, "recordsField");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(source, "source");
        eventTypes = Set.copyOf(eventTypes);
        if ((delivery == Delivery.REPORT) != answer.isPresent()) {
            throw new IllegalArgumentException("kind " + name + ": an answer is needed exactly for REPORT kinds");
        }
    }

    /** How a kind is answered. */
    enum Delivery {
        /** A caller waits for an HTTP answer: a denial is a problem document in the event's shape. */
        HTTP,
        /** A batch with partial failures: denied and failed records are named in {@code batchItemFailures}. */
        REPORT,
        /** An asynchronous source without a caller: denied records are dropped and audited. */
        DROP
    }

    /** Maps the bytes of an event of this kind. */
    @FunctionalInterface
    interface Mapper {
        /**
         * Maps the event.
         *
         * @param event the exact event bytes
         * @param context the Lambda context, may be null
         * @param functionName the function name
         * @return the mapped event
         */
        EntryEvent map(byte[] event, Context context, String functionName);
    }
}
