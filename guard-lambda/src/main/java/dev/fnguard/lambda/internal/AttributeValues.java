package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fnguard.LimitSettings;
import dev.fnguard.Reason;
import dev.fnguard.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Converts a DynamoDB item (attribute-value JSON as AWS's serializer reads it) to plain JSON, under
 * the policy's limits: {@code S} as a string, {@code N} as an exact number, {@code BOOL},
 * {@code NULL}, {@code M} as an object, {@code L} as an array, {@code SS}/{@code NS} as arrays,
 * {@code B}/{@code BS} as base64 strings.
 *
 * <p>Work is bounded while converting: nesting deeper than {@code maxDepth} stops the descent
 * ({@link Reason#LIMIT_DEPTH}), output beyond {@code maxBodyBytes} stops the writing
 * ({@link Reason#LIMIT_BODY}); the other limits (strings, arrays, fields, tokens) are left to the
 * limits check on the converted bytes. A value DynamoDB could not have produced (no or several
 * type descriptors, a number that is not one or lies outside DynamoDB's 38 digits and exponent
 * range) is {@link Reason#MALFORMED}.
 */
final class AttributeValues {

    /** DynamoDB numbers: up to 38 significant digits, magnitude from 1E-130 to below 1E+126. */
    private static final int MAX_PRECISION = 38;
    private static final int MIN_EXPONENT = -130;
    private static final int MAX_EXPONENT = 125;
    /** Longest number text accepted (Jackson's own default); DynamoDB's canonical form is far shorter. */
    private static final int MAX_NUMBER_CHARS = 1000;

    private final int maxDepth;
    private final int maxBytes;

    AttributeValues(LimitSettings limits) {
        this.maxDepth = limits.maxDepth();
        this.maxBytes = limits.maxBodyBytes();
    }

    /**
     * The outcome of one conversion: the JSON bytes, or why there are none.
     *
     * @param json the plain JSON, empty when refused
     * @param refusal the reason, empty when converted
     */
    record Converted(byte[] json, Optional<Reason> refusal) {
        boolean ok() {
            return refusal.isEmpty();
        }

        static Converted of(byte[] json) {
            return new Converted(json, Optional.empty());
        }

        static Converted refused(Reason reason) {
            return new Converted(new byte[0], Optional.of(reason));
        }
    }

    /** Refusal inside the walk, unwound to {@link #convert}; no stack trace, it is a verdict. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Reason reason;

        Refused(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Converts an item (an image or the keys).
     *
     * @param item the attributes by name
     * @return the plain JSON object, or the refusal
     */
    Converted convert(Map<String, AttributeValue> item) {
        CappedOutput out = new CappedOutput(maxBytes);
        try (JsonGenerator gen = Json.FACTORY.createGenerator(out)) {
            object(gen, item, 1);
            gen.flush();
        } catch (Refused r) {
            return Converted.refused(r.reason);
        } catch (IOException e) {
            return Converted.refused(Reason.MALFORMED);
        }
        if (out.size() > maxBytes) {
            return Converted.refused(Reason.LIMIT_BODY);
        }
        return Converted.of(out.toByteArray());
    }

    private void object(JsonGenerator gen, Map<String, AttributeValue> m, int depth) throws IOException {
        if (depth > maxDepth) {
            throw new Refused(Reason.LIMIT_DEPTH);
        }
        gen.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            if (e.getKey() == null) {
                throw new Refused(Reason.MALFORMED);
            }
            gen.writeFieldName(e.getKey());
            value(gen, e.getValue(), depth);
        }
        gen.writeEndObject();
    }

    /** Writes one value found inside a container at {@code depth}. */
    private void value(JsonGenerator gen, AttributeValue v, int depth) throws IOException {
        if (v == null || descriptors(v) != 1) {
            throw new Refused(Reason.MALFORMED);
        }
        if (v.getS() != null) {
            gen.writeString(v.getS());
        } else if (v.getN() != null) {
            gen.writeNumber(number(v.getN()));
        } else if (v.getBOOL() != null) {
            gen.writeBoolean(v.getBOOL());
        } else if (v.getNULL() != null) {
            if (!v.getNULL()) {
                throw new Refused(Reason.MALFORMED);
            }
            gen.writeNull();
        } else if (v.getB() != null) {
            gen.writeString(base64(v.getB()));
        } else if (v.getM() != null) {
            object(gen, v.getM(), depth + 1);
        } else if (v.getL() != null) {
            open(gen, depth + 1);
            for (AttributeValue item : v.getL()) {
                value(gen, item, depth + 1);
            }
            gen.writeEndArray();
        } else if (v.getSS() != null) {
            open(gen, depth + 1);
            for (String s : v.getSS()) {
                gen.writeString(present(s));
            }
            gen.writeEndArray();
        } else if (v.getNS() != null) {
            open(gen, depth + 1);
            for (String n : v.getNS()) {
                gen.writeNumber(number(present(n)));
            }
            gen.writeEndArray();
        } else {
            open(gen, depth + 1);
            for (ByteBuffer b : v.getBS()) {
                gen.writeString(base64(present(b)));
            }
            gen.writeEndArray();
        }
    }

    private void open(JsonGenerator gen, int depth) throws IOException {
        if (depth > maxDepth) {
            throw new Refused(Reason.LIMIT_DEPTH);
        }
        gen.writeStartArray();
    }

    private static int descriptors(AttributeValue v) {
        int n = 0;
        n += v.getS() != null ? 1 : 0;
        n += v.getN() != null ? 1 : 0;
        n += v.getB() != null ? 1 : 0;
        n += v.getSS() != null ? 1 : 0;
        n += v.getNS() != null ? 1 : 0;
        n += v.getBS() != null ? 1 : 0;
        n += v.getM() != null ? 1 : 0;
        n += v.getL() != null ? 1 : 0;
        n += v.getNULL() != null ? 1 : 0;
        n += v.getBOOL() != null ? 1 : 0;
        return n;
    }

    private static <X> X present(X x) {
        if (x == null) {
            throw new Refused(Reason.MALFORMED);
        }
        return x;
    }

    /** An exact number; bounded in length before {@link BigDecimal} sees it, in range after. */
    static BigDecimal number(String n) {
        if (n.isEmpty() || n.length() > MAX_NUMBER_CHARS) {
            throw new Refused(Reason.MALFORMED);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(n);
        } catch (NumberFormatException e) {
            throw new Refused(Reason.MALFORMED);
        }
        if (d.signum() != 0) {
            BigDecimal s = d.stripTrailingZeros();
            long exponent = (long) s.precision() - s.scale() - 1;
            if (s.precision() > MAX_PRECISION || exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
                throw new Refused(Reason.MALFORMED);
            }
        }
        return d;
    }

    private static String base64(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] raw = new byte[d.remaining()];
        d.get(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Collects output and refuses, as soon as the generator flushes past it, more than the cap. */
    private static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        private final int cap;

        CappedOutput(int cap) {
            this.cap = cap;
        }

        @Override
        public void write(int b) {
            check(1);
            buf.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            check(len);
            buf.write(b, off, len);
        }

        private void check(int more) {
            if ((long) buf.size() + more > cap) {
                throw new Refused(Reason.LIMIT_BODY);
            }
        }

        int size() {
            return buf.size();
        }

        byte[] toByteArray() {
            return buf.toByteArray();
        }
    }

    /** For the {@code keys} attribute: the keys as compact JSON text, or empty when refused. */
    static String text(Converted c) {
        return c.ok() ? new String(c.json(), StandardCharsets.UTF_8) : "";
    }
}
