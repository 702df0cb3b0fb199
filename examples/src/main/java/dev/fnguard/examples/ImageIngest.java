package dev.fnguard.examples;

import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import dev.fnguard.lambda.GuardedS3Handler;
import dev.fnguard.lambda.RecordContext;
import dev.fnguard.lambda.S3ObjectNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 consumer of uploaded images: accepts ObjectCreated events only from the buckets in
 * {@code FNGUARD_ALLOWED_SOURCES} (for example {@code arn:aws:s3:::uploads-prod}), keys matching
 * {@code ^uploads/[A-Za-z0-9._/-]{1,200}$} once decoded, objects of at most 10 MB.
 *
 * <p>The declared allow-list names a bucket that cannot exist (S3 bucket names have no capitals or
 * underscores), so that a deployment without {@code FNGUARD_ALLOWED_SOURCES} refuses every object
 * instead of ingesting from any bucket: fail closed.
 */
@Guarded(sources = @Sources(
        allowed = "arn:aws:s3:::SET_FNGUARD_ALLOWED_SOURCES",
        objectEvents = "ObjectCreated:",
        objectKeyPattern = "^uploads/[A-Za-z0-9._/-]{1,200}$",
        maxObjectBytes = 10L * 1024 * 1024))
public final class ImageIngest extends GuardedS3Handler {

    private static final Logger LOG = LoggerFactory.getLogger(ImageIngest.class);

    /** For Lambda: process environment. */
    public ImageIngest() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink, clock
     */
    public ImageIngest(GuardOptions options) {
        super(options);
    }

    @Override
    protected void handle(S3ObjectNotification object, RecordContext ctx) {
        LOG.info("image of {} bytes to ingest", object.size());
    }
}
