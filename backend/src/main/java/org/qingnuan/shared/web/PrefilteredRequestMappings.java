package org.qingnuan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring MVC's request mappings, with a cheap first look. For a path with a variable
 * ({@code /api/mp/volunteer/tasks/{id}/claim}) Spring tries every mapping of the application (about 190),
 * each through the request's chain of wrappers, and it does so twice per request: once for Spring
 * Security's handler-mapping cache and once to dispatch. That was the largest single cost of a signed-in
 * request in the claim benchmark. Here the mappings whose method or literal path prefix cannot fit are
 * ruled out from plain strings first; whatever remains is Spring's own decision, so matching, 404, 405,
 * HEAD and CORS pre-flight behave exactly as before.
 */
final class PrefilteredRequestMappings extends RequestMappingHandlerMapping {

    /** The request being looked up on this thread; null when the first look is skipped. */
    private static final ThreadLocal<Lookup> CURRENT = new ThreadLocal<>();

    /** Methods a mapping is matched on literally (HEAD and OPTIONS have Spring's special rules: not filtered). */
    private static final Set<RequestMethod> LITERAL = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH);

    private final Map<RequestMappingInfo, Shape> shapes = new ConcurrentHashMap<>();

    private record Lookup(String path, RequestMethod method) {
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Lookup previous = CURRENT.get();
        CURRENT.set(lookupOf(lookupPath, request.getMethod()));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = CURRENT.get();
        if (lookup != null && !shapes.computeIfAbsent(info, Shape::of).mayMatch(lookup)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * Only plain paths are pre-filtered: an encoded character or a path parameter (";") is compared decoded and
     * stripped by Spring, so a literal prefix could wrongly rule it out.
     */
    static Lookup lookupOf(String path, String method) {
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return null;
        }
        RequestMethod literal = RequestMethod.resolve(method);
        return new Lookup(path, literal != null && LITERAL.contains(literal) ? literal : null);
    }

    /** What a mapping needs at the least: one of its methods, and a path starting with one of its literal prefixes. */
    record Shape(Set<RequestMethod> methods, List<String> prefixes) {

        static Shape of(RequestMappingInfo info) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> prefixes = new ArrayList<>();
            PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
            if (patterns != null) {
                for (PathPattern pattern : patterns.getPatterns()) {
                    prefixes.add(literalPrefix(pattern.getPatternString()));
                }
            }
            return new Shape(methods.isEmpty() ? Set.of() : EnumSet.copyOf(methods), prefixes);
        }

        boolean mayMatch(Lookup lookup) {
            if (lookup.method() != null && !methods.isEmpty() && !methods.contains(lookup.method())) {
                return false;
            }
            if (prefixes.isEmpty()) {
                return true;
            }
            for (String prefix : prefixes) {
                if (lookup.path().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /** The pattern up to its first variable or wildcard. */
        static String literalPrefix(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    return pattern.substring(0, i);
                }
            }
            return pattern;
        }
    }
}
