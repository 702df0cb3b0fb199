package dev.fnguard.examples;

import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import dev.fnguard.lambda.GuardedEventBridgeHandler;
import dev.fnguard.lambda.RecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge target of the orders bus: accepts only events from the source
 * {@code com.example.orders} with detail-type {@code Order Placed} or {@code Order Cancelled}, whose
 * detail is a valid {@link OrderEvent}. Anything else is dropped with an audit event.
 */
@Guarded(sources = @Sources(allowed = "events:com.example.orders",
        eventDetailTypes = {"Order Placed", "Order Cancelled"}))
public final class OrderEvents extends GuardedEventBridgeHandler<OrderEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEvents.class);

    /** For Lambda: process environment. */
    public OrderEvents() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink, clock
     */
    public OrderEvents(GuardOptions options) {
        super(options);
    }

    @Override
    protected void handle(OrderEvent order, RecordContext ctx) {
        LOG.info("{} for {} x{}", ctx.attribute("detail-type").orElse("?"), order.sku(), order.quantity());
    }
}
