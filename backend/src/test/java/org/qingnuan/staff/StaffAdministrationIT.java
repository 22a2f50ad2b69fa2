package org.qingnuan.staff;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.audit.AuditLog;
import org.qingnuan.audit.internal.AuditLogMapper;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static com.baomidou.mybatisplus.core.toolkit.Wrappers.lambdaQuery;
import static org.assertj.core.api.Assertions.assertThat;

class StaffAdministrationIT extends IntegrationTest {

    @Autowired
    AuditLogMapper auditLogs;

    OrgUnit city;
    OrgUnit district;
    StaffAccount orgAdmin;
    String adminToken;

    @BeforeEach
    void cityWithAdmin() {
        city = fixtures.city("账号管理测试市团委");
        district = fixtures.child(city, "测试区团委" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        orgAdmin = fixtures.staff(city, StaffRole.ORG_ADMIN);
        adminToken = api.login(orgAdmin.getUsername(), Fixtures.PASSWORD);
    }

    @Test
    void shouldCreateEditDisableAndEnableAnAccountAndLogEachChange() {
        String username = "dispatcher" + Fixtures.unique();
        Response created = api.post("/api/admin/staff", adminToken, Map.of("orgId", district.getId(),
                "username", username, "displayName", "李派单", "password", "initial-pass-1", "roles", List.of("DISPATCHER")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/" + created.body().get("id")));
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("orgName").asText()).isEqualTo(district.getName());
        assertThat(created.body().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.raw()).doesNotContain("initial-pass-1").doesNotContain("passwordHash");

        Response edited = api.put("/api/admin/staff/" + id, adminToken,
                Map.of("displayName", "李派单员", "roles", List.of("DISPATCHER", "VIEWER"), "version", 0));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("roles")).hasSize(2);
        assertThat(edited.body().get("version").asInt()).isEqualTo(1);

        assertThat(api.post("/api/admin/staff/" + id + "/disable", adminToken, "").body().get("enabled").asBoolean()).isFalse();
        assertThat(api.post("/api/admin/staff/" + id + "/enable", adminToken, "").body().get("enabled").asBoolean()).isTrue();

        List<String> actions = auditLogs.selectList(lambdaQuery(AuditLog.class)
                        .eq(AuditLog::getTargetType, "STAFF").eq(AuditLog::getTargetId, id).orderByAsc(AuditLog::getId))
                .stream().map(AuditLog::getAction).toList();
        assertThat(actions).containsExactly("STAFF_CREATED", "STAFF_UPDATED", "STAFF_DISABLED", "STAFF_ENABLED");
        AuditLog update = auditLogs.selectOne(lambdaQuery(AuditLog.class)
                .eq(AuditLog::getTargetId, id).eq(AuditLog::getAction, "STAFF_UPDATED"));
        assertThat(update.getActorStaffId()).isEqualTo(orgAdmin.getId());
        assertThat(update.getOrgId()).isEqualTo(district.getId());
        assertThat(update.getDetail()).contains("李派单员").contains("DISPATCHER,VIEWER");
        assertThat(update.getTraceId()).isNotBlank();

        Response log = api.get("/api/admin/audit-logs?targetType=STAFF&targetId=" + id, adminToken);
        assertThat(log.body().get("total").asLong()).isEqualTo(4);
        // each row names its action and object in Chinese; the filter offers every action by name
        JsonNode row = log.body().get("items").get(0);
        assertThat(row.get("actionLabel").asText()).isEqualTo(org.qingnuan.audit.AuditLabels.action(row.get("action").asText()))
                .doesNotContain("_");
        assertThat(row.get("targetTypeLabel").asText()).isEqualTo("账号");
        JsonNode labels = api.get("/api/admin/audit-logs/labels", adminToken).body();
        assertThat(labels.get("actions").findValuesAsText("label")).contains("新建账号", "修改账号");
        // by date: today has the four rows, the day before none; a reversed range is a field error
        String today = java.time.LocalDate.now(clock).toString();
        String yesterday = java.time.LocalDate.now(clock).minusDays(1).toString();
        assertThat(api.get("/api/admin/audit-logs?targetType=STAFF&targetId=" + id + "&from=" + today + "&to=" + today, adminToken)
                .body().get("total").asLong()).isEqualTo(4);
        assertThat(api.get("/api/admin/audit-logs?targetType=STAFF&targetId=" + id + "&to=" + yesterday, adminToken)
                .body().get("total").asLong()).isZero();
        assertThat(api.get("/api/admin/audit-logs?from=" + today + "&to=" + yesterday, adminToken).fieldError("to")).isNotBlank();
    }

    @Test
    void shouldRefuseAStaleEditWith409() {
        StaffAccount viewer = fixtures.staff(city, StaffRole.VIEWER);
        int version = viewer.getVersion();
        assertThat(api.put("/api/admin/staff/" + viewer.getId(), adminToken,
                Map.of("displayName", "第一次修改", "roles", List.of("VIEWER"), "version", version)).status()).isEqualTo(200);

        Response stale = api.put("/api/admin/staff/" + viewer.getId(), adminToken,
                Map.of("displayName", "过期的修改", "roles", List.of("VIEWER"), "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(fixtures.reload(viewer).getDisplayName()).isEqualTo("第一次修改");
    }

    @Test
    void shouldRefuseATakenUsernameWith409() {
        Response taken = api.post("/api/admin/staff", adminToken, Map.of("orgId", city.getId(),
                "username", orgAdmin.getUsername(), "displayName", "重名", "password", "initial-pass-1", "roles", List.of("VIEWER")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("USERNAME_TAKEN");
        assertThat(taken.fieldError("username")).isNotBlank();
    }

    @Test
    void shouldLetOnlySuperAdminsGrantOrManageSuperAdmins() {
        long before = fixtures.countStaff();
        Response grant = api.post("/api/admin/staff", adminToken, Map.of("orgId", city.getId(),
                "username", "super" + Fixtures.unique(), "displayName", "越级", "password", "initial-pass-1", "roles", List.of("SUPER_ADMIN")));
        assertThat(grant.status()).isEqualTo(403);
        assertThat(grant.code()).isEqualTo("ROLE_NOT_GRANTABLE");
        assertThat(fixtures.countStaff()).isEqualTo(before);

        StaffAccount citySuper = fixtures.staff(city, StaffRole.SUPER_ADMIN);
        assertThat(api.post("/api/admin/staff/" + citySuper.getId() + "/disable", adminToken, "").code()).isEqualTo("ROLE_NOT_GRANTABLE");
        assertThat(fixtures.reload(citySuper).getEnabled()).isTrue();

        String superToken = api.login(citySuper.getUsername(), Fixtures.PASSWORD);
        assertThat(api.post("/api/admin/staff", superToken, Map.of("orgId", district.getId(),
                "username", "super" + Fixtures.unique(), "displayName", "区超级管理员", "password", "initial-pass-1",
                "roles", List.of("SUPER_ADMIN"))).status()).isEqualTo(201);
    }

    @Test
    void shouldKeepDispatchersAndViewersToReading() {
        String viewerToken = api.login(fixtures.staff(city, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        String dispatcherToken = api.login(fixtures.staff(city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);

        assertThat(api.get("/api/admin/staff", viewerToken).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/orgs/tree", dispatcherToken).status()).isEqualTo(200);
        for (String token : List.of(viewerToken, dispatcherToken)) {
            Response create = api.post("/api/admin/orgs", token, Map.of("parentId", city.getId(),
                    "name", "不该建成" + Fixtures.unique(), "type", "DISTRICT_LEAGUE"));
            assertThat(create.status()).isEqualTo(403);
            assertThat(create.code()).isEqualTo("FORBIDDEN");
            assertThat(api.post("/api/admin/staff/" + orgAdmin.getId() + "/disable", token, "").status()).isEqualTo(403);
            assertThat(api.get("/api/admin/audit-logs", token).status()).isEqualTo(403);
        }
    }

    @Test
    void shouldNotLetAnAdministratorDisableThemselvesOrChangeTheirOwnRoles() {
        assertThat(api.post("/api/admin/staff/" + orgAdmin.getId() + "/disable", adminToken, "").code())
                .isEqualTo("CANNOT_CHANGE_SELF");
        assertThat(api.put("/api/admin/staff/" + orgAdmin.getId(), adminToken,
                Map.of("displayName", "我自己", "roles", List.of("VIEWER"), "version", 0)).code()).isEqualTo("CANNOT_CHANGE_SELF");
        assertThat(fixtures.reload(orgAdmin).roleSet()).containsExactly(StaffRole.ORG_ADMIN);
    }

    @Test
    void shouldFilterTheListByOrgRoleStateAndKeyword() {
        fixtures.staff(district, StaffRole.VIEWER);
        StaffAccount disabled = fixtures.staff(district, StaffRole.DISPATCHER);
        api.post("/api/admin/staff/" + disabled.getId() + "/disable", adminToken, "");

        assertThat(total("/api/admin/staff")).isEqualTo(3);
        assertThat(total("/api/admin/staff?orgId=" + city.getId() + "&includeSubOrgs=false")).isEqualTo(1);
        assertThat(total("/api/admin/staff?orgId=" + district.getId())).isEqualTo(2);
        assertThat(total("/api/admin/staff?role=VIEWER")).isEqualTo(1);
        assertThat(total("/api/admin/staff?enabled=false")).isEqualTo(1);
        assertThat(total("/api/admin/staff?keyword=" + disabled.getUsername())).isEqualTo(1);
        Response page = api.get("/api/admin/staff?page=2&size=2", adminToken);
        assertThat(page.body().get("items")).hasSize(1);
        assertThat(page.body().get("page").asInt()).isEqualTo(2);
    }

    @Test
    void shouldCreateOrgsOnlyWhereTheirTypeBelongs() {
        Response cityUnderCity = api.post("/api/admin/orgs", adminToken, Map.of("parentId", city.getId(),
                "name", "错挂的市团委" + Fixtures.unique(), "type", "CITY_LEAGUE"));
        assertThat(cityUnderCity.status()).isEqualTo(400);
        assertThat(cityUnderCity.code()).isEqualTo("ORG_TYPE_NOT_ALLOWED");

        Response hospital = api.post("/api/admin/orgs", adminToken, Map.of("parentId", city.getId(),
                "name", "市人民医院团委" + Fixtures.unique(), "type", "HOSPITAL_LEAGUE", "region", "测试市"));
        assertThat(hospital.status()).isEqualTo(201);
        assertThat(hospital.body().get("path").asText()).isEqualTo(city.getPath() + hospital.body().get("id").asText() + "/");

        Response duplicate = api.post("/api/admin/orgs", adminToken, Map.of("parentId", city.getId(),
                "name", hospital.body().get("name").asText(), "type", "HOSPITAL_LEAGUE"));
        assertThat(duplicate.code()).isEqualTo("ORG_NAME_TAKEN");
    }

    private long total(String path) {
        Response r = api.get(path, adminToken);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.body().get("total").asLong();
    }
}
