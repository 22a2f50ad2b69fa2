package org.qingnuan.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

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
        LiteralPrefixHandlerMapping.Index index =
                new LiteralPrefixHandlerMapping.Index(java.util.List.of(claim, tasks, tickets, wildcard, anything, admin));

        assertThat(index.candidates("/api/mini/volunteer/tasks/42/claim")).containsExactlyInAnyOrder(anything, claim, tasks);
        assertThat(index.candidates("/api/mini/tickets/7")).containsExactlyInAnyOrder(anything, tickets);
        assertThat(index.candidates("/api/mini/tickets")).containsExactlyInAnyOrder(anything, tickets);
        assertThat(index.candidates("/api/abc/1")).containsExactlyInAnyOrder(anything, wildcard);
        // "/api/a" of "/api/a?c/{x}" is a literal beginning of this path too: Spring tests that one
        assertThat(index.candidates("/api/admin/orgs/3")).containsExactlyInAnyOrder(anything, wildcard);
        assertThat(index.candidates("/elsewhere")).containsExactly(anything);
    }
}
