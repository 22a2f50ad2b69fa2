package org.qingnuan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring MVC's request mappings, with a cheap first look for paths that carry a variable. Spring finds a path
 * without variables ({@code /api/mini/tickets}) in a map, but a path with one ({@code /api/mini/volunteer/tasks/42/claim})
 * by testing every mapping of the application in turn, each through its method, params, headers, consumes, produces
 * and pattern conditions: a fifth of a volunteer's claim's CPU in issue 19's profile. Here the mappings whose
 * patterns' literal beginnings ({@code /api/admin/tickets/} of {@code /api/admin/tickets/{id}/accept}) the path starts
 * with are found first, in an index by the beginnings' directories (one map look-up per segment of the path), and
 * tested through Spring's conditions. When exactly one of them matches, that is the handler, with the request
 * attributes Spring's look-up sets; otherwise Spring's look-up runs, passing over every other mapping at the cost of
 * an identity comparison with those few, so that the choice among several matches and the 404 and 405 answers stay
 * Spring's. A path with an escape ({@code %}) or a matrix parameter ({@code ;}) is left to Spring entirely, since it
 * compares decoded segments.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** No literal beginning to compare: the mapping is always tested by Spring. */
    private static final String[] ALWAYS = new String[0];

    /** Built on the first look-up after the mappings change. */
    private volatile Index index;
    /** The mappings Spring may test in the look-up under way on this thread; null when all of them. */
    private final ThreadLocal<List<RequestMappingInfo>> candidates = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index();
        // computed once per look-up, not once per mapping (a request attribute is looked up through every wrapper)
        List<RequestMappingInfo> few = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0 ? current.candidates(lookupPath) : null;
        HandlerMethod single = few == null || CorsUtils.isPreFlightRequest(request) ? null : onlyMatch(current, few, lookupPath, request);
        if (single != null) {
            return single;
        }
        candidates.set(few);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            candidates.remove();
        }
    }

    /**
     * The handler when exactly one of the candidates matches the request, as Spring's look-up would then choose it (with
     * the same request attributes); null when none or several do, which Spring's look-up then decides (its 404 and
     * 405 answers, its ordering of several matches, a path mapped both literally and by a pattern). Spring itself
     * would still loop over all of the application's mappings to pass over the others.
     */
    private HandlerMethod onlyMatch(Index current, List<RequestMappingInfo> few, String lookupPath, HttpServletRequest request) {
        RequestMappingInfo registered = null;
        RequestMappingInfo matched = null;
        for (RequestMappingInfo info : few) {
            RequestMappingInfo match = super.getMatchingMapping(info, request);
            if (match != null) {
                if (matched != null) {
                    return null;
                }
                registered = info;
                matched = match;
            }
        }
        HandlerMethod handler = matched == null ? null : current.handlers.get(registered);
        if (handler == null) {
            return null;
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matched, lookupPath, request);
        return handler;
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        List<RequestMappingInfo> few = candidates.get();
        if (few != null && !containsSame(few, info)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean containsSame(List<RequestMappingInfo> few, RequestMappingInfo info) {
        for (RequestMappingInfo candidate : few) {
            if (candidate == info) {
                return true;
            }
        }
        return false;
    }

    private Index index() {
        Index built = index;
        if (built == null) {
            built = new Index(getHandlerMethods());
            index = built;
        }
        return built;
    }

    @Override
    protected void registerHandlerMethod(Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    /** The mappings by the directory ({@code /api/admin/tickets/}) of each of their patterns' literal beginnings. */
    static final class Index {

        private record Beginning(String literal, RequestMappingInfo info) {
        }

        private final Map<String, List<Beginning>> byDirectory = new HashMap<>();
        private final List<RequestMappingInfo> always = new ArrayList<>();
        /** Each mapping's handler, as registered (Spring's own map is copied at every call of getHandlerMethods). */
        private final Map<RequestMappingInfo, HandlerMethod> handlers;

        Index(Map<RequestMappingInfo, HandlerMethod> mappings) {
            this.handlers = Map.copyOf(mappings);
            for (RequestMappingInfo info : mappings.keySet()) {
                String[] literals = literalPrefixes(info);
                if (literals == ALWAYS) {
                    always.add(info);
                    continue;
                }
                for (String literal : literals) {
                    byDirectory.computeIfAbsent(literal.substring(0, literal.lastIndexOf('/') + 1), d -> new ArrayList<>())
                            .add(new Beginning(literal, info));
                }
            }
        }

        /** The mappings one of whose patterns' literal beginnings the path starts with, and those without one. */
        List<RequestMappingInfo> candidates(String path) {
            List<RequestMappingInfo> found = new ArrayList<>(always);
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                List<Beginning> here = byDirectory.get(path.substring(0, slash + 1));
                if (here == null) {
                    continue;
                }
                for (Beginning beginning : here) {
                    if (path.startsWith(beginning.literal()) && !containsSame(found, beginning.info())) {
                        found.add(beginning.info());
                    }
                }
            }
            return found;
        }
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
