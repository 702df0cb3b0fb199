package dev.fnguard.lambda;

/**
 * One validated S3 object notification, as {@link GuardedS3Handler} hands it to user code.
 *
 * @param eventName the S3 event name, for example {@code ObjectCreated:Put} (mapped from the
 *     detail-type for events through EventBridge)
 * @param bucket the bucket name
 * @param key the object key, URL-decoded as S3 encodes it in notifications ({@code +} is a space) or
 *     as sent through EventBridge (not encoded), and checked for traversal and control characters
 * @param size the object size in bytes, null for events without one (ObjectRemoved)
 * @param region the bucket's region
 */
public record S3ObjectNotification(String eventName, String bucket, String key, Long size, String region) {
}
