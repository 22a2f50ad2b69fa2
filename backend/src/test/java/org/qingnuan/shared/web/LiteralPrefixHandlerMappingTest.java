package org.qingnuan.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiteralPrefixHandlerMappingTest {

    private static RequestMappingInfo info(String... patterns) {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(PathPatternParser.defaultInstance);
        return RequestMappingInfo.paths(patterns).methods(RequestMethod.POST).options(config).build();
    }

    @Test
    void aPatternsLiteralBeginningEndsAtItsFirstVariableOrWildcard() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/api/mini/volunteer/tasks/{id}/claim")))
                .containsExactly("/api/mini/volunteer/tasks/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/api/admin/tickets")))
                .containsExactly("/api/admin/tickets");
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/m/**"))).containsExactly("/m/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/api/a?c/{x}"))).containsExactly("/api/a");
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/a/{x}", "/b/{y}")))
                .containsExactlyInAnyOrder("/a/", "/b/");
    }

    @Test
    void aPatternThatMayMatchAnythingIsAlwaysLeftToSpring() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/{anything}"))).isEmpty();
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/**"))).isEmpty();
        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info("/a/{x}", "/{y}"))).isEmpty();
    }

    @Test
    void aPathsCandidatesAreTheMappingsWhoseLiteralBeginningItStartsWithAndThoseWithoutOne() {
        RequestMappingInfo claim = info("/api/mini/volunteer/tasks/{id}/claim");
        RequestMappingInfo tasks = info("/api/mini/volunteer/tasks");
        RequestMappingInfo tickets = info("/api/mini/tickets", "/api/mini/tickets/{id}");
        RequestMappingInfo wildcard = info("/api/a?c/{x}");
        RequestMappingInfo anything = info("/{anything}");
        RequestMappingInfo admin = info("/api/admin/tickets/{id}");
        java.util.Map<RequestMappingInfo, HandlerMethod> handlers = new java.util.HashMap<>();
        for (RequestMappingInfo info : List.of(claim, tasks, tickets, wildcard, anything, admin)) {
            handlers.put(info, new HandlerMethod(this, ReflectionUtils.findMethod(getClass(), "toString")));
        }
        LiteralPrefixHandlerMapping.Index index = new LiteralPrefixHandlerMapping.Index(handlers);

        assertThat(index.candidates("/api/mini/volunteer/tasks/42/claim")).containsExactlyInAnyOrder(anything, claim, tasks);
        assertThat(index.candidates("/api/mini/tickets/7")).containsExactlyInAnyOrder(anything, tickets);
        assertThat(index.candidates("/api/mini/tickets")).containsExactlyInAnyOrder(anything, tickets);
        assertThat(index.candidates("/api/abc/1")).containsExactlyInAnyOrder(anything, wildcard);
        // "/api/a" of "/api/a?c/{x}" is a literal beginning of this path too: Spring tests that one
        assertThat(index.candidates("/api/admin/orgs/3")).containsExactlyInAnyOrder(anything, wildcard);
        assertThat(index.candidates("/elsewhere")).containsExactly(anything);
    }

    /** The handlers a look-up is compared on: the claim's neighbours, one path mapped both literally and by a pattern. */
    @RestController
    static class Tasks {

        @PostMapping("/api/mini/volunteer/tasks/{id}/claim")
        String claim(@PathVariable long id) {
            return "claim";
        }

        @GetMapping("/api/mini/volunteer/tasks/{id}")
        String task(@PathVariable long id) {
            return "task";
        }

        @GetMapping("/api/mini/volunteer/tasks/mine")
        String mine() {
            return "mine";
        }

        @GetMapping("/api/mini/volunteer/tasks")
        String nearby() {
            return "nearby";
        }
    }

    private static RequestMappingHandlerMapping started(RequestMappingHandlerMapping mapping) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("tasks", Tasks.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** The handler and the attributes a controller's arguments are read from, as the look-up left them. */
    private static List<Object> found(RequestMappingHandlerMapping mapping, String method, String path) throws Exception {
        MockHttpServletRequest request = request(method, path);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : List.of(((HandlerMethod) chain.getHandler()).getMethod().getName(),
                String.valueOf(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)),
                String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)),
                ((HandlerMethod) request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)).getMethod().getName());
    }

    @Test
    void aLookUpFindsWhatSpringsOwnFindsWithTheSameRequestAttributes() throws Exception {
        RequestMappingHandlerMapping ours = started(new LiteralPrefixHandlerMapping());
        RequestMappingHandlerMapping spring = started(new RequestMappingHandlerMapping());
        for (String[] call : new String[][] {{"POST", "/api/mini/volunteer/tasks/42/claim"}, {"GET", "/api/mini/volunteer/tasks/42"},
                {"GET", "/api/mini/volunteer/tasks/mine"}, {"GET", "/api/mini/volunteer/tasks"}, {"GET", "/nowhere"}}) {
            assertThat(found(ours, call[0], call[1])).as(call[0] + " " + call[1]).isEqualTo(found(spring, call[0], call[1]));
        }
        // the one match of the candidates, found without Spring's loop: its variables are there for the controller
        assertThat(found(ours, "POST", "/api/mini/volunteer/tasks/42/claim"))
                .containsExactly("claim", "{id=42}", "/api/mini/volunteer/tasks/{id}/claim", "claim");
        // a path mapped literally and by a pattern is left to Spring, which prefers the literal mapping
        assertThat(found(ours, "GET", "/api/mini/volunteer/tasks/mine")).first().isEqualTo("mine");
        // no candidate matches: Spring's answer, a 405 with what is allowed
        for (RequestMappingHandlerMapping mapping : List.of(ours, spring)) {
            assertThatThrownBy(() -> mapping.getHandler(request("DELETE", "/api/mini/volunteer/tasks/42/claim")))
                    .isInstanceOf(HttpRequestMethodNotSupportedException.class)
                    .satisfies(e -> assertThat(((HttpRequestMethodNotSupportedException) e).getSupportedMethods()).containsExactly("POST"));
        }
    }
}
