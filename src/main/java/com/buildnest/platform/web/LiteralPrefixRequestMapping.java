package com.buildnest.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's request mapping with a cheap first test in front of its full one.
 *
 * <p>A path with variables in it ({@code /api/products/42}) has no direct entry in Spring's
 * registry, so Spring tries every mapping of the application in turn: about 95 here, each
 * checking method, parameters, headers and media types before the path itself. That scan was a
 * fifth of a cached product page's time (docs/benchmarks.md). Here each mapping is also known by
 * the literal start of each of its path patterns ({@code /api/products} for
 * {@code /api/products/{id}}); a pattern can only match a path that starts with its literal start,
 * so a mapping none of whose starts the path begins with is passed over without the full test.
 * The handler chosen is the one Spring would choose. Paths Spring decodes before matching (with a
 * {@code %} or a {@code ;} in them) and a case-insensitive pattern parser get the full test only.
 */
class LiteralPrefixRequestMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY_PATH = {};

    /** The literal starts of each mapping's patterns; none for a mapping that may match any path. */
    private final Map<RequestMappingInfo, String[]> literalStarts = new ConcurrentHashMap<>();

    /** The path of the request being looked up on this thread, while it is looked up, if plain. */
    private final ThreadLocal<String> plainPath = new ThreadLocal<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        literalStarts.put(mapping, literalStartsOf(mapping));
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        literalStarts.put(mapping, literalStartsOf(mapping));
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        literalStarts.remove(mapping);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0
                && getPatternParser() != null && getPatternParser().isCaseSensitive();
        if (!plain) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        plainPath.set(lookupPath);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            plainPath.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = plainPath.get();
        if (path != null && !startsWithAny(path, literalStarts.getOrDefault(info, ANY_PATH))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] starts) {
        if (starts.length == 0) {
            return true;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** Each pattern's literal start (see {@link #literalStart}); none if a pattern may match any path. */
    static String[] literalStartsOf(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null) {
            return ANY_PATH;
        }
        Set<PathPattern> patterns = condition.getPatterns();
        String[] starts = new String[patterns.size()];
        int i = 0;
        for (PathPattern pattern : patterns) {
            String start = literalStart(pattern.getPatternString());
            if (start.isEmpty()) {
                return ANY_PATH;
            }
            starts[i++] = start;
        }
        return starts;
    }

    /**
     * The pattern's whole segments before its first variable or wildcard, without the separator
     * after them: {@code /files/**} also matches {@code /files}, so its literal start is
     * {@code /files}.
     */
    static String literalStart(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', i)));
            }
        }
        return pattern;
    }
}
