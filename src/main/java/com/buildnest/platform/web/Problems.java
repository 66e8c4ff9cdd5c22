package com.buildnest.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one error shape of BuildNest: an RFC 9457 problem with a stable {@code code}, a
 * {@code type} derived from that code, and the {@code traceId} of the request.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:buildnest:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return describe(problem, code, request);
    }

    /** Adds the code, type, instance and trace id to a problem that was built elsewhere (by Spring MVC, say). */
    static ProblemDetail describe(ProblemDetail problem, String code, HttpServletRequest request) {
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("traceId", RequestIdFilter.idOf(request));
        }
        return problem;
    }

    /** The stable code for an HTTP status raised by the framework rather than by a business rule. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "request.malformed";
            case 401 -> "auth.unauthenticated";
            case 403 -> "auth.forbidden";
            case 404 -> "request.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 409 -> "request.conflict";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            case 422 -> "request.unprocessable";
            case 429 -> "request.throttled";
            case 503 -> "platform.unavailable";
            default -> status.is5xxServerError() ? "platform.internal-error" : "request.rejected";
        };
    }
}
