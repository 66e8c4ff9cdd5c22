package com.buildnest.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.buildnest.platform.throttle.Throttled;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Turns every exception a controller can raise into the RFC 9457 problem of the API contract.
 * Business refusals keep their own stable code; framework errors get a code from their status;
 * a lost database answers 503 with {@code Retry-After}; anything unexpected is logged once and
 * answered with a generic 500 that names the request id and nothing of the internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ProblemDetail> businessRuleViolation(BusinessRuleViolation violation, HttpServletRequest request) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = Problems.of(status, violation.code(), violation.getMessage(), request);
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(fieldError(violation.field(), violation.getMessage())));
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException invalid, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid",
                "The request has invalid values.", request);
        problem.setProperty("errors", invalid.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(e -> e.get("field")))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception failure, HttpServletRequest request) {
        if (waitedForABusyPool(failure)) {
            log.warn("No database connection free in time while serving {} {}: {}", request.getMethod(),
                    request.getRequestURI(), failure.getMessage());
            return busy(request);
        }
        log.warn("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
                failure.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "platform.database-unavailable",
                        "The shop's database cannot be reached right now. Please retry shortly.", request));
    }

    @ExceptionHandler(Throttled.class)
    ResponseEntity<ProblemDetail> throttled(Throttled throttled, HttpServletRequest request) {
        long seconds = throttled.retryAfterSeconds();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "request.throttled",
                        "Too many attempts. Please wait " + seconds + " seconds before trying again.", request));
    }

    /** Two people changed the same thing at once; the later one is told to look again, nothing is lost. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException conflict,
            HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "request.concurrent-change", "Someone changed this at the same time. Reload it and try again.",
                request));
    }

    /**
     * The database chose this request as a deadlock's victim (or a lock wait ran out) more often than
     * its use case retries: nothing was written; the client may simply send it again.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lockContention(PessimisticLockingFailureException contention,
            HttpServletRequest request) {
        log.warn("Lock contention while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
                contention.getMostSpecificCause().getMessage());
        return busy(request);
    }

    private static ResponseEntity<ProblemDetail> busy(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "platform.busy",
                        "The shop is very busy with this right now and nothing was changed. Please retry.", request));
    }

    /**
     * Whether the request gave up waiting for a connection of a pool whose database answers: Hikari's
     * timeout carries the last failure to connect as its cause, and none while the database is up and
     * every connection is simply in use (an overload, not an outage: say so, and ask for a quick retry).
     */
    private static boolean waitedForABusyPool(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timedOut) {
                return timedOut.getCause() == null;
            }
        }
        return false;
    }

    /**
     * A multipart body that cannot be parsed (no boundary, a truncated part, not multipart at all):
     * the client's fault, found by the OpenAPI fuzzer. Too large a file is answered 413 by the handler
     * of {@code MaxUploadSizeExceededException}, the more specific type.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException unreadable, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "request.malformed",
                "The request body is not a readable multipart/form-data upload.", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure; // Spring Security's exception translation answers these with 401 or 403.
        }
        if (causedByLostConnection(failure)) {
            return databaseUnavailable(failure, request);
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), failure);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "platform.internal-error",
                "Something went wrong on our side. Quote the traceId if you contact support.", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalid.getBody();
        problem.setDetail("The request has invalid values.");
        problem.setProperty("errors", invalid.getBindingResult().getAllErrors().stream()
                .map(e -> fieldError(e instanceof FieldError f ? f.getField() : e.getObjectName(),
                        // a value that could not even be converted: say so without naming Java types
                        e instanceof FieldError f && f.isBindingFailure() ? "is not a valid value of its type"
                                : e.getDefaultMessage()))
                .sorted(Comparator.comparing(e -> e.get("field")))
                .toList());
        return ResponseEntity.status(status).headers(headers)
                .body(Problems.describe(problem, "request.invalid", servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid values.");
        problem.setProperty("errors", invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(e -> fieldError(result.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().headers(headers)
                .body(Problems.describe(problem, "request.invalid", servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimitFilter.tooLarge(unreadable)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this endpoint accepts.");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.describe(problem, "request.too-large", servletRequest(request)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape.");
        return ResponseEntity.badRequest().headers(headers)
                .body(Problems.describe(problem, "request.malformed", servletRequest(request)));
    }

    /** Every other framework exception: keep Spring's status and detail, add our code and trace id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatus(statusCode);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            Problems.describe(problem, Problems.codeFor(statusCode), servletRequest(request));
        }
        if (problem.getDetail() == null && statusCode.value() == 404) {
            problem.setDetail("Nothing is served at this address.");
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    /**
     * Whether the database connection failed underneath the request. That includes a transaction
     * that could not be finished on its JDBC connection: when the database dies mid-transaction, the
     * pool closes the broken connection, the rollback then fails with a plain "Connection is closed"
     * (no SQL state), and Spring throws that failure instead of the lost-connection one it replaces.
     * Nothing was committed (or, for a failed commit, the client cannot know): retrying is right.
     */
    private static boolean causedByLostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || cause.getClass().getName().equals("org.hibernate.TransactionException")
                            && cause.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
