package com.terminalacc.common;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads request bodies strictly: size-limited, unknown fields rejected, type errors named by field. Resources take
 * the raw stream and call this instead of letting JAX-RS bind, so that every malformed body gets one of our error
 * codes rather than a generic parser message.
 */
public final class JsonBodies {

    /** Larger bodies are refused before parsing: no request of this API needs more. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

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
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, path(e));
        } catch (JsonParseException e) {
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        } catch (JsonProcessingException e) {
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        } catch (IOException e) {
            throw new TerminalException(ErrorCode.MALFORMED_JSON);
        }
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
