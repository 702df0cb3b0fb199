package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.fnguard.Check;
import dev.fnguard.Inspection;
import dev.fnguard.Mode;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Binds a record's body to the handler's payload type strictly (no unknown properties, no type
 * coercion), then validates it with Jakarta Bean Validation. Violations are reported as field paths
 * and constraint names, never the rejected values.
 *
 * <p>Readers and validator metadata are built at init by {@link #forType}; per record there is one
 * bind and one validate, nothing reflective.
 */
public final class SchemaCheck implements Check {

    /** The check's name. */
    public static final String NAME = "schema";

    private final ObjectReader strict;
    private final ObjectReader lenient;
    private final Validator validator;
    private final boolean constrained;
    private final boolean monitored;

    private SchemaCheck(Class<?> type, Policy policy) {
        BeanValidation.startBootstrap();
        this.strict = Json.STRICT.readerFor(type);
        this.monitored = policy.modeFor(NAME) == Mode.MONITOR;
        this.lenient = monitored ? Json.lenient().readerFor(type) : null;
        this.validator = BeanValidation.validator();
        // builds the validator's metadata for the type now, at init, not at the first event
        this.constrained = validator.getConstraintsForClass(type).isBeanConstrained();
        prime();
    }

    /**
     * Binds and validates an empty object once, at init, so that Jackson builds the type's
     * deserializer and Hibernate Validator initializes its constraint validators (compiling
     * {@code @Pattern} expressions) now rather than at the first event. The outcome is ignored:
     * an empty object is usually invalid, and a payload type may even refuse to be constructed.
     */
    private void prime() {
        try {
            Object empty = strict.readValue("{}");
            if (empty != null && constrained) {
                validator.validate(empty);
            }
        } catch (Exception | LinkageError e) {
            // priming is best effort (a type with primitives refuses "{}"); the deserializer is built either way
        }
    }

    /**
     * Compiles the check for a payload type.
     *
     * @param type the payload class
     * @param policy the policy (its mode decides whether a lenient bind is attempted after a strict
     *     failure, to deliver the payload in monitor mode)
     * @return the check
     */
    public static SchemaCheck forType(Class<?> type, Policy policy) {
        return new SchemaCheck(type, policy);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict check(Inspection inspection) {
        byte[] body = inspection.record().orElseThrow().body();
        Object value;
        try {
            value = strict.readValue(body);
        } catch (IOException e) {
            Verdict denial = classify(e);
            if (lenient != null && bindLeniently(inspection, body)) {
                return denial;
            }
            inspection.markUndeliverable();
            return denial;
        }
        if (value == null) {
            inspection.markUndeliverable();
            return Verdict.deny(Reason.TYPE, List.of("$"));
        }
        inspection.payload(value);
        if (!constrained) {
            return Verdict.allow();
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return Verdict.allow();
        }
        List<String> fields = violations.stream().map(FieldPaths::of).sorted().distinct().toList();
        return Verdict.deny(Reason.CONSTRAINT, fields);
    }

    private boolean bindLeniently(Inspection inspection, byte[] body) {
        try {
            Object value = lenient.readValue(body);
            if (value != null) {
                inspection.payload(value);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // not bindable at all: the denial stands even in monitor mode
        }
        return false;
    }

    static Verdict classify(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Verdict.deny(Reason.UNKNOWN_FIELD, List.of(FieldPaths.of(u)));
        }
        if (e instanceof JsonMappingException m) {
            return Verdict.deny(Reason.TYPE, List.of(FieldPaths.of(m)));
        }
        if (e instanceof StreamConstraintsException c) {
            return Verdict.deny(LimitsCheck.constraintReason(c));
        }
        if (e instanceof JsonParseException p) {
            return Verdict.deny(LimitsCheck.isDuplicate(p) ? Reason.DUPLICATE_KEY : Reason.MALFORMED);
        }
        return Verdict.deny(Reason.MALFORMED);
    }
}
