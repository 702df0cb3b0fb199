package dev.fnguard.examples;

import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.lambda.GuardedDynamoDbHandler;
import dev.fnguard.lambda.RecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Streams consumer of the orders table ({@code NEW_AND_OLD_IMAGES},
 * {@code ReportBatchItemFailures}). Accepts records only from the stream ARNs in
 * {@code FNGUARD_ALLOWED_SOURCES}; the new image of an insert or update, and the old image of a
 * removal, must be a valid {@link OrderItem} of at most 4 KiB. Denied and failed records, and every
 * later record of the batch, are answered in the {@code StreamsEventResponse}.
 */
@Guarded(limits = @Limits(maxBodyBytes = 4 * 1024, maxDepth = 4))
public final class OrdersTableStream extends GuardedDynamoDbHandler<OrderItem> {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersTableStream.class);

    /** For Lambda: process environment. */
    public OrdersTableStream() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink, clock
     */
    public OrdersTableStream(GuardOptions options) {
        super(options);
    }

    @Override
    protected void handle(OrderItem order, RecordContext ctx) {
        LOG.info("order {} {} ({}) in record {}", order.orderId(), ctx.attribute(EVENT_NAME).orElse("?"),
                order.status(), ctx.recordId());
    }
}
