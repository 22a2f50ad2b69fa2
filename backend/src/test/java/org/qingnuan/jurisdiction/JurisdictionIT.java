package org.qingnuan.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffAccount;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sibling cities under one province: staff of one city never see or change the other's rows,
 * whatever ids they send; the province sees both.
 */
class JurisdictionIT extends IntegrationTest {

    OrgUnit guangzhou;
    OrgUnit tianhe;
    OrgUnit shenzhen;
    StaffAccount gzAdmin;
    StaffAccount gzDistrictViewer;
    StaffAccount szAdmin;
    StaffAccount szDispatcher;
    StaffAccount provinceAdmin;
    String gzToken;
    String szToken;
    String provinceToken;

    @BeforeEach
    void twoSiblingCities() {
        guangzhou = fixtures.city("广州市团委");
        tianhe = fixtures.child(guangzhou, "天河区团委" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        fixtures.child(guangzhou, "越秀区团委" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        shenzhen = fixtures.city("深圳市团委");
        fixtures.child(shenzhen, "福田区团委" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);

        gzAdmin = fixtures.staff(guangzhou, StaffRole.ORG_ADMIN);
        fixtures.staff(guangzhou, StaffRole.DISPATCHER);
        gzDistrictViewer = fixtures.staff(tianhe, StaffRole.VIEWER);
        szAdmin = fixtures.staff(shenzhen, StaffRole.ORG_ADMIN);
        szDispatcher = fixtures.staff(shenzhen, StaffRole.DISPATCHER);
        provinceAdmin = fixtures.staff(fixtures.province(), StaffRole.SUPER_ADMIN);

        gzToken = api.login(gzAdmin.getUsername(), Fixtures.PASSWORD);
        szToken = api.login(szAdmin.getUsername(), Fixtures.PASSWORD);
        provinceToken = api.login(provinceAdmin.getUsername(), Fixtures.PASSWORD);
    }

    @Test
    void shouldListExactlyTheStaffOfOwnSubtree() {
        Response gz = api.get("/api/admin/staff?size=200", gzToken);
        assertThat(gz.body().get("total").asLong()).isEqualTo(3);
        assertThat(orgIdsOf(gz.body().get("items"))).containsOnly(guangzhou.getId(), tianhe.getId());

        Response sz = api.get("/api/admin/staff?size=200", szToken);
        assertThat(sz.body().get("total").asLong()).isEqualTo(2);
        assertThat(orgIdsOf(sz.body().get("items"))).containsOnly(shenzhen.getId());

        Response province = api.get("/api/admin/staff?orgId=" + guangzhou.getId(), provinceToken);
        assertThat(province.body().get("total").asLong()).isEqualTo(3);
        Response provinceSz = api.get("/api/admin/staff?orgId=" + shenzhen.getId(), provinceToken);
        assertThat(provinceSz.body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void shouldShowOnlyOwnSubtreeInTheOrgTreeAndList() {
        JsonNode tree = api.get("/api/admin/orgs/tree", gzToken).body();
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).get("id").asLong()).isEqualTo(guangzhou.getId());
        assertThat(tree.get(0).get("children")).hasSize(2);

        Response list = api.get("/api/admin/orgs?size=200", gzToken);
        assertThat(list.body().get("total").asLong()).isEqualTo(3);

        Response districtView = api.get("/api/admin/orgs?size=200", api.login(gzDistrictViewer.getUsername(), Fixtures.PASSWORD));
        assertThat(districtView.body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void shouldAnswer404ForTheSiblingsRowsById() {
        assertThat(api.get("/api/admin/staff/" + szDispatcher.getId(), gzToken).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/staff/" + szDispatcher.getId(), gzToken).code()).isEqualTo("STAFF_NOT_FOUND");
        assertThat(api.get("/api/admin/orgs/" + shenzhen.getId(), gzToken).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/orgs/" + fixtures.province().getId(), gzToken).status())
                .as("the parent is outside the subtree too").isEqualTo(404);
        // the same rows are there for those entitled
        assertThat(api.get("/api/admin/staff/" + szDispatcher.getId(), szToken).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/orgs/" + shenzhen.getId(), provinceToken).status()).isEqualTo(200);
    }

    @Test
    void shouldNotChangeTheSiblingsRows() {
        StaffAccount before = fixtures.reload(szDispatcher);

        assertThat(api.put("/api/admin/staff/" + szDispatcher.getId(), gzToken,
                Map.of("displayName", "篡改", "roles", List.of("VIEWER"), "version", before.getVersion())).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/staff/" + szDispatcher.getId() + "/disable", gzToken, "").status()).isEqualTo(404);
        assertThat(api.post("/api/admin/staff/" + szDispatcher.getId() + "/password", gzToken,
                Map.of("newPassword", "hijacked-password")).status()).isEqualTo(404);
        assertThat(api.put("/api/admin/orgs/" + shenzhen.getId(), gzToken,
                Map.of("name", "篡改", "version", 0)).status()).isEqualTo(404);

        StaffAccount after = fixtures.reload(szDispatcher);
        assertThat(after.getDisplayName()).isEqualTo(before.getDisplayName());
        assertThat(after.getRoles()).isEqualTo(before.getRoles());
        assertThat(after.getEnabled()).isTrue();
        assertThat(after.getPasswordHash()).isEqualTo(before.getPasswordHash());
        assertThat(api.get("/api/admin/orgs/" + shenzhen.getId(), szToken).body().get("name").asText())
                .isEqualTo(shenzhen.getName());
    }

    @Test
    void shouldIgnoreASiblingOrgIdSmuggledIntoAQuery() {
        Response smuggled = api.get("/api/admin/staff?orgId=" + shenzhen.getId(), gzToken);
        assertThat(smuggled.status()).isEqualTo(200);
        assertThat(smuggled.body().get("total").asLong()).isZero();
        assertThat(smuggled.body().get("items")).isEmpty();

        Response orgs = api.get("/api/admin/orgs?parentId=" + shenzhen.getId(), gzToken);
        assertThat(orgs.body().get("total").asLong()).isZero();
        Response audit = api.get("/api/admin/audit-logs?targetId=" + szDispatcher.getId(), gzToken);
        assertThat(audit.body().get("total").asLong()).isZero();
    }

    @Test
    void shouldIgnoreASiblingOrgIdSmuggledIntoABody() {
        Response update = api.put("/api/admin/staff/" + gzDistrictViewer.getId(), gzToken,
                Map.of("displayName", "改名", "roles", List.of("VIEWER"), "version", fixtures.reload(gzDistrictViewer).getVersion(),
                        "orgId", shenzhen.getId()));
        assertThat(update.status()).isEqualTo(200);
        assertThat(fixtures.reload(gzDistrictViewer).getOrgId()).isEqualTo(tianhe.getId());

        long staffBefore = fixtures.countStaff();
        Response create = api.post("/api/admin/staff", gzToken, Map.of("orgId", shenzhen.getId(),
                "username", "smuggled" + Fixtures.unique(), "displayName", "越权账号", "password", "password-12345",
                "roles", List.of("DISPATCHER")));
        assertThat(create.status()).isEqualTo(404);
        assertThat(create.code()).isEqualTo("ORG_NOT_FOUND");
        assertThat(fixtures.countStaff()).isEqualTo(staffBefore);

        long orgsBefore = fixtures.countOrgs();
        Response createOrg = api.post("/api/admin/orgs", gzToken, Map.of("parentId", shenzhen.getId(),
                "name", "越权区团委", "type", "DISTRICT_LEAGUE"));
        assertThat(createOrg.status()).isEqualTo(404);
        assertThat(fixtures.countOrgs()).isEqualTo(orgsBefore);
    }

    @Test
    void shouldScopeTheChangeLog() {
        api.put("/api/admin/orgs/" + tianhe.getId(), gzToken, Map.of("name", "天河区团委改" + Fixtures.unique(), "version", 0));
        api.put("/api/admin/orgs/" + shenzhen.getId(), szToken, Map.of("name", "深圳市团委改" + Fixtures.unique(), "version", 0));

        List<Long> gzOrgs = new ArrayList<>();
        api.get("/api/admin/audit-logs?size=200", gzToken).body().get("items")
                .forEach(row -> gzOrgs.add(row.get("orgId").asLong()));
        assertThat(gzOrgs).isNotEmpty().doesNotContain(shenzhen.getId());
        assertThat(gzOrgs).contains(tianhe.getId());
    }

    private static List<Long> orgIdsOf(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("orgId").asLong()));
        return ids;
    }
}
