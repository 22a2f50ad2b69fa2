package org.qingnuan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring MVC's request mappings, with a cheap first look for paths that carry a variable. Spring finds a path
 * without variables ({@code /api/mini/tickets}) in a map, but a path with one ({@code /api/mini/volunteer/tasks/42/claim})
 * by testing every mapping of the application in turn, each through its method, params, headers, consumes, produces
 * and pattern conditions: a fifth of a volunteer's claim's CPU in issue 19's profile. Here a mapping whose patterns'
 * literal beginnings ({@code /api/admin/tickets/} of {@code /api/admin/tickets/{id}/accept}) the path does not start
 * with is passed over before any of that; the others are tested by Spring as before, so what matches, and the 404 and
 * 405 answers, stay Spring's. A path with an escape ({@code %}) or a matrix parameter ({@code ;}) is left to Spring
 * entirely, since it compares decoded segments.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** No literal beginning to compare: the mapping is always tested by Spring. */
    private static final String[] ALWAYS = new String[0];

    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();
    /** The path of the lookup under way on this thread, when it may be compared literally; else null. */
    private final ThreadLocal<String> literalPath = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        // read once per lookup, not once per mapping (a request attribute is looked up through every wrapper)
        literalPath.set(lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            literalPath.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = literalPath.get();
        if (path != null && !startsWithAny(path, prefixes.computeIfAbsent(info, LiteralPrefixHandlerMapping::literalPrefixes))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] literal) {
        if (literal == ALWAYS) {
            return true;
        }
        for (String prefix : literal) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Each pattern's text up to its first variable or wildcard; ALWAYS when a pattern may match anything. */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        Set<String> patterns = condition == null ? Set.of() : condition.getPatternValues();
        if (patterns.isEmpty()) {
            return ALWAYS;
        }
        String[] literal = new String[patterns.size()];
        int i = 0;
        for (String pattern : patterns) {
            int end = pattern.length();
            for (char special : new char[] {'{', '*', '?'}) {
                int at = pattern.indexOf(special);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            if (end <= 1) {
                return ALWAYS;
            }
            literal[i++] = pattern.substring(0, end);
        }
        return literal;
    }

    /** Makes Spring Boot's MVC configuration use this mapping for the application's controllers. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations literalPrefixHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new LiteralPrefixHandlerMapping();
                }
            };
        }
    }
}
