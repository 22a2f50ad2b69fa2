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
}
