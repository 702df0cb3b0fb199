package dev.fnguard.internal;

import dev.fnguard.Check;
import dev.fnguard.Inspection;
import dev.fnguard.LimitSettings;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import java.util.Optional;

/**
 * The {@code limits} check for records that are not bound to a payload type (payload type
 * {@code Void}, as behind the drop-in entry point): a record the adapter could not decode is denied
 * with its reason, a body over {@code maxBodyBytes} with {@link Reason#LIMIT_BODY}, and a body that
 * starts like JSON ({@code {} or {@code [}) is scanned against the shape limits (depth, string length,
 * array length, properties, tokens).
 *
 * <p>Nothing here requires the body to be JSON, UTF-8 or anything else: without a declared type the
 * guard cannot know the format, so a text or binary body passes on its size, and a JSON-looking body
 * that turns out not to be JSON passes too (only a limit it breaks before the parse error is denied).
 */
public final class RawLimitsCheck implements Check {

    private final LimitSettings limits;
    private final LimitsCheck shape;

    /**
     * Compiles the limits.
     *
     * @param limits the limits
     */
    public RawLimitsCheck(LimitSettings limits) {
        this.limits = limits;
        this.shape = new LimitsCheck(limits);
    }

    @Override
    public String name() {
        return LimitsCheck.NAME;
    }

    @Override
    public Verdict check(Inspection inspection) {
        Optional<Verdict> refused = LimitsCheck.refusedUnread(inspection, limits);
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] body = inspection.record().orElseThrow().body();
        if (!looksLikeJson(body)) {
            return Verdict.allow();
        }
        Verdict v = shape.scan(body);
        if (v.passes() || !isLimit(v.reason().orElseThrow())) {
            return Verdict.allow();
        }
        return v;
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }

    private static boolean isLimit(Reason r) {
        return r == Reason.LIMIT_DEPTH || r == Reason.LIMIT_STRING || r == Reason.LIMIT_ARRAY
                || r == Reason.LIMIT_FIELDS || r == Reason.LIMIT_TOKENS || r == Reason.LIMIT_BODY;
    }
}
