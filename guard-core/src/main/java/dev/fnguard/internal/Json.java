package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The process-wide Jackson objects, configured once and immutable afterwards (Jackson mappers are
 * thread-safe once configured). Not API: shared by the fnguard modules only.
 */
public final class Json {

    /**
     * Backstop constraints: the limits check enforces the policy's (tighter) limits before binding;
     * these bound whatever reaches Jackson some other way.
     */
    private static final StreamReadConstraints BACKSTOP = StreamReadConstraints.builder()
            .maxNestingDepth(1000)
            .maxNumberLength(1000)
            .maxStringLength(7 * 1024 * 1024)
            .maxNameLength(64 * 1024)
            .build();

    /** Factory for streaming reads and writes, with duplicate detection. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(BACKSTOP)
            .build();

    /** Strict binder: unknown properties, coercions, nulls for primitives and trailing tokens fail. */
    public static final ObjectMapper STRICT = strict();

    /** Writer for replies: the strict mapper (serialization is unaffected by its read features). */
    public static final ObjectMapper WRITER = STRICT;

    private Json() {
    }

    /**
     * Lenient binder, used only in monitor mode after a strict failure, to still deliver the payload.
     * Created on first use: an enforcing function never loads it.
     *
     * @return the lenient mapper
     */
    public static ObjectMapper lenient() {
        return Lenient.MAPPER;
    }

    private static final class Lenient {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(BACKSTOP).build())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        // no coercion between JSON types: "5" is not a number, 5 is not a string, "" is not null
        fail(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.OtherScalar, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        for (LogicalType structured : new LogicalType[] {LogicalType.POJO, LogicalType.Collection,
                LogicalType.Map, LogicalType.Array}) {
            fail(mapper, structured, CoercionInputShape.EmptyString, CoercionInputShape.String,
                    CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        }
        return mapper;
    }

    private static void fail(JsonMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
