package org.qingnuan.api.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an operation answers with, beyond what every call of its kind can answer (sign-in
 * failures on signed-in calls, VALIDATION_FAILED and MALFORMED_JSON where a body or parameter is read).
 * The published document groups them by HTTP status; a contract test fails on a code that is not in
 * the catalogue of {@link ErrorCode} enums.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Failures {

    /** Codes, e.g. {@code "TICKET_NOT_FOUND"}. */
    String[] value();
}
