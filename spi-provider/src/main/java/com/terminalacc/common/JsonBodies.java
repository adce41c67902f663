package com.terminalacc.common;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly: size-limited, unknown fields rejected, type errors named by field. Resources take
 * the raw stream and call this instead of letting JAX-RS bind, so that every malformed body gets one of our error
 * codes rather than a generic parser message.
 *
 * <p>JSON types are taken as they are, never coerced (issue 12): a string field takes only a string, a boolean only
 * {@code true}/{@code false}, a list only an array without {@code null} elements; {@code 123}, {@code "true"},
 * {@code 1} or {@code ""} in the wrong place is 400 {@code invalid_field_type} naming the field. A key given twice is
 * 400 {@code duplicate_field}; nesting is limited.
 */
public final class JsonBodies {

    /** Larger bodies are refused before parsing: no request of this API needs more. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Deeper than any body of this API; bounds the parser's work on hostile input. */
    static final int MAX_NESTING = 16;

    private static final ObjectMapper MAPPER = strictMapper();

    private static ObjectMapper strictMapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                // booleans and numbers: no "true", 1, "" or "12" in their place
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // [null] in a list is not a value of its element type
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        // strings: no numbers or booleans in their place (not covered by ALLOW_COERCION_OF_SCALARS)
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : LogicalType.values()) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, type == LogicalType.Collection || type == LogicalType.Array
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, type == LogicalType.POJO || type == LogicalType.Map
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    private JsonBodies() {
    }

    public static <T> T read(InputStream in, Class<T> type) {
        byte[] bytes = readLimited(in);
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new TerminalException(ErrorCode.BODY_REQUIRED);
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new TerminalException(ErrorCode.BODY_REQUIRED);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new TerminalException(ErrorCode.UNKNOWN_FIELD, e.getPropertyName());
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw TerminalException.request(ErrorCode.INVALID_FIELD_TYPE, field, field);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                throw TerminalException.request(ErrorCode.DUPLICATE_FIELD, duplicate, duplicate);
            }
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        } catch (IOException e) {
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        }
    }

    /** The key given twice, when that is what the parser refused (it has just read that key). */
    private static String duplicateField(JsonProcessingException error) {
        JsonParseException e = null;
        for (Throwable t = error; t != null && e == null; t = t.getCause()) {
            if (t instanceof JsonParseException p) {
                e = p;
            }
        }
        String message = e == null ? null : e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate")) {
            return null;
        }
        JsonParser parser = e.getProcessor();
        if (parser != null) {
            try {
                if (parser.currentName() != null) {
                    return parser.currentName();
                }
            } catch (RuntimeException | IOException ignored) {
                // fall back to the message
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("['\"](.*)['\"]").matcher(message);
        return m.find() ? m.group(1) : "(body)";
    }

    /**
     * A JSON object read leniently, for standards that require receivers to ignore unknown fields (AuthZEN): the same
     * size limit and error codes as {@link #read}, but the caller interprets the tree.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode readObject(InputStream in) {
        byte[] bytes = readLimited(in);
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new TerminalException(ErrorCode.BODY_REQUIRED);
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            throw new TerminalException(ErrorCode.BODY_REQUIRED);
        }
        if (!tree.isObject()) {
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, "(body)");
        }
        return (com.fasterxml.jackson.databind.node.ObjectNode) tree;
    }

    private static byte[] readLimited(InputStream in) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new TerminalException(ErrorCode.BODY_TOO_LARGE, MAX_BODY_BYTES / 1024);
            }
            return bytes;
        } catch (IOException e) {
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
