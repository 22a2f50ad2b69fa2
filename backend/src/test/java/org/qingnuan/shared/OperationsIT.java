package org.qingnuan.shared;

import org.junit.jupiter.api.Test;
import org.qingnuan.shared.web.TraceIdFilter;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators rely on (issue 20): Prometheus on the management port, the probes, the jobs' pool. */
class OperationsIT extends IntegrationTest {

    @LocalManagementPort
    int managementPort;
    @Autowired
    HealthEndpointGroups groups;
    @Autowired
    ThreadPoolTaskScheduler scheduler;

    @Test
    void prometheusCountsTheProductsOwnStepsAfterTheyHappen() throws Exception {
        String before = scrape();
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oOps");
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("家里米和油都吃完了，请帮忙买一些")));
        assertThat(api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of()).status()).isEqualTo(200);

        String after = scrape();
        assertThat(value(after, "qn_ticket_steps_total", "action=\"SUBMIT\"") - value(before, "qn_ticket_steps_total", "action=\"SUBMIT\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "qn_ticket_steps_total", "action=\"ACCEPT\"") - value(before, "qn_ticket_steps_total", "action=\"ACCEPT\""))
                .isGreaterThanOrEqualTo(1);
        // every product series exists from the start or after its first event; the platform's are there too
        assertThat(after).contains("qn_ticket_claims_total{", "qn_alert_crisis_total",
                "qn_redis_up{", "jvm_memory_used_bytes", "hikaricp_connections_active",
                "http_server_requests_seconds_count");
        assertThat(value(after, "qn_redis_up", "application=\"qingnuan\"")).isEqualTo(1.0);
        // the WeChat stub refuses sign-ins of this code: counted under the mini-program's API and its errcode
        api.post("/api/mini/auth/login", null, Map.of("code", "bad-code"));
        assertThat(scrape()).containsPattern("qn_wechat_errors_total\\{api=\"mini\",application=\"qingnuan\",code=\"40029\"}");
    }

    @Test
    void prometheusAndTheActuatorAreNotOnThePublicPort() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(404);
        // load balancers still probe the public port
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void livezFollowsTheLivenessStateAndStaysOutOfTheRequestTimers() throws Exception {
        Api.Response up = api.get("/livez", null);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body().get("status").asText()).isEqualTo("UP");
        AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        try {
            Api.Response down = api.get("/livez", null);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
        } finally {
            AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
        }
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        // probes every few seconds from each balancer would only blur the traffic the dashboard shows
        assertThat(scrape()).doesNotContain("uri=\"/livez\"");
    }

    @Test
    void readinessNeedsTheDatabaseAndRedisLivenessNeitherOfThem() throws Exception {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("redis")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).isFalse();
        assertThat(groups.get("liveness").isMember("redis")).isFalse();
        HttpResponse<String> ready = management("/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
    }

    @Test
    void theManagementPortGivesItsRequestsATraceIdToo() throws Exception {
        // its own web server runs only its own filters; the trace id is what ties a logged line to a request
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness"))
                .header("X-Request-Id", "scrape-0123456789").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Trace-Id")).contains("scrape-0123456789");
        assertThat(management("/actuator/prometheus").headers().firstValue("X-Trace-Id")).get().asString().matches("[0-9a-f]{16}");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theManagementServersOwnBeansStayOutOfTheMainContext() {
        // scanned into the main context as well, it registered a second trace filter on every public request
        assertThat(context.getBeanNamesForType(org.qingnuan.shared.web.ManagementTraceIds.class)).isEmpty();
        assertThat(context.getBeanNamesForType(TraceIdFilter.class)).hasSize(1);
        assertThat(context.getBeansOfType(org.springframework.boot.web.servlet.FilterRegistrationBean.class).values())
                .noneMatch(registration -> registration.getFilter() instanceof TraceIdFilter);
    }

    @Test
    void theSecurityChainIsNotWrappedInTheHandlerIntrospectorsCacheFilter() {
        // the wrapper looked every request's handler up once more (issue 19, decision 317); the chains stay as they were
        Object chain = context.getBean("springSecurityFilterChain");
        assertThat(chain).isInstanceOf(org.springframework.security.web.FilterChainProxy.class);
        assertThat(((org.springframework.security.web.FilterChainProxy) chain).getFilterChains()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void noChainRunsTheFiltersOfSessionsAnonymousUsersOrTheServletApiWrapper() throws Exception {
        // bearer tokens, no HTTP session (decision 320): those filters were work on every request, trivial ones included
        // (a chain without filters is a path Spring Security ignores altogether: the liveness probe)
        var chains = ((org.springframework.security.web.FilterChainProxy) context.getBean("springSecurityFilterChain"))
                .getFilterChains().stream().filter(c -> !c.getFilters().isEmpty()).toList();
        assertThat(chains).hasSizeGreaterThanOrEqualTo(3);
        for (var chain : chains) {
            assertThat(chain.getFilters()).extracting(f -> f.getClass().getSimpleName())
                    .contains("SecurityContextHolderFilter", "HeaderWriterFilter", "ExceptionTranslationFilter", "AuthorizationFilter")
                    .doesNotContain("AnonymousAuthenticationFilter", "SessionManagementFilter", "DisableEncodeUrlFilter",
                            "SecurityContextHolderAwareRequestFilter", "CsrfFilter", "LogoutFilter", "RequestCacheAwareFilter");
        }
        // what the anonymous user was for is still answered: no token, the API's JSON 401; a public page, no sign-in
        HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/mini/me")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains("\"code\"").contains("traceId");
        assertThat(noToken.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> open = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/mini/subscriptions/templates")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aCrossOriginCallToTheStaffApiGetsNoCorsHeadersButTheApisJsonAnswer() throws Exception {
        // no chain configures CORS (decision 317): the admin web is served from the API's own origin
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/orgs/types"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(401);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(preflight.body()).contains("\"code\":\"UNAUTHENTICATED\"").contains("traceId");
    }

    @Test
    void scheduledJobsRunOnAPoolSizedByConfiguration() {
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).isEqualTo(4);
        assertThat(scheduler.getThreadNamePrefix()).isEqualTo("qn-job-");
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = management("/actuator/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> management(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}; 0 when absent. */
    private static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
