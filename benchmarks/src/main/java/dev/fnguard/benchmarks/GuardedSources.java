package dev.fnguard.benchmarks;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import dev.fnguard.Sources;
import dev.fnguard.budget.Budget;
import dev.fnguard.detect.Detect;
import dev.fnguard.detect.Detector;
import dev.fnguard.examples.OrderCreated;
import dev.fnguard.examples.OrderRequest;
import dev.fnguard.examples.Payment;
import dev.fnguard.examples.Telemetry;
import dev.fnguard.lambda.GuardedHttpHandler;
import dev.fnguard.lambda.GuardedIotHandler;
import dev.fnguard.lambda.GuardedS3Handler;
import dev.fnguard.lambda.GuardedSqsHandler;
import dev.fnguard.lambda.RecordContext;
import dev.fnguard.lambda.S3ObjectNotification;
import java.util.UUID;

/**
 * The guarded handlers of the benchmarks that cannot use the examples as they are: the policies of
 * {@code PaymentsQueue}, {@code ImageIngest} and {@code TelemetryIngest} with {@link SourceWork} as
 * user code instead of a log line, and {@code OrdersApi} without its JWT (the "no signature" figure).
 */
final class GuardedSources {

    private GuardedSources() {
    }

    /** {@code OrdersApi}'s policy without {@code @Jwt}/{@code @RequireScope}: limits, transport, budget, schema, detection. */
    @Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"),
            budget = @Budget(callerPerMinute = 60, callerBurst = 10),
            detect = @Detect({Detector.SQL, Detector.XSS, Detector.COMMAND, Detector.TEMPLATE}))
    public static final class OrdersNoSignature extends GuardedHttpHandler<OrderRequest, OrderCreated> {
        /** @param options environment and audit sink */
        public OrdersNoSignature(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<OrderCreated> handle(OrderRequest order, GuardContext context) {
            return HttpReply.created(new OrderCreated(UUID.randomUUID()));
        }
    }

    /** {@code PaymentsQueue}'s policy. */
    @Guarded(limits = @Limits(maxBodyBytes = 4 * 1024))
    public static final class Payments extends GuardedSqsHandler<Payment> {
        /** @param options environment and audit sink */
        public Payments(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Payment payment, RecordContext ctx) {
            SourceWork.payment(payment);
        }
    }

    /** {@code ImageIngest}'s policy. */
    @Guarded(sources = @Sources(objectEvents = "ObjectCreated:", objectKeyPattern = "^uploads/[A-Za-z0-9._/-]{1,200}$",
            maxObjectBytes = 10L * 1024 * 1024))
    public static final class Images extends GuardedS3Handler {
        /** @param options environment and audit sink */
        public Images(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(S3ObjectNotification object, RecordContext ctx) {
            SourceWork.object(object);
        }
    }

    /** {@code TelemetryIngest}'s policy. */
    @Guarded(limits = @Limits(maxBodyBytes = 2 * 1024), sources = @Sources(allowed = "iot:sensors/+/telemetry"))
    public static final class TelemetryRule extends GuardedIotHandler<Telemetry> {
        /** @param options environment and audit sink */
        public TelemetryRule(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Telemetry reading, RecordContext ctx) {
            SourceWork.telemetry(reading);
        }
    }
}
