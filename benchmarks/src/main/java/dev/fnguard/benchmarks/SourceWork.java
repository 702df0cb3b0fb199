package dev.fnguard.benchmarks;

import dev.fnguard.examples.Payment;
import dev.fnguard.examples.Telemetry;
import dev.fnguard.lambda.S3ObjectNotification;

/**
 * The user code of the per-source benchmarks, the same for the bare and the guarded handlers: reads
 * one field of each record into a sum the benchmark consumes, so that neither side can be optimized
 * away and neither does I/O (the examples' handlers log each record, which would dominate).
 */
final class SourceWork {

    private static long sum;

    private SourceWork() {
    }

    static void payment(Payment p) {
        sum += p.amountCents();
    }

    static void telemetry(Telemetry t) {
        sum += t.ts();
    }

    static void object(S3ObjectNotification o) {
        sum += o.size() + o.key().length();
    }

    /** @return the sum so far */
    static long sum() {
        return sum;
    }
}
