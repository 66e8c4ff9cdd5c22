package com.buildnest.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request whose {@code Accept} header rules out every kind of answer the API gives,
 * before any handler runs. Spring MVC only finds out that it cannot write the answer after the
 * handler has run, so without this a {@code POST /api/cart/items} with {@code Accept:
 * application/xml} added the item and then answered 406: a refused request that changed data
 * (found by {@code security.attack.OpenApiFuzzTests}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AcceptableResponseFilter extends OncePerRequestFilter {

    /** What the API answers with: JSON and problems, invoices as PDF, the catalogue export as CSV. */
    static final List<MediaType> SERVED = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
            MediaType.APPLICATION_PDF, MediaType.valueOf("text/csv"));

    private final ProblemResponseWriter problems;

    AcceptableResponseFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getHeader(HttpHeaders.ACCEPT) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptsAnyServedType(request.getHeaders(HttpHeaders.ACCEPT))) {
            problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable",
                    "This API answers with JSON (problems as application/problem+json), PDF or CSV.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsAnyServedType(java.util.Enumeration<String> headers) {
        try {
            while (headers.hasMoreElements()) {
                for (MediaType accepted : MediaType.parseMediaTypes(headers.nextElement())) {
                    if (SERVED.stream().anyMatch(accepted::isCompatibleWith)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
