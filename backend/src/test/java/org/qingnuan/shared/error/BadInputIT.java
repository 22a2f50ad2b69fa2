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
