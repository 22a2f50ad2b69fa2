package org.qingnuan.shared.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-filter only rules out what Spring would not match: both mappings answer every request alike. */
class PrefilteredRequestMappingsTest {

    @RestController
    @RequestMapping("/api/mp/volunteer")
    static class Board {
        @GetMapping("/tasks/nearby")
        String nearby() {
            return "nearby";
        }

        @GetMapping("/tasks/{id}")
        String task(@PathVariable long id) {
            return "task";
        }

        @PostMapping("/tasks/{id}/claim")
        String claim(@PathVariable long id) {
            return "claim";
        }

        @PostMapping("/tasks/{id}/release")
        String release(@PathVariable long id) {
            return "release";
        }

        @PutMapping("/profile/{part}")
        String profile(@PathVariable String part) {
            return "profile";
        }

        @DeleteMapping("/tasks/{id}")
        String drop(@PathVariable long id) {
            return "drop";
        }

        @RequestMapping("/any/{x}/**")
        String any() {
            return "any";
        }
    }

    @RestController
    static class Files {
        @GetMapping("/files/*.pdf")
        String pdf() {
            return "pdf";
        }

        @GetMapping({"/a/{x}", "/b/{x}"})
        String twoPatterns() {
            return "two";
        }
    }

    private final RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
    private final RequestMappingHandlerMapping prefiltered = mapping(new PrefilteredRequestMappings());

    @ParameterizedTest
    @CsvSource({
            "POST, /api/mp/volunteer/tasks/12/claim",
            "POST, /api/mp/volunteer/tasks/12/release",
            "GET, /api/mp/volunteer/tasks/12",
            "GET, /api/mp/volunteer/tasks/nearby",
            "HEAD, /api/mp/volunteer/tasks/12",
            "OPTIONS, /api/mp/volunteer/tasks/12/claim",
            "DELETE, /api/mp/volunteer/tasks/12",
            "PUT, /api/mp/volunteer/profile/skills",
            "PATCH, /api/mp/volunteer/any/1/2/3",
            "GET, /api/mp/volunteer/any/1",
            "GET, /api/mp/volunteer/tasks/12/claim",
            "POST, /api/mp/volunteer/tasks/12",
            "GET, /api/mp/volunteer/tasks/1%32/claim",
            "POST, /api/mp/volunteer/tasks/1%32/claim",
            "POST, /api/mp/volunteer/%74asks/12/claim",
            "POST, /api/mp/volunteer/tasks;v=1/12/claim",
            "POST, /api/mp/volunteer/tasks/12/claim/",
            "GET, /api/mp/volunteer/",
            "GET, /files/x.pdf",
            "GET, /files/x.txt",
            "GET, /b/7",
            "GET, /c/7",
            "GET, /",
    })
    void answersEveryRequestAsSpringDoes(String method, String path) {
        assertThat(outcome(prefiltered, method, path)).isEqualTo(outcome(spring, method, path));
    }

    @Test
    void aPreflightIsMatchedOnTheMethodItAnnounces() {
        MockHttpServletRequest preflight = request("OPTIONS", "/api/mp/volunteer/tasks/12/claim");
        preflight.addHeader("Origin", "https://admin.example.org");
        preflight.addHeader("Access-Control-Request-Method", "POST");
        assertThat(handle(prefiltered, preflight)).isEqualTo(handle(spring, request(preflight)));
    }

    @Test
    void theLiteralPrefixEndsAtTheFirstVariableOrWildcard() {
        assertThat(PrefilteredRequestMappings.Shape.literalPrefix("/api/mp/tasks/{id}/claim")).isEqualTo("/api/mp/tasks/");
        assertThat(PrefilteredRequestMappings.Shape.literalPrefix("/files/*.pdf")).isEqualTo("/files/");
        assertThat(PrefilteredRequestMappings.Shape.literalPrefix("/api/mp/tickets")).isEqualTo("/api/mp/tickets");
        assertThat(PrefilteredRequestMappings.lookupOf("/api/mp/%74asks", "GET")).as("encoded: left to Spring").isNull();
        assertThat(PrefilteredRequestMappings.lookupOf("/api/mp/tasks;a=1", "GET")).as("path parameter: left to Spring").isNull();
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("board", Board.class);
        context.registerSingleton("files", Files.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
        return handle(mapping, request(method, path));
    }

    private static String handle(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return chain.getHandler() instanceof HandlerMethod m ? m.getMethod().getName() : chain.getHandler().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    private static MockHttpServletRequest request(MockHttpServletRequest like) {
        MockHttpServletRequest copy = request(like.getMethod(), like.getRequestURI());
        java.util.Collections.list(like.getHeaderNames()).forEach(h -> copy.addHeader(h, like.getHeader(h)));
        return copy;
    }
}
