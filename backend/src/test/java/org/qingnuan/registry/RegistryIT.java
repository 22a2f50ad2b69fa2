package org.qingnuan.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataAccess;
import org.qingnuan.privacy.internal.PersonalDataAccessMapper;
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

import static com.baomidou.mybatisplus.core.toolkit.Wrappers.lambdaQuery;
import static org.assertj.core.api.Assertions.assertThat;

/** Hospitals, teams, workers and families through the staff API, on two sibling cities. */
class RegistryIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataAccessMapper accessLog;

    OrgUnit gz;
    OrgUnit tianhe;
    OrgUnit sz;
    OrgUnit futian;
    String provinceAdmin;
    String gzAdmin;
    String gzDispatcher;
    String gzViewer;
    String szDispatcher;
    long hospitalId;

    @BeforeEach
    void twoCities() {
        gz = fixtures.city("广州");
        tianhe = fixtures.child(gz, "天河区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        sz = fixtures.city("深圳");
        futian = fixtures.child(sz, "福田区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        provinceAdmin = api.login(fixtures.staff(fixtures.province(), StaffRole.SUPER_ADMIN).getUsername(), Fixtures.PASSWORD);
        gzAdmin = api.login(fixtures.staff(gz, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        gzDispatcher = api.login(fixtures.staff(gz, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        gzViewer = api.login(fixtures.staff(gz, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        szDispatcher = api.login(fixtures.staff(sz, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        hospitalId = api.post("/api/admin/hospitals", provinceAdmin, Map.of("name", "省人民医院" + Fixtures.unique(),
                "city", gz.getRegion(), "level", "PROVINCE_RUN", "designated", true)).body().get("id").asLong();
    }

    @Test
    void shouldGiveHospitalsToTheLeagueSeed000Names() {
        Response province = api.post("/api/admin/hospitals", provinceAdmin, Map.of("name", "附属医院" + Fixtures.unique(),
                "city", gz.getRegion(), "level", "MINISTRY_RUN"));
        assertThat(province.status()).isEqualTo(201);
        assertThat(province.body().get("orgId").asLong()).isEqualTo(fixtures.province().getId());

        Response city = api.post("/api/admin/hospitals", provinceAdmin, Map.of("name", "市第八人民医院" + Fixtures.unique(),
                "city", gz.getRegion(), "level", "CITY_RUN", "designated", true));
        assertThat(city.body().get("orgId").asLong()).isEqualTo(gz.getId());
        Response county = api.post("/api/admin/hospitals", gzAdmin, Map.of("name", "区人民医院" + Fixtures.unique(),
                "city", gz.getRegion(), "district", tianhe.getRegion(), "level", "COUNTY_RUN"));
        assertThat(county.body().get("orgId").asLong()).isEqualTo(gz.getId());

        Response overridden = api.post("/api/admin/hospitals", gzAdmin, Map.of("name", "区妇幼保健院" + Fixtures.unique(),
                "city", gz.getRegion(), "level", "COUNTY_RUN", "orgId", tianhe.getId()));
        assertThat(overridden.body().get("orgId").asLong()).isEqualTo(tianhe.getId());

        Response notMine = api.post("/api/admin/hospitals", gzAdmin, Map.of("name", "省属医院" + Fixtures.unique(),
                "city", gz.getRegion(), "level", "PROVINCE_RUN"));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.code()).isEqualTo("RESPONSIBLE_ORG_OUTSIDE_JURISDICTION");
        Response sibling = api.post("/api/admin/hospitals", gzAdmin, Map.of("name", "深圳医院" + Fixtures.unique(),
                "city", sz.getRegion(), "level", "CITY_RUN"));
        assertThat(sibling.status()).isEqualTo(403);
        Response unknownCity = api.post("/api/admin/hospitals", provinceAdmin, Map.of("name", "无主医院" + Fixtures.unique(),
                "city", "不存在市", "level", "CITY_RUN"));
        assertThat(unknownCity.status()).isEqualTo(400);
        assertThat(unknownCity.fieldError("orgId")).contains("不存在市");

        // pickers list every hospital and team: a city registers staff of province-run hospitals too
        List<Long> options = api.get("/api/admin/hospitals/options", gzDispatcher).body().findValues("id").stream()
                .map(JsonNode::asLong).toList();
        assertThat(options).contains(hospitalId, province.body().get("id").asLong());
        assertThat(api.get("/api/admin/hospitals/options", gzDispatcher).raw()).doesNotContain("orgId");

        // the city sees the hospitals it is responsible for, not the province's
        JsonNode gzList = api.get("/api/admin/hospitals?size=200", gzAdmin).body();
        List<Long> orgIds = gzList.get("items").findValues("orgId").stream().map(JsonNode::asLong).toList();
        assertThat(orgIds).isNotEmpty().allMatch(id -> id.equals(gz.getId()) || id.equals(tianhe.getId()));
    }

    @Test
    void shouldSealPersonalDataAtRestAndMaskItInLists() {
        String phone = People.mobile();
        String familyPhone = People.mobile();
        String address = People.address("广州市天河区");
        String idNumber = People.idNumber();
        Response created = api.post("/api/admin/medical-workers", gzDispatcher, worker(tianhe, phone, Map.of(
                "familyPhone", familyPhone, "homeAddress", address, "idNumber", idNumber, "notes", "母亲独居，患高血压")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM medical_worker WHERE id = ?", id);
        String stored = row.toString();
        assertThat(stored).doesNotContain(phone).doesNotContain(familyPhone).doesNotContain(address)
                .doesNotContain(idNumber).doesNotContain("高血压");
        assertThat((String) row.get("own_phone_sealed")).startsWith("t2:");
        assertThat(jdbc.queryForMap("SELECT * FROM family WHERE worker_id = ?", id).toString()).doesNotContain(address);

        JsonNode listed = api.get("/api/admin/medical-workers?orgId=" + tianhe.getId(), gzViewer).body().get("items").get(0);
        assertThat(listed.get("ownPhone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(listed.get("homeAddress").asText()).isEqualTo("广州市天河区****");
        assertThat(listed.get("hasIdNumber").asBoolean()).isTrue();
        assertThat(listed.has("idNumber")).isFalse();
        assertThat(listed.get("hasNotes").asBoolean()).isTrue();
        assertThat(listed.toString()).doesNotContain(phone).doesNotContain(familyPhone).doesNotContain(idNumber);

        // equality search on a sealed phone goes through the blind index
        assertThat(api.get("/api/admin/medical-workers?phone=" + familyPhone, gzViewer).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void shouldRevealOnlyWithAReasonToEntitledRolesAndLogEveryReveal() {
        String phone = People.mobile();
        String address = People.address(tianhe.getRegion());
        long id = api.post("/api/admin/medical-workers", gzDispatcher, worker(tianhe, phone, Map.of("homeAddress", address)))
                .body().get("id").asLong();

        Response noReason = api.post("/api/admin/medical-workers/" + id + "/reveal", gzDispatcher, Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.fieldError("reason")).isNotBlank();
        Response viewer = api.post("/api/admin/medical-workers/" + id + "/reveal", gzViewer, Map.of("reason", "想看看"));
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(accessRows(id)).isEmpty();

        Response revealed = api.post("/api/admin/medical-workers/" + id + "/reveal", gzDispatcher,
                Map.of("reason", "电话回访家属，确认买菜需求"));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().get("ownPhone").asText()).isEqualTo(phone);
        assertThat(revealed.body().get("homeAddress").asText()).isEqualTo(address);
        assertThat(revealed.body().get("family").get("address").asText()).isEqualTo(address);
        assertThat(revealed.body().get("revealed").asBoolean()).isTrue();

        List<PersonalDataAccess> rows = accessRows(id);
        assertThat(rows).hasSize(1);
        PersonalDataAccess access = rows.get(0);
        assertThat(access.getReason()).isEqualTo("电话回访家属，确认买菜需求");
        assertThat(access.getFields()).contains("OWN_PHONE").contains("HOME_ADDRESS");
        assertThat(access.getSubjectType()).isEqualTo("MEDICAL_WORKER");
        assertThat(access.getOrgId()).isEqualTo(tianhe.getId());
        assertThat(access.getStaffName()).isNotBlank();
        assertThat(access.getCreatedAt()).isNotNull();

        Response log = api.get("/api/admin/personal-data-access?subjectType=MEDICAL_WORKER&subjectId=" + id, gzAdmin);
        assertThat(log.body().get("total").asLong()).isEqualTo(1);
        assertThat(log.raw()).doesNotContain(phone);
        assertThat(api.get("/api/admin/personal-data-access?subjectId=" + id, szDispatcher).status()).isEqualTo(403);
    }

    @Test
    void shouldKeepEachCitysWorkersToItself() {
        long gzWorker = api.post("/api/admin/medical-workers", gzDispatcher, worker(tianhe, People.mobile(), Map.of()))
                .body().get("id").asLong();
        long szWorker = api.post("/api/admin/medical-workers", szDispatcher, worker(futian, People.mobile(), Map.of()))
                .body().get("id").asLong();
        api.post("/api/admin/medical-workers", szDispatcher, worker(futian, People.mobile(), Map.of()));

        assertThat(api.get("/api/admin/medical-workers", gzDispatcher).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/admin/medical-workers", szDispatcher).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/admin/medical-workers?orgId=" + futian.getId(), gzDispatcher).body().get("total").asLong()).isZero();
        assertThat(api.get("/api/admin/medical-workers/" + szWorker, gzDispatcher).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/medical-workers/" + szWorker + "/reveal", gzDispatcher,
                Map.of("reason", "越权查看")).status()).isEqualTo(404);
        assertThat(accessRows(szWorker)).isEmpty();
        Response smuggled = api.post("/api/admin/medical-workers", gzDispatcher, worker(futian, People.mobile(), Map.of()));
        assertThat(smuggled.status()).isEqualTo(404);
        assertThat(api.get("/api/admin/medical-workers/" + gzWorker, provinceAdmin).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseTheSameWorkerTwice() {
        String phone = People.mobile();
        assertThat(api.post("/api/admin/medical-workers", gzDispatcher, worker(tianhe, phone, Map.of())).status()).isEqualTo(201);
        Response again = api.post("/api/admin/medical-workers", gzDispatcher, worker(tianhe, phone, Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("WORKER_ALREADY_REGISTERED");
        // registered elsewhere does not make it visible or creatable here
        assertThat(api.post("/api/admin/medical-workers", szDispatcher, worker(futian, phone, Map.of())).code())
                .isEqualTo("WORKER_ALREADY_REGISTERED");
    }

    @Test
    void shouldKeepFamilyMembersSealedAndMasked() {
        long id = api.post("/api/admin/medical-workers", gzDispatcher, worker(tianhe, People.mobile(), Map.of()))
                .body().get("id").asLong();
        JsonNode detail = api.get("/api/admin/medical-workers/" + id, gzDispatcher).body();
        int version = detail.get("family").get("version").asInt();
        String motherPhone = People.mobile();
        String address = People.address(tianhe.getRegion());
        Response saved = api.put("/api/admin/medical-workers/" + id + "/family", gzDispatcher, Map.of(
                "address", address, "latitude", 23.135, "longitude", 113.327, "version", version,
                "members", List.of(
                        Map.of("relation", "PARENT", "ageBand", "ELDERLY", "elderlyAlone", true, "chronicIllness", true,
                                "name", "王秀英", "phone", motherPhone, "healthNote", "糖尿病，需每周取药"),
                        Map.of("relation", "CHILD", "ageBand", "PRIMARY", "schoolChild", true, "name", "李小明",
                                "schoolGrade", "三年级"))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        JsonNode members = saved.body().get("family").get("members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).get("name").asText()).isEqualTo("王*英");
        assertThat(members.get(0).get("phone").asText()).contains("****");
        assertThat(members.get(0).get("elderlyAlone").asBoolean()).isTrue();
        assertThat(members.get(0).has("healthNote")).isFalse();
        assertThat(saved.raw()).doesNotContain("糖尿病").doesNotContain("三年级").doesNotContain(motherPhone);
        assertThat(jdbc.queryForList("SELECT details_sealed FROM family_member WHERE family_id = ?", String.class,
                saved.body().get("family").get("id").asLong()).toString()).doesNotContain("王秀英").doesNotContain("糖尿病");

        JsonNode revealed = api.post("/api/admin/medical-workers/" + id + "/reveal", gzDispatcher,
                Map.of("reason", "安排志愿者代购药品")).body();
        assertThat(revealed.get("family").get("members").get(0).get("healthNote").asText()).isEqualTo("糖尿病，需每周取药");
        assertThat(revealed.get("family").get("members").get(1).get("schoolGrade").asText()).isEqualTo("三年级");
        assertThat(revealed.get("family").get("latitude").decimalValue()).isEqualByComparingTo("23.135");

        Response stale = api.put("/api/admin/medical-workers/" + id + "/family", gzDispatcher,
                Map.of("members", List.of(), "version", version));
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
    }

    @Test
    void shouldMaskTeamContactsUntilRevealed() {
        String leadPhone = People.mobile();
        Response team = api.post("/api/admin/medical-teams", gzAdmin, Map.of("name", "广州第一批援鄂医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "aidingHubei", true, "batch", 1, "status", "DEPLOYED",
                "departureDate", "2020-01-24", "hospitalIds", List.of(hospitalId),
                "contacts", List.of(Map.of("role", "LEAD", "name", "陈领队", "phone", leadPhone))));
        assertThat(team.status()).as(team.raw()).isEqualTo(201);
        assertThat(team.body().get("batchLabel").asText()).isEqualTo("第一批");
        assertThat(team.body().get("hospitals").get(0).get("id").asLong()).isEqualTo(hospitalId);
        assertThat(team.body().get("contacts").get(0).get("phone").asText()).contains("****");
        assertThat(team.raw()).doesNotContain(leadPhone);
        long teamId = team.body().get("id").asLong();

        JsonNode revealed = api.post("/api/admin/medical-teams/" + teamId + "/reveal", gzDispatcher,
                Map.of("reason", "联系领队了解物资需求")).body();
        assertThat(revealed.get("contacts").get(0).get("phone").asText()).isEqualTo(leadPhone);
        assertThat(accessLog.selectCount(lambdaQuery(PersonalDataAccess.class)
                .eq(PersonalDataAccess::getSubjectType, "MEDICAL_TEAM").eq(PersonalDataAccess::getSubjectId, teamId))).isEqualTo(1);
        assertThat(api.get("/api/admin/medical-teams/" + teamId, szDispatcher).status()).isEqualTo(404);

        Response badDates = api.post("/api/admin/medical-teams", gzAdmin, Map.of("name", "日期颠倒医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "status", "RETURNED", "departureDate", "2020-03-01", "returnDate", "2020-02-01"));
        assertThat(badDates.fieldError("returnDate")).isNotBlank();
    }

    private Map<String, Object> worker(OrgUnit org, String phone, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("hospitalId", hospitalId, "orgId", org.getId(), "name", "李医生",
                "gender", "FEMALE", "position", "护士长", "frontlineLocation", "湖北省武汉市某医院", "ownPhone", phone,
                "aidedHubei", true, "batch", 1));
        body.putAll(extra);
        return body;
    }

    private List<PersonalDataAccess> accessRows(long workerId) {
        return accessLog.selectList(lambdaQuery(PersonalDataAccess.class)
                .eq(PersonalDataAccess::getSubjectType, "MEDICAL_WORKER").eq(PersonalDataAccess::getSubjectId, workerId));
    }
}
