package com.terminalacc.common;

import java.util.List;

/** One problem with one field of a request body; several of them travel in a {@link ErrorCode#VALIDATION_FAILED}. */
public record FieldError(String field, ErrorCode code, List<Object> args) {

    public FieldError(String field, ErrorCode code, Object... args) {
        this(field, code, List.of(args));
    }
}
