package dev.fnguard.examples;

import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.Sources;
import dev.fnguard.lambda.GuardedSqsHandler;
import dev.fnguard.lambda.RecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS consumer of payments ({@code ReportBatchItemFailures} on the event source mapping). Accepts
 * messages only from the queue ARNs in {@code FNGUARD_ALLOWED_SOURCES}; every body must be a valid
 * {@link Payment}. Denied and failed messages are answered in the {@code SQSBatchResponse}.
 *
 * <p>The declared allow-list names a queue that cannot exist (region and account {@code unset}), so
 * that a deployment without {@code FNGUARD_ALLOWED_SOURCES} refuses every message instead of taking
 * payments from any queue: fail closed.
 */
@Guarded(limits = @Limits(maxBodyBytes = 4 * 1024),
        sources = @Sources(allowed = "arn:aws:sqs:unset:unset:set-FNGUARD_ALLOWED_SOURCES"))
public final class PaymentsQueue extends GuardedSqsHandler<Payment> {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentsQueue.class);

    /** For Lambda: process environment. */
    public PaymentsQueue() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink, clock
     */
    public PaymentsQueue(GuardOptions options) {
        super(options);
    }

    @Override
    protected void handle(Payment payment, RecordContext ctx) {
        LOG.info("payment {} accepted in message {}", payment.paymentId(), ctx.recordId());
    }
}
