package org.qingnuan.volunteer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 手拉手: suggestions, one-to-one pairing, the partner's view and check-ins, asking help for the family, coverage. */
class PairingIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void staffPairTheSuitableNearestPartnerWhoThenCaresForTheFamily() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        jdbc.update("UPDATE family SET latitude = 30.583000, longitude = 114.285000 WHERE id = ?", family.familyId);
        jdbc.update("INSERT INTO family_member (family_id, org_id, relation, age_band, school_child, created_at, updated_at)"
                + " SELECT id, org_id, 'CHILD', 'PRIMARY', 1, NOW(), NOW() FROM family WHERE id = ?", family.familyId);
        DutyReadyVolunteers ready = new DutyReadyVolunteers(jdbc, sessions, cipher);
        DutyReadyVolunteers.Ready far = ready.create(family.district, 30.650000, 114.350000);
        DutyReadyVolunteers.Ready near = ready.create(family.district, 30.590000, 114.290000);
        DutyReadyVolunteers.Ready shopperOnly = ready.create(family.district, 30.584000, 114.286000);
        jdbc.update("UPDATE volunteer SET skills = 'SHOPPING' WHERE id = ?", shopperOnly.volunteerId());
        String staff = family.dispatcherToken;

        JsonNode suggestions = api.get("/api/admin/families/" + family.familyId + "/pairing-suggestions", staff).body();
        assertThat(suggestions.get(0).get("volunteerId").asLong()).as("suitable and nearest first").isEqualTo(near.volunteerId());
        assertThat(suggestions.get(0).get("meets").toString()).contains("课业辅导");
        assertThat(suggestions.findValuesAsText("volunteerId")).contains(String.valueOf(far.volunteerId()))
                .doesNotContain(String.valueOf(shopperOnly.volunteerId()));

        String otherCity = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.get("/api/admin/families/" + family.familyId + "/pairing-suggestions", otherCity).status()).isEqualTo(404);

        Response paired = api.post("/api/admin/pairings", staff,
                Map.of("familyId", family.familyId, "volunteerId", near.volunteerId(), "partnerKind", "CADRE"));
        assertThat(paired.status()).as(paired.raw()).isEqualTo(201);
        long pairingId = paired.body().get("id").asLong();
        assertThat(api.post("/api/admin/pairings", staff,
                Map.of("familyId", family.familyId, "volunteerId", far.volunteerId(), "partnerKind", "VOLUNTEER")).code())
                .isEqualTo("FAMILY_ALREADY_PAIRED");
        FamilyOnMiniProgram second = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        assertThat(api.post("/api/admin/pairings", second.dispatcherToken,
                Map.of("familyId", second.familyId, "volunteerId", near.volunteerId(), "partnerKind", "VOLUNTEER")).status())
                .as("the partner is in the first city: not found from the second").isEqualTo(404);

        JsonNode mine = api.get("/api/mini/pairings", near.token()).body().get(0);
        assertThat(mine.get("address").asText()).isEqualTo(family.homeAddress);
        assertThat(mine.get("members").get(0).get("needs").toString()).contains("在校学生");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_access WHERE subject_type = 'FAMILY'"
                + " AND subject_id = ? AND accessor_type = 'VOLUNTEER'", Long.class, family.familyId)).isEqualTo(1);

        Response checkIn = api.post("/api/mini/pairings/" + pairingId + "/check-ins", near.token(),
                Map.of("method", "VIDEO", "note", "孩子作业写完了，情绪不错"));
        assertThat(checkIn.status()).as(checkIn.raw()).isEqualTo(201);
        assertThat(api.post("/api/mini/pairings/" + pairingId + "/check-ins", far.token(), Map.of("method", "PHONE")).status())
                .isEqualTo(404);
        JsonNode listed = api.get("/api/admin/pairings?active=true", staff).body().get(0);
        assertThat(listed.get("checkIns").asLong()).isEqualTo(1);
        assertThat(listed.get("partnerKind").asText()).isEqualTo("CADRE");

        Response asked = api.post("/api/mini/tickets", near.token(), family.request("孩子的网课平板坏了，需要帮忙送修"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        assertThat(asked.body().get("history").get(0).get("actor").asText()).isEqualTo("结对帮扶人");

        JsonNode coverage = api.get("/api/admin/pairings/coverage", staff).body();
        JsonNode row = null;
        for (JsonNode r : coverage) {
            if (r.get("orgId").asLong() == family.district.getId()) {
                row = r;
            }
        }
        assertThat(row).as(coverage.toString()).isNotNull();
        assertThat(row.get("families").asLong()).isEqualTo(1);
        assertThat(row.get("paired").asLong()).isEqualTo(1);
        assertThat(row.get("share").decimalValue()).isEqualByComparingTo("100.0");

        assertThat(api.post("/api/admin/pairings/" + pairingId + "/end", staff, Map.of()).fieldError("reason")).isNotBlank();
        api.post("/api/admin/pairings/" + pairingId + "/end", staff, Map.of("reason", "医护人员已返岗，家庭不再需要"));
        assertThat(api.get("/api/mini/pairings", near.token()).body()).isEmpty();
        assertThat(api.post("/api/mini/tickets", near.token(), family.request("再请帮忙买些水果"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).code()).isEqualTo("NOT_YOUR_FAMILY");
        assertThat(api.post("/api/admin/pairings", staff, Map.of("familyId", family.familyId, "volunteerId", far.volunteerId(),
                "partnerKind", "VOLUNTEER")).status()).as("the family may be paired again").isEqualTo(201);
    }
}
