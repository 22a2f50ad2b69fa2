package org.qingnuan.shared.error;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingnuan.audit.internal.AuditLogMapper;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input of every kind gets a clean JSON 4xx, and nothing is written. */
@ExtendWith(OutputCaptureExtension.class)
class BadInputIT extends IntegrationTest {

    @Autowired
    AuditLogMapper auditLogs;
    @Autowired
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    OrgUnit city;
    String token;
    long orgs;
    long staff;
    long audits;

    @BeforeEach
    void signedInAdmin() {
        city = fixtures.city("坏输入测试市团委");
        token = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        orgs = fixtures.countOrgs();
        staff = fixtures.countStaff();
        audits = auditLogs.selectCount(null);
    }

    @Test
    void malformedJson() {
        Response r = api.post("/api/admin/orgs", token, "{\"parentId\": 1, \"name\": ");
        assertCleanError(r, 400, "MALFORMED_JSON");
        assertCleanError(api.post("/api/admin/orgs", token, ""), 400, "MALFORMED_JSON");
        assertCleanError(api.post("/api/admin/orgs", token, "[1,2,3]"), 400, null);
        assertNothingWritten();
    }

    @Test
    void wrongTypes() {
        Response r = api.post("/api/admin/orgs", token, Map.of("parentId", "abc", "name", "某区团委", "type", "DISTRICT_LEAGUE"));
        assertCleanError(r, 400, "VALIDATION_FAILED");
        assertThat(r.fieldError("parentId")).isEqualTo("应为数字");

        Response roles = api.post("/api/admin/staff", token, Map.of("orgId", city.getId(), "username", "typed" + Fixtures.unique(),
                "displayName", "类型", "password", "password-12345", "roles", "DISPATCHER"));
        assertCleanError(roles, 400, "VALIDATION_FAILED");

        assertCleanError(api.get("/api/admin/staff/abc", token), 400, "VALIDATION_FAILED");
        assertThat(api.get("/api/admin/staff/abc", token).fieldError("id")).isEqualTo("应为数字");
        Response page = api.get("/api/admin/staff?page=abc", token);
        assertCleanError(page, 400, "VALIDATION_FAILED");
        assertThat(page.fieldError("page")).isEqualTo("应为数字");
        Response size = api.get("/api/admin/staff?size=0&page=0", token);
        assertThat(size.fieldError("size")).isEqualTo("每页至少 1 条");
        assertThat(size.fieldError("page")).isEqualTo("页码从 1 开始");
        assertNothingWritten();
    }

    @Test
    void unknownEnumValue() {
        Response r = api.post("/api/admin/orgs", token, Map.of("parentId", city.getId(), "name", "某区团委", "type", "KINDERGARTEN"));
        assertCleanError(r, 400, "VALIDATION_FAILED");
        // people read it: the choices by their labels, not the codes
        assertThat(r.fieldError("type")).contains("区县团委").doesNotContain("DISTRICT_LEAGUE").startsWith("取值无效");

        Response role = api.post("/api/admin/staff", token, Map.of("orgId", city.getId(), "username", "enum" + Fixtures.unique(),
                "displayName", "枚举", "password", "password-12345", "roles", List.of("GOD")));
        assertThat(role.fieldError("roles[0]")).contains("派单员").doesNotContain("DISPATCHER");
        assertCleanError(api.get("/api/admin/staff?role=GOD", token), 400, "VALIDATION_FAILED");
        assertNothingWritten();
    }

    @Test
    void oversizedStrings() {
        Response r = api.post("/api/admin/orgs", token, Map.of("parentId", city.getId(), "name", "长".repeat(65), "type", "DISTRICT_LEAGUE"));
        assertCleanError(r, 400, "VALIDATION_FAILED");
        assertThat(r.fieldError("name")).contains("64");
        Response password = api.post("/api/admin/staff", token, Map.of("orgId", city.getId(), "username", "long" + Fixtures.unique(),
                "displayName", "长密码", "password", "p".repeat(100), "roles", List.of("VIEWER")));
        assertThat(password.fieldError("password")).isNotBlank();
        assertNothingWritten();
    }

    @Test
    void oversizedBodyByContentLengthAndWhenStreamed() {
        String big = "{\"parentId\":1,\"name\":\"" + "x".repeat(300 * 1024) + "\",\"type\":\"DISTRICT_LEAGUE\"}";
        assertCleanError(api.post("/api/admin/orgs", token, big), 413, "PAYLOAD_TOO_LARGE");

        // no Content-Length: the body arrives chunked and is cut off while it is read
        Response chunked = api.raw("POST", "/api/admin/orgs", token, "application/json", unknownLength(big));
        assertCleanError(chunked, 413, "PAYLOAD_TOO_LARGE");
        assertNothingWritten();
    }

