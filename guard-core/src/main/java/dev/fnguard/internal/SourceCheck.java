package dev.fnguard.internal;

import dev.fnguard.Check;
import dev.fnguard.EventRecord;
import dev.fnguard.Inspection;
import dev.fnguard.Reason;
import dev.fnguard.SourceKind;
import dev.fnguard.SourceSettings;
import dev.fnguard.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code source} check, per record, in this order: the record's source identity must match the
 * allow-list entries of its family ({@code arn:aws:sqs}, {@code arn:aws:s3}, {@code iot}, ...), its
 * account and region the account and region lists ({@link Reason#SOURCE}); its hop count must not
 * exceed the loop guard's limit ({@link Reason#LOOP}); and a queue message must not have been
 * received more often than the poison cap ({@link Reason#POISON}).
 *
 * <p>Adapters put the identity in the record attribute {@value #ATTR_SOURCE} and its family in
 * {@value #ATTR_FAMILY}; a record without a family falls back to the invocation's source identity,
 * one with a family but no identity has none. A family for which the
 * policy declares no entry is not restricted; a record without identity is denied as soon as any
 * allow-list is declared, since it cannot be placed.
 *
 * <p>Account and region come from {@value #ATTR_ACCOUNT} and {@value #ATTR_REGION}, or else from the
 * fourth and fifth fields of an ARN identity. They apply to every record of a non-HTTP source: one
 * that names none while a list is declared is denied, except the families whose events never name
 * one ({@code arn:aws:s3} and {@code iot} for accounts, {@code iot} for regions), which rely on their
 * bucket or topic allow-list and on the function's resource policy. The hop count is read by
 * {@link Hops} from the record's attributes and the invocation's trace header; an unreadable
 * {@code fnguard-hop} attribute is denied with {@link Reason#LOOP} (fail closed).
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

    /** Families whose events never carry an account id: S3 notifications, IoT rule events. */
    private static final Set<String> NO_ACCOUNT = Set.of("arn:aws:s3", "iot");
    /** Families whose events never carry a region: IoT rule events. */
    private static final Set<String> NO_REGION = Set.of("iot");

    private final List<SourcePattern> patterns;
    private final Set<String> families;
    private final int maxReceiveCount;
    private final List<SourcePattern> accounts;
    private final List<SourcePattern> regions;
    private final int maxHops;
    private final List<SourcePattern> detailTypes;

    /**
     * Compiles the settings.
     *
     * @param settings the source settings
     */
    public SourceCheck(SourceSettings settings) {
        this.patterns = SourcePattern.compile(settings.allowed());
        Set<String> f = new TreeSet<>();
        for (SourcePattern p : patterns) {
            f.add(p.family());
        }
        this.families = Set.copyOf(f);
        this.maxReceiveCount = settings.maxReceiveCount();
        this.accounts = SourcePattern.compile(settings.accounts());
        this.regions = SourcePattern.compile(settings.regions());
        this.maxHops = settings.maxHops();
        // prefixed so that a detail-type pattern is never read as an iot: topic filter
        List<SourcePattern> types = new ArrayList<>();
        for (String d : settings.eventDetailTypes()) {
            types.add(new SourcePattern("detail-type:" + d));
        }
        this.detailTypes = List.copyOf(types);
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
        if (identity.isEmpty() && (record == null || !record.attributes().containsKey(ATTR_FAMILY))) {
            // only for records whose mapper does not place each record itself: a batch record that
            // names no source must not borrow the identity of the batch's first record
            identity = inspection.invocation().source().identity();
        }
        String family = record != null && record.attributes().containsKey(ATTR_FAMILY)
                ? record.attributes().get(ATTR_FAMILY) : identity.isPresent() ? SourcePattern.family(identity.get()) : "";
        if (!patterns.isEmpty()) {
            if (identity.isEmpty() || identity.get().isEmpty()) {
                return Verdict.deny(Reason.SOURCE);
            }
            if (families.contains(family) && !anyMatch(patterns, identity.get())) {
                return Verdict.deny(Reason.SOURCE);
            }
        }
        if (record != null && inspection.invocation().source().kind() != SourceKind.HTTP) {
            if (!accounts.isEmpty() && !placed(accounts, record, ATTR_ACCOUNT, identity, 4, family, NO_ACCOUNT)) {
                return Verdict.deny(Reason.SOURCE, List.of("account"));
            }
            if (!regions.isEmpty() && !placed(regions, record, ATTR_REGION, identity, 3, family, NO_REGION)) {
                return Verdict.deny(Reason.SOURCE, List.of("region"));
            }
        }
        if (record != null && !detailTypes.isEmpty()) {
            String detailType = record.attributes().get(ATTR_DETAIL_TYPE);
            if (detailType != null || FAMILY_EVENTS.equals(record.attributes().get(ATTR_FAMILY))) {
                if (detailType == null || detailTypes.stream().noneMatch(p -> p.matches("detail-type:" + detailType))) {
                    return Verdict.deny(Reason.SOURCE, List.of("detail-type"));
                }
            }
        }
        if (record != null) {
            int hop = Hops.ofRecord(record);
            if (hop == Hops.MALFORMED) {
                return Verdict.deny(Reason.LOOP, List.of("hop=malformed"));
            }
            hop = Math.max(hop, Hops.ofInvocation(inspection.invocation()));
            if (hop > maxHops) {
                return Verdict.deny(Reason.LOOP, List.of("hop=" + hop));
            }
            String count = record.attributes().get(ATTR_RECEIVE_COUNT);
            if (count != null && receiveCount(count) > maxReceiveCount) {
                return Verdict.deny(Reason.POISON);
            }
        }
        return Verdict.allow();
    }

    /**
     * Whether the record's account (or region) is in the list: from its attribute, else from the ARN
     * field at {@code arnField}; a record without one passes only when its family never carries one.
     */
    private static boolean placed(List<SourcePattern> list, EventRecord record, String attribute,
            Optional<String> identity, int arnField, String family, Set<String> exempt) {
        String value = record.attributes().get(attribute);
        if (value == null || value.isEmpty()) {
            value = identity.isPresent() ? arnField(identity.get(), arnField) : "";
        }
        if (value.isEmpty()) {
            return exempt.contains(family);
        }
        return anyMatch(list, value);
    }

    /**
     * Puts the region and account an ARN names ({@code arn:<partition>:<service>:<region>:<account>:...})
     * into {@value #ATTR_REGION} and {@value #ATTR_ACCOUNT}, for mappers; empty fields are left out.
     *
     * @param attrs the record's attributes
     * @param arn the ARN, may be null
     */
    public static void putRegionAndAccount(java.util.Map<String, String> attrs, String arn) {
        if (arn == null) {
            return;
        }
        String region = arnField(arn, 3);
        if (!region.isEmpty()) {
            attrs.put(ATTR_REGION, region);
        }
        String account = arnField(arn, 4);
        if (!account.isEmpty()) {
            attrs.put(ATTR_ACCOUNT, account);
        }
    }

    /** Field {@code n} (0-based) of an ARN, empty when the identity is not an ARN or the field is empty. */
    static String arnField(String arn, int n) {
        if (!arn.startsWith("arn:")) {
            return "";
        }
        int from = 0;
        for (int i = 0; i < n; i++) {
            from = arn.indexOf(':', from) + 1;
            if (from == 0) {
                return "";
            }
        }
        int to = arn.indexOf(':', from);
        return to < 0 ? "" : arn.substring(from, to);
    }

    private static boolean anyMatch(List<SourcePattern> patterns, String identity) {
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
