package org.qingnuan.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input on the registry endpoints: a JSON 4xx naming the field, and nothing written. */
class RegistryBadInputIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    OrgUnit district;
    String admin;
    long hospitalId;
    long workerId;
    Map<String, Long> before;

    @BeforeEach
    void setUp() {
        OrgUnit city = fixtures.city("坏输入登记市");
        district = fixtures.child(city, "坏输入区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        hospitalId = api.post("/api/admin/hospitals", admin, Map.of("name", "坏输入医院" + Fixtures.unique(),
                "city", city.getRegion(), "level", "CITY_RUN")).body().get("id").asLong();
        workerId = api.post("/api/admin/medical-workers", admin, worker(Map.of())).body().get("id").asLong();
        before = counts();
    }

    @Test
    void shouldRefuseBadHospitals() {
        expectField(api.post("/api/admin/hospitals", admin, Map.of("name", "某医院", "city", "某市", "level", "PRIVATE")), "level");
        expectField(api.post("/api/admin/hospitals", admin, Map.of("name", "x'; DROP TABLE hospital; --", "city", "某市", "level", "CITY_RUN")), "name");
        expectField(api.post("/api/admin/hospitals", admin, Map.of("name", "某医院", "level", "CITY_RUN")), "city");
        expectField(api.post("/api/admin/hospitals", admin, Map.of("name", "某医院", "city", "某市", "level", "CITY_RUN", "orgId", "abc")), "orgId");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadWorkers() {
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("ownPhone", "12345"))), "ownPhone");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("familyPhone", "phone"))), "familyPhone");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("idNumber", "44010619900101"))), "idNumber");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("gender", "UNKNOWN"))), "gender");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("hospitalId", "one"))), "hospitalId");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("notes", "备".repeat(501)))), "notes");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("notes", "<script>alert(1)</script>"))), "notes");
        expectField(api.post("/api/admin/medical-workers", admin, worker(Map.of("batch", 0))), "batch");
        Response unknownHospital = api.post("/api/admin/medical-workers", admin, worker(Map.of("hospitalId", 99_999_999)));
        assertThat(unknownHospital.status()).isEqualTo(404);
        assertThat(unknownHospital.fieldError("hospitalId")).isNotBlank();
        Response missing = api.post("/api/admin/medical-workers", admin, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldError("ownPhone")).isNotBlank();
        assertThat(missing.fieldError("name")).isNotBlank();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadFamiliesAndReveals() {
        int version = api.get("/api/admin/medical-workers/" + workerId, admin).body().get("family").get("version").asInt();
        expectField(api.put("/api/admin/medical-workers/" + workerId + "/family", admin,
                Map.of("latitude", 123.4, "longitude", 113.3, "version", version)), "latitude");
        expectField(api.put("/api/admin/medical-workers/" + workerId + "/family", admin,
                Map.of("version", version, "members", List.of(Map.of("relation", "COUSIN", "ageBand", "ADULT")))), "members[0].relation");
        expectField(api.put("/api/admin/medical-workers/" + workerId + "/family", admin,
                Map.of("version", version, "members", List.of(Map.of("relation", "PARENT")))), "members[0].ageBand");
        expectField(api.post("/api/admin/medical-workers/" + workerId + "/reveal", admin, Map.of("reason", "x".repeat(201))), "reason");
        expectField(api.post("/api/admin/medical-workers/" + workerId + "/reveal", admin, Map.of()), "reason");
        expectField(api.post("/api/admin/medical-teams", admin, Map.of("name", "某队", "destination", "湖北", "status", "DEPLOYED",
                "contacts", List.of(Map.of("role", "LEAD", "name", "某人", "phone", "123")))), "contacts[0].phone");
        assertThat(api.get("/api/admin/medical-workers?batch=abc", admin).fieldError("batch")).isEqualTo("应为数字");
        assertThat(counts()).isEqualTo(before);
    }

    private void expectField(Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.fieldError(field)).as(field + " in " + r.raw()).isNotBlank();
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("SQL");
    }

    private Map<String, Object> worker(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("hospitalId", hospitalId, "orgId", district.getId(),
                "name", "钱医生", "gender", "MALE", "ownPhone", People.mobile(), "aidedHubei", false, "batch", 1));
        body.putAll(extra);
        return body;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("hospital", "medical_team", "team_contact", "medical_worker", "family", "family_member",
                "personal_data_access", "audit_log")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