    @Test
    void missingFields() {
        Response r = api.post("/api/admin/staff", token, Map.of());
        assertCleanError(r, 400, "VALIDATION_FAILED");
        for (String field : List.of("orgId", "username", "displayName", "password", "roles")) {
            assertThat(r.fieldError(field)).as(field).isNotBlank();
        }
        assertThat(r.fieldError("orgId")).isEqualTo("请选择所属组织");
        assertNothingWritten();
    }

    @Test
    void sqlAndHtmlPayloadsInStrings() {
        for (String payload : List.of("x'; DROP TABLE staff_account; --", "' OR '1'='1", "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>", "天河\u0000区")) {
            Response org = api.post("/api/admin/orgs", token, Map.of("parentId", city.getId(), "name", payload, "type", "DISTRICT_LEAGUE"));
            assertCleanError(org, 400, "VALIDATION_FAILED");
            assertThat(org.fieldError("name")).as(payload).isNotBlank();
            Response user = api.post("/api/admin/staff", token, Map.of("orgId", city.getId(), "username", payload,
                    "displayName", payload, "password", "password-12345", "roles", List.of("VIEWER")));
            assertCleanError(user, 400, "VALIDATION_FAILED");
            assertThat(user.fieldError("username")).as(payload).isNotBlank();
            assertThat(user.fieldError("displayName")).as(payload).isNotBlank();
        }
        // in a search the same text is only text: nothing matches, nothing breaks
        Response search = api.get("/api/admin/staff?keyword=%27%20OR%20%271%27%3D%271", token);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().get("total").asLong()).isZero();
        assertNothingWritten();
    }

    @Test
    void aPathWithAVariableIsFoundAsSpringFindsItEscapedOrNot() {
        // LiteralPrefixHandlerMapping passes over mappings by their literal beginning; an escaped path is left to Spring
        assertThat(mappings).isInstanceOf(org.qingnuan.shared.web.LiteralPrefixHandlerMapping.class);
        String path = "/api/admin/orgs/" + city.getId();
        Response plain = api.get(path, token);
        assertThat(plain.status()).as(plain.raw()).isEqualTo(200);
        Response escaped = api.get(path.replace("/orgs/", "/%6Frgs/"), token);
        assertThat(escaped.status()).as(escaped.raw()).isEqualTo(plain.status());
        assertThat(escaped.body().get("id")).isEqualTo(plain.body().get("id"));
        assertCleanError(api.get("/api/admin/orgs/" + city.getId() + "/no-such-step", token), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodMediaTypeAndPath() {
        Response method = api.raw("DELETE", "/api/admin/orgs/" + city.getId(), token, null, HttpRequest.BodyPublishers.noBody());
        assertCleanError(method, 405, "METHOD_NOT_ALLOWED");
        assertThat(method.headers().firstValue("Allow")).isPresent();
        assertCleanError(api.raw("POST", "/api/admin/orgs", token, "text/plain",
                HttpRequest.BodyPublishers.ofString("name=x")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertCleanError(api.raw("POST", "/api/admin/orgs", token, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("name=x")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertCleanError(api.get("/api/admin/no-such-thing", token), 404, "NOT_FOUND");
        assertCleanError(api.get("/no-such-page", null), 404, "NOT_FOUND");
        assertCleanError(api.get("/api/admin/orgs/tree", null), 401, "UNAUTHENTICATED");
        assertCleanError(api.get("/api/admin/orgs/999999999", token), 404, "ORG_NOT_FOUND");
        assertNothingWritten();
    }

    @Test
    void unexpectedFailureIsA500WithTraceIdAndNoDetail(CapturedOutput output) {
        Response r = api.get("/api/admin/test-only/failure", token);
        assertCleanError(r, 500, "INTERNAL_ERROR");
        assertThat(r.raw()).doesNotContain("password_hash").doesNotContain("IllegalStateException");
        String traceId = r.body().get("traceId").asText();
        assertThat(output.getAll()).contains("[" + traceId + "]").contains("IllegalStateException");
    }

    @Test
    void traceIdOfAGatewayIsKept() {
        Response r = api.raw("GET", "/api/admin/orgs/tree", null, null, HttpRequest.BodyPublishers.noBody());
        assertThat(r.headers().firstValue("X-Trace-Id")).contains(r.body().get("traceId").asText());
    }

    @Test
    void urlsTheContainerOrTheFirewallRefuseAnswerTheJson400() throws Exception {
        // %2F, %00 and invalid UTF-8 are refused by Tomcat before any filter; ;, .. and // by Spring Security's firewall
        for (String path : List.of("/api/admin/orgs%2Ftree", "/api/admin/orgs/%00", "/api/admin/orgs/%C3%28",
                "/api/admin/orgs/%FF", "/api/..;/admin/orgs/tree", "/api/admin/orgs;x=1/tree", "/api//admin/orgs/tree",
                "/api/admin/orgs/%2e%2e/%2e%2e/x", "/api/admin/orgs/%5C", "/api/admin/orgs/%25", "/%2e%2e/%2e%2e/etc/passwd",
                "/api/mini/me/%2F", "/wx/mp/callback;a=b", "/api/admin/orgs/{x}", "/api/admin/orgs/|", "/api/admin/<x>")) {
            Response r = raw("GET", path);
            assertCleanError(r, 400, "INVALID_PATH");
        }
    }

    @Test
    void anAcceptTheEndpointCannotProduceIsA406InJson() {
        for (String accept : List.of("text/csv", "application/xml", "image/png")) {
            Response r = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.url("/api/admin/orgs/tree")))
                    .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build());
            assertCleanError(r, 406, "NOT_ACCEPTABLE");
        }
        // a failure on such a request is still JSON, with its own status
        Response missing = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.url("/api/admin/staff/999999999")))
                .header("Authorization", "Bearer " + token).header("Accept", "text/csv").GET().build());
        assertThat(missing.status()).isIn(404, 406);
        assertCleanError(missing, missing.status(), null);
    }

    @Test
    void anImportWithoutItsFileIsA400WithAFieldError() {
        Response noFile = api.raw("POST", "/api/admin/medical-workers/import", token, "multipart/form-data; boundary=qn",
                HttpRequest.BodyPublishers.ofString("--qn\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--qn--\r\n"));
        assertCleanError(noFile, 400, "VALIDATION_FAILED");
        assertThat(noFile.fieldError("file")).isNotBlank();
        Response notMultipart = api.raw("POST", "/api/admin/medical-workers/import", token, "multipart/form-data",
                HttpRequest.BodyPublishers.ofString("not a multipart body"));
        assertCleanError(notMultipart, 400, "VALIDATION_FAILED");
        assertThat(notMultipart.fieldError("file")).isNotBlank();
        assertNothingWritten();
    }

    @Test
    void errorsAnsweredByFiltersCarryTheTraceId(CapturedOutput output) {
        // the staff token filter
        Response badToken = api.get("/api/admin/orgs/tree", "not-a-token");
        assertCleanError(badToken, 401, null);
        // the size limit, before Spring Security
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        assertCleanError(api.post("/api/admin/orgs", token, big), 413, "PAYLOAD_TOO_LARGE");
        // the firewall: its log line carries the id the client got
        Response rejected = raw("GET", "/api/admin/orgs;x=1/tree");
        assertThat(output.getAll()).contains("[" + rejected.body().get("traceId").asText() + "]");
        // Tomcat's refusal: logged with the id it answered
        Response refused = raw("GET", "/api/admin/orgs%2Ftree");
        assertThat(output.getAll()).contains("[" + refused.body().get("traceId").asText() + "]");
    }

    /** GET over a plain socket: the path goes out byte for byte, as no URI class would let it. */
    private Response raw(String method, String path) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, split);
            String body = answer.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
            int status = Integer.parseInt(head.split(" ")[1]);
            JsonNode json = body.startsWith("{") ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(body) : null;
            return new Response(status, json, body, java.net.http.HttpHeaders.of(headers, (a, b) -> true));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertCleanError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("application/json"));
        JsonNode body = r.body();
        assertThat(body).as("JSON body").isNotNull();
        if (code != null) {
            assertThat(r.code()).isEqualTo(code);
        }
        assertThat(body.get("message").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(body.get("traceId").asText()).isNotBlank();
        assertThat(r.headers().firstValue("X-Trace-Id")).contains(body.get("traceId").asText());
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.springframework")
                .doesNotContain("SQL").doesNotContain("\tat ");
    }

    private void assertNothingWritten() {
        assertThat(fixtures.countOrgs()).isEqualTo(orgs);
        assertThat(fixtures.countStaff()).isEqualTo(staff);
        assertThat(auditLogs.selectCount(null)).isEqualTo(audits);
    }

    /** A body publisher that does not tell its length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher unknownLength(String body) {
        HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8));
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
    }
}
