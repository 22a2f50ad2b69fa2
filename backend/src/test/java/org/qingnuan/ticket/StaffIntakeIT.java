package org.qingnuan.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A need taken on the 12355 hotline: find the family (masked), record it, and it is the same request the family follows. */
class StaffIntakeIT extends IntegrationTest {

    @Test
    void hotlineStaffFindTheFamilyAndRecordANeedThatTheFamilyThenFollows() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String staff = family.dispatcherToken;

        JsonNode byPhone = api.get("/api/admin/families/search?q=" + family.familyPhone, staff).body();
        assertThat(byPhone).hasSize(1);
        assertThat(byPhone.get(0).get("familyId").asLong()).isEqualTo(family.familyId);
        assertThat(byPhone.get(0).get("familyPhone").asText()).contains("****");
        assertThat(byPhone.get(0).get("workerName").asText()).isEqualTo("王*生");
        assertThat(byPhone.toString()).doesNotContain(family.homeAddress).doesNotContain(family.familyPhone);
        String otherCity = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.get("/api/admin/families/search?q=" + family.familyPhone, otherCity).body()).isEmpty();

        Map<String, Object> need = new HashMap<>(Map.of("familyId", family.familyId, "channel", "HOTLINE_12355",
                "category", "TRANSPORT", "description", "明早需要送老人去医院复查", "contactMethod", "PHONE_CALL",
                "reportedBy", "家属本人"));
        Map<String, Object> fromMiniProgram = new HashMap<>(need);
        fromMiniProgram.put("channel", "MINI_PROGRAM");
        assertThat(api.post("/api/admin/tickets/intake", staff, fromMiniProgram).fieldError("channel")).isNotBlank();
        assertThat(api.post("/api/admin/tickets/intake", otherCity, need).status()).isEqualTo(404);

        String key = UUID.randomUUID().toString();
        Response taken = api.post("/api/admin/tickets/intake", staff, need, Map.of("Idempotency-Key", key));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.body().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(taken.body().get("channel").asText()).isEqualTo("HOTLINE_12355");
        assertThat(taken.body().get("address").asText()).as("masked for staff").contains("*");
        JsonNode history = taken.body().get("history");
        assertThat(history.findValuesAsText("action")).containsExactly("SUBMIT", "ACCEPT");
        assertThat(history.get(1).get("note").asText()).isEqualTo("12355 热线受理（反映人：家属本人）");
        long id = taken.body().get("id").asLong();
        assertThat(api.post("/api/admin/tickets/intake", staff, need, Map.of("Idempotency-Key", key)).body().get("id").asLong())
                .as("a double submit is the same request").isEqualTo(id);

        JsonNode followed = api.get("/api/mini/tickets/" + id, family.token).body();
        assertThat(followed.get("address").asText()).isEqualTo(family.homeAddress);
        assertThat(followed.get("history").get(0).get("actor").asText()).startsWith("工作人员 ");

        Map<String, Object> crisis = new HashMap<>(need);
        crisis.put("category", "PSYCHOLOGICAL");
        crisis.put("urgency", "CRISIS");
        crisis.put("description", "家属情绪崩溃，反复说撑不下去了");
        Response urgent = api.post("/api/admin/tickets/intake", staff, crisis);
        assertThat(urgent.body().get("crisis").asBoolean()).isTrue();
        assertThat(api.get("/api/admin/alerts", staff).body().findValuesAsText("ticketId"))
                .contains(String.valueOf(urgent.body().get("id").asLong()));
    }

    @Test
    void theBoardFindsRequestsByNumberPhoneNameAndDate() {
        FamilyOnMiniProgram a = FamilyOnMiniProgram.register(api, fixtures, "搜索甲市", "oSearchA");
        FamilyOnMiniProgram b = FamilyOnMiniProgram.register(api, fixtures, "搜索乙市", "oSearchB");
        long ta = intake(a.dispatcherToken, a.familyId, "家里需要口罩");
        long tb = intake(b.dispatcherToken, b.familyId, "孩子需要网课辅导");
        String province = api.login(fixtures.staff(fixtures.province(), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);

        assertThat(ids(province, "q=%23" + ta)).containsExactly(ta);
        assertThat(ids(province, "q=" + tb)).containsExactly(tb);
        assertThat(ids(province, "q=" + a.familyPhone)).containsExactly(ta);
        assertThat(ids(province, "q=" + b.familyPhone)).containsExactly(tb);
        String today = java.time.LocalDateTime.now(clock).toLocalDate().toString();
        String yesterday = java.time.LocalDateTime.now(clock).toLocalDate().minusDays(1).toString();
        assertThat(ids(a.dispatcherToken, "from=" + today + "&to=" + today)).contains(ta);
        assertThat(ids(a.dispatcherToken, "to=" + yesterday)).doesNotContain(ta);
        assertThat(ids(province, "from=" + today + "&q=" + a.familyPhone)).containsExactly(ta);
        assertThat(ids(province, "to=" + yesterday + "&q=" + a.familyPhone)).isEmpty();
        assertThat(api.get("/api/admin/tickets?from=" + today + "&to=" + yesterday, province).fieldError("to"))
                .isEqualTo("结束日期不能早于开始日期");
        assertThat(api.get("/api/admin/tickets?from=yesterday", province).status()).isEqualTo(400);
        // a city's staff find nothing of another city's family, by its phone or by the request's number
        assertThat(ids(a.dispatcherToken, "q=" + b.familyPhone)).isEmpty();
        assertThat(ids(a.dispatcherToken, "q=" + tb)).isEmpty();
    }

    private long intake(String staff, long familyId, String description) {
        Response r = api.post("/api/admin/tickets/intake", staff, Map.of("familyId", familyId, "channel", "HOTLINE_12355",
                "category", "SUPPLIES", "description", description, "contactMethod", "PHONE_CALL"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private java.util.List<Long> ids(String staff, String query) {
        Response r = api.get("/api/admin/tickets?size=200&" + query, staff);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        r.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
