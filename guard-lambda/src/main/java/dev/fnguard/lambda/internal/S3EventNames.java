package dev.fnguard.lambda.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The event name of an S3 notification for an S3 event delivered through EventBridge, so that one
 * policy ({@code objectEvents = "ObjectCreated:"}) covers both shapes.
 *
 * <table>
 * <caption>detail-type (and detail fields) to event name</caption>
 * <tr><th>detail-type</th><th>event name</th></tr>
 * <tr><td>Object Created, reason PutObject / POST Object / CopyObject / CompleteMultipartUpload</td>
 *     <td>ObjectCreated:Put / Post / Copy / CompleteMultipartUpload</td></tr>
 * <tr><td>Object Deleted, reason DeleteObject, deletion-type Permanently Deleted / Delete Marker Created</td>
 *     <td>ObjectRemoved:Delete / ObjectRemoved:DeleteMarkerCreated</td></tr>
 * <tr><td>Object Deleted, reason Lifecycle Expiration</td>
 *     <td>LifecycleExpiration:Delete / LifecycleExpiration:DeleteMarkerCreated</td></tr>
 * <tr><td>Object Restore Initiated / Completed / Expired</td><td>ObjectRestore:Post / Completed / Delete</td></tr>
 * <tr><td>Object Tags Added / Deleted</td><td>ObjectTagging:Put / Delete</td></tr>
 * <tr><td>Object ACL Updated</td><td>ObjectAcl:Put</td></tr>
 * <tr><td>Object Storage Class Changed</td><td>LifecycleTransition</td></tr>
 * <tr><td>Object Access Tier Changed</td><td>IntelligentTiering</td></tr>
 * </table>
 *
 * <p>Any other detail-type (or an Object Created event with an unknown reason) has no name: the
 * record is refused as {@code UNSUPPORTED_EVENT}.
 */
final class S3EventNames {

    private static final Map<String, String> CREATED = Map.of(
            "PutObject", "ObjectCreated:Put",
            "POST Object", "ObjectCreated:Post",
            "CopyObject", "ObjectCreated:Copy",
            "CompleteMultipartUpload", "ObjectCreated:CompleteMultipartUpload");

    private static final Map<String, String> OTHER = Map.of(
            "Object Restore Initiated", "ObjectRestore:Post",
            "Object Restore Completed", "ObjectRestore:Completed",
            "Object Restore Expired", "ObjectRestore:Delete",
            "Object Tags Added", "ObjectTagging:Put",
            "Object Tags Deleted", "ObjectTagging:Delete",
            "Object ACL Updated", "ObjectAcl:Put",
            "Object Storage Class Changed", "LifecycleTransition",
            "Object Access Tier Changed", "IntelligentTiering");

    private S3EventNames() {
    }

    /**
     * The notification event name.
     *
     * @param detailType the EventBridge detail-type
     * @param reason {@code detail.reason}, may be null
     * @param deletionType {@code detail.deletion-type}, may be null
     * @return the name, empty when the event has no notification counterpart
     */
    static Optional<String> of(String detailType, String reason, String deletionType) {
        switch (detailType) {
            case "Object Created":
                return Optional.ofNullable(reason == null ? null : CREATED.get(reason));
            case "Object Deleted":
                String prefix = "Lifecycle Expiration".equals(reason) ? "LifecycleExpiration:" : "ObjectRemoved:";
                return Optional.of(prefix + ("Delete Marker Created".equals(deletionType) ? "DeleteMarkerCreated" : "Delete"));
            default:
                return Optional.ofNullable(OTHER.get(detailType));
        }
    }
}
