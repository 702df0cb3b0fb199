package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.fnguard.Check;
import dev.fnguard.EventRecord;
import dev.fnguard.Inspection;
import dev.fnguard.LimitSettings;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Size and shape limits of a JSON payload, checked in one streaming pass before anything is bound:
 * bytes, encoding (strict UTF-8, no NUL), nesting depth, string and name length, array length,
 * properties per object, token count, and nothing after the root value.
 *
 * <p>The parser itself carries the same limits as {@link StreamReadConstraints}, so that an
 * oversized string or a deep nest is abandoned while it is read, never materialized whole.
 */
public final class LimitsCheck implements Check {

    /** The check's name. */
    public static final String NAME = "limits";

    private final LimitSettings limits;
    private final JsonFactory factory;

    /**
     * Compiles the limits into a parser factory.
     *
     * @param limits the limits
     */
    public LimitsCheck(LimitSettings limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxNumberLength(Math.min(1000, limits.maxStringLength()))
                        .maxDocumentLength(limits.maxBodyBytes())
                        .maxTokenCount(limits.maxTokens())
                        .build())
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict check(Inspection inspection) {
        Optional<Verdict> refused = refusedUnread(inspection, limits);
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] body = inspection.record().orElseThrow().body();
        if (!Utf8.isStrictUtf8WithoutNul(body, 0, body.length)) {
            inspection.markUndeliverable();
            return Verdict.deny(Reason.ENCODING);
        }
        Verdict v = scan(body);
        if (!v.passes() && (v.reason().orElseThrow() == Reason.EMPTY_BODY
                || v.reason().orElseThrow() == Reason.MALFORMED)) {
            inspection.markUndeliverable();
        }
        return v;
    }

    /**
     * What both limits checks refuse before reading the body: a record the adapter could not decode
     * (with its reason) and a body over {@code maxBodyBytes}; neither can ever be delivered.
     */
    static Optional<Verdict> refusedUnread(Inspection inspection, LimitSettings limits) {
        EventRecord record = inspection.record().orElseThrow();
        if (record.decodeError().isPresent()) {
            inspection.markUndeliverable();
            return Optional.of(Verdict.deny(record.decodeError().get()));
        }
        if (record.body().length > limits.maxBodyBytes()) {
            inspection.markUndeliverable();
            return Optional.of(Verdict.deny(Reason.LIMIT_BODY));
        }
        return Optional.empty();
    }

    /** Scans a JSON document against the limits; package-visible for tests. */
    @SuppressWarnings("fallthrough")
    Verdict scan(byte[] body) {
        int maxDepth = limits.maxDepth();
        int[] counts = new int[maxDepth + 2];
        boolean[] inArray = new boolean[maxDepth + 2];
        int depth = 0;
        long tokens = 0;
        boolean rootDone = false;
        try (JsonParser p = factory.createParser(body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (rootDone) {
                    return Verdict.deny(Reason.TRAILING_DATA);
                }
                if (++tokens > limits.maxTokens()) {
                    return Verdict.deny(Reason.LIMIT_TOKENS);
                }
                switch (t) {
                    case START_OBJECT:
                    case START_ARRAY:
                        if (inArray[depth] && ++counts[depth] > limits.maxArrayLength()) {
                            return Verdict.deny(Reason.LIMIT_ARRAY);
                        }
                        if (++depth > maxDepth) {
                            return Verdict.deny(Reason.LIMIT_DEPTH);
                        }
                        counts[depth] = 0;
                        inArray[depth] = t == JsonToken.START_ARRAY;
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        depth--;
                        rootDone = depth == 0;
                        break;
                    case FIELD_NAME:
                        if (++counts[depth] > limits.maxFields()) {
                            return Verdict.deny(Reason.LIMIT_FIELDS);
                        }
                        break;
                    case VALUE_STRING:
                        if (p.getTextLength() > limits.maxStringLength()) {
                            return Verdict.deny(Reason.LIMIT_STRING);
                        }
                        // a string is a scalar like any other from here on
                    default:
                        if (depth == 0) {
                            rootDone = true;
                        } else if (inArray[depth] && ++counts[depth] > limits.maxArrayLength()) {
                            return Verdict.deny(Reason.LIMIT_ARRAY);
                        }
                        break;
                }
            }
            return tokens == 0 ? Verdict.deny(Reason.EMPTY_BODY) : Verdict.allow();
        } catch (StreamConstraintsException e) {
            return Verdict.deny(constraintReason(e));
        } catch (JsonParseException e) {
            if (rootDone) {
                return Verdict.deny(Reason.TRAILING_DATA);
            }
            return Verdict.deny(isDuplicate(e) ? Reason.DUPLICATE_KEY : Reason.MALFORMED);
        } catch (IOException e) {
            return Verdict.deny(Reason.MALFORMED);
        }
    }

    static boolean isDuplicate(JsonParseException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Duplicate");
    }

    static Reason constraintReason(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth")) {
            return Reason.LIMIT_DEPTH;
        }
        if (m.contains("token count")) {
            return Reason.LIMIT_TOKENS;
        }
        if (m.contains("document length")) {
            return Reason.LIMIT_BODY;
        }
        return Reason.LIMIT_STRING; // string, name and number lengths
    }
}
