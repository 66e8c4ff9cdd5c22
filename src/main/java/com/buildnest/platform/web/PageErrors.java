package com.buildnest.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.buildnest.platform.throttle.Throttled;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.DependencyUnavailable;

/**
 * Friendly error pages for people: a failure in a page controller (any {@code @Controller} that
 * renders views: the storefront's and the back office's), a page nobody serves asked for by a
 * browser, and the container's error page ({@code /error}) when a browser asks for HTML (403 from
 * a page chain, say). Never a stack trace or a white-label page; API clients keep getting problem
 * bodies ({@link ProblemDetailsAdvice}). A service the shop relies on that does not answer
 * ({@link DependencyUnavailable}: the payment gateway, say) is the 503 page naming it, whichever
 * page met it.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private static final long DEPENDENCY_RETRY_AFTER_SECONDS = 60;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        boolean ourPage = handler instanceof HandlerMethod method && rendersViews(method.getBeanType());
        boolean browserLost = failure instanceof NoResourceFoundException && wantsHtml(request)
                && !request.getRequestURI().startsWith("/api/");
        if (!ourPage && !browserLost) {
            return null;
        }
        if (failure instanceof DependencyUnavailable unavailable) {
            // Not our failure, and the module that met it has logged why: no stack trace here.
            log.warn("Page {} met an unavailable dependency: {}", request.getRequestURI(), failure.getMessage());
            response.setHeader("Retry-After", Long.toString(DEPENDENCY_RETRY_AFTER_SECONDS));
            return page(HttpStatus.SERVICE_UNAVAILABLE, unavailable.dependency()
                    + " is not answering right now. Please try again in a minute.");
        }
        HttpStatus status = statusOf(failure);
        if (status.is5xxServerError()) {
            log.error("Page {} failed", request.getRequestURI(), failure);
        }
        if (failure instanceof Throttled throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
        }
        String message = failure instanceof BusinessRuleViolation refused ? refused.getMessage() : null;
        return page(status, message);
    }

    /** The container's error page, for browsers; the platform's problem body serves everyone else. */
    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        return page(status, null);
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "title", titleOf(status),
                "message", message == null ? messageOf(status) : message), status);
        return page;
    }

    private static HttpStatus statusOf(Exception failure) {
        if (failure instanceof BusinessRuleViolation refused) {
            return switch (refused.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
            };
        }
        if (failure instanceof Throttled) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (RequestBodyLimitFilter.tooLarge(failure)
                || failure instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (failure instanceof ErrorResponse known) {
            HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
            return status == null ? HttpStatus.BAD_REQUEST : status;
        }
        if (failure instanceof org.springframework.beans.TypeMismatchException
                || failure instanceof org.springframework.web.bind.MissingServletRequestParameterException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String titleOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Not allowed";
            case TOO_MANY_REQUESTS -> "Too many requests";
            case CONTENT_TOO_LARGE -> "That is too large";
            case SERVICE_UNAVAILABLE -> "Temporarily unavailable";
            case INTERNAL_SERVER_ERROR -> "Something went wrong";
            default -> status.is4xxClientError() ? "That did not work" : "Something went wrong";
        };
    }

    private static String messageOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "We could not find that page. It may have moved, or the product is no longer sold.";
            case FORBIDDEN -> "Your account may not open this page.";
            case TOO_MANY_REQUESTS -> "Please wait a minute and try again.";
            case CONTENT_TOO_LARGE -> "What you sent is larger than this shop accepts. To import a bigger catalogue,"
                    + " split the CSV file into smaller files and import them one by one.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again in a moment."
                    : "The request could not be handled.";
        };
    }

    /** A page controller: {@code @Controller} without {@code @ResponseBody} (which REST controllers carry). */
    private static boolean rendersViews(Class<?> controller) {
        return AnnotatedElementUtils.hasAnnotation(controller, Controller.class)
                && !AnnotatedElementUtils.hasAnnotation(controller, ResponseBody.class);
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
