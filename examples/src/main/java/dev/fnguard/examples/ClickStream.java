package dev.fnguard.examples;

import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.lambda.GuardedKinesisHandler;
import dev.fnguard.lambda.RecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kinesis consumer of website clicks ({@code ReportBatchItemFailures} on the event source mapping).
 * Accepts records only from the stream ARNs in {@code FNGUARD_ALLOWED_SOURCES}; every record's data
 * must be a valid {@link Click} of at most 1 KiB. Denied and failed records, and every later record
 * of their shard, are answered in the {@code StreamsEventResponse}.
 */
@Guarded(limits = @Limits(maxBodyBytes = 1024, maxDepth = 4))
public final class ClickStream extends GuardedKinesisHandler<Click> {

    private static final Logger LOG = LoggerFactory.getLogger(ClickStream.class);

    /** For Lambda: process environment. */
    public ClickStream() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink, clock
     */
    public ClickStream(GuardOptions options) {
        super(options);
    }

    @Override
    protected void handle(Click click, RecordContext ctx) {
        LOG.info("click on {} in record {} of {}", click.page(), ctx.recordId(),
                ctx.attribute(SHARD_ID).orElse("?"));
    }
}
