package dev.fnguard.internal;

import dev.fnguard.Check;
import dev.fnguard.EventRecord;
import dev.fnguard.Inspection;
import dev.fnguard.Reason;
import dev.fnguard.SourceSettings;
import dev.fnguard.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code source} check: a record's source identity must match the allow-list entries of its
 * family ({@code arn:aws:sqs}, {@code arn:aws:s3}, {@code iot}, ...), and a queue message must not
 * have been received more often than the poison cap.
 *
 * <p>Adapters put the identity in the record attribute {@value #ATTR_SOURCE} (falling back to the
 * invocation's source identity) and its family in {@value #ATTR_FAMILY}. A family for which the
 * policy declares no entry is not restricted; a record without identity is denied as soon as any
 * allow-list is declared, since it cannot be placed.
 *
 * <p>EventBridge records (family {@value #FAMILY_EVENTS}, or any record carrying
 * {@value #ATTR_DETAIL_TYPE}) must also have a {@code detail-type} matching one of the policy's
 * {@code eventDetailTypes} patterns, when it declares any; the patterns use {@code *} like the
 * allow-list and are matched without regex.
 */
public final class SourceCheck implements Check {

    /** Record attribute: the source identity of the record (ARN, {@code iot:<topic>}, ...). */
    public static final String ATTR_SOURCE = "fnguard.source";
    /** Record attribute: the family of the identity, see {@link SourcePattern#family(String)}. */
    public static final String ATTR_FAMILY = "fnguard.sourceFamily";
    /** Record attribute: the queue receive count, when the source reports one. */
    public static final String ATTR_RECEIVE_COUNT = "fnguard.receiveCount";
    /** Record attribute: the AWS account id the record's source belongs to, when the event names it. */
    public static final String ATTR_ACCOUNT = "fnguard.account";
    /** Record attribute: the region of the record's source, when the event names it. */
    public static final String ATTR_REGION = "fnguard.region";
    /**
     * Record attribute: the X-Ray trace header carried by the record itself (the SQS system
     * attribute of the same name); the loop guard reads its {@code Lineage} field.
     */
    public static final String ATTR_TRACE_HEADER = "AWSTraceHeader";
    /** Prefix of record attributes that hold message attributes (SQS, SNS): {@code attr.<name>}. */
    public static final String MESSAGE_ATTRIBUTE_PREFIX = "attr.";
    /** Record attribute: the EventBridge {@code detail-type} of the record. */
    public static final String ATTR_DETAIL_TYPE = "fnguard.detailType";
    /** The family of EventBridge records ({@code events:<source>} identities). */
    public static final String FAMILY_EVENTS = "events";

    private final List<SourcePattern> patterns;
    private final Set<String> families;
    private final int maxReceiveCount;
    private final List<SourcePattern> detailTypes;

    /**
     * Compiles the settings.
     *
     * @param settings the source settings
     */
    public SourceCheck(SourceSettings settings) {
        this.patterns = SourcePattern.compile(settings.allowed());
        Set<String> f = new TreeSet<>();
        patterns.forEach(p -> f.add(p.family()));
        this.families = Set.copyOf(f);
        this.maxReceiveCount = settings.maxReceiveCount();
        // prefixed so that a detail-type pattern is never read as an iot: topic filter
        this.detailTypes = settings.eventDetailTypes().stream().map(d -> new SourcePattern("detail-type:" + d)).toList();
    }

    @Override
    public String name() {
        return "source";
    }

    @Override
    public Verdict check(Inspection inspection) {
        EventRecord record = inspection.record().orElse(null);
        Optional<String> identity = record == null ? Optional.empty()
                : Optional.ofNullable(record.attributes().get(ATTR_SOURCE));
        if (identity.isEmpty()) {
            identity = inspection.invocation().source().identity();
        }
        if (!patterns.isEmpty()) {
            if (identity.isEmpty() || identity.get().isEmpty()) {
                return Verdict.deny(Reason.SOURCE);
            }
            String family = record != null && record.attributes().containsKey(ATTR_FAMILY)
                    ? record.attributes().get(ATTR_FAMILY) : SourcePattern.family(identity.get());
            if (families.contains(family) && !anyMatch(identity.get())) {
                return Verdict.deny(Reason.SOURCE);
            }
        }
        if (record != null && !detailTypes.isEmpty()) {
            String detailType = record.attributes().get(ATTR_DETAIL_TYPE);
            if (detailType != null || FAMILY_EVENTS.equals(record.attributes().get(ATTR_FAMILY))) {
                if (detailType == null || detailTypes.stream().noneMatch(p -> p.matches("detail-type:" + detailType))) {
                    return Verdict.deny(Reason.SOURCE);
                }
            }
        }
        if (record != null) {
            String count = record.attributes().get(ATTR_RECEIVE_COUNT);
            if (count != null && receiveCount(count) > maxReceiveCount) {
                return Verdict.deny(Reason.POISON);
            }
        }
        return Verdict.allow();
    }

    private boolean anyMatch(String identity) {
        for (SourcePattern p : patterns) {
            if (p.matches(identity)) {
                return true;
            }
        }
        return false;
    }

    private static long receiveCount(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return Long.MAX_VALUE; // unreadable counts are treated as poison: fail closed
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MAX_VALUE;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** @return the compiled patterns, for diagnostics */
    public List<String> patterns() {
        List<String> out = new ArrayList<>();
        patterns.forEach(p -> out.add(p.toString()));
        return out;
    }
}
