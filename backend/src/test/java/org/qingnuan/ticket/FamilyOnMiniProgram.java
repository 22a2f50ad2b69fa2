package org.qingnuan.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.People;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered family in a fresh city, and a WeChat user signed in to the mini-program and bound
 * to it by their verified phone — the way a real family starts.
 */
public final class FamilyOnMiniProgram {

    public final OrgUnit city;
    public final OrgUnit district;
    public final String dispatcherToken;
    public final long familyId;
    public final String familyPhone;
    public final String homeAddress;
    public final String openId;
    public final String token;

    private FamilyOnMiniProgram(OrgUnit city, OrgUnit district, String dispatcherToken, long familyId, String familyPhone,
                                String homeAddress, String openId, String token) {
        this.city = city;
        this.district = district;
        this.dispatcherToken = dispatcherToken;
        this.familyId = familyId;
        this.familyPhone = familyPhone;
        this.homeAddress = homeAddress;
        this.openId = openId;
        this.token = token;
    }

    /** @param openIdPrefix the stub answers by openid: "oRefuse…" gets 43101, "oBusy…" 45011 on subscribe sends */
    public static FamilyOnMiniProgram register(Api api, Fixtures fixtures, String cityName, String openIdPrefix) {
        OrgUnit city = fixtures.city(cityName);
        OrgUnit district = fixtures.child(city, "江岸区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        String admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        String dispatcher = api.login(fixtures.staff(city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        long hospitalId = api.post("/api/admin/hospitals", admin, Map.of("name", "市第一医院" + Fixtures.unique(),
                "city", city.getRegion(), "level", "CITY_RUN")).body().get("id").asLong();
        String familyPhone = People.mobile();
        String homeAddress = People.address(district.getRegion());
        Api.Response worker = api.post("/api/admin/medical-workers", admin, Map.of("hospitalId", hospitalId,
                "orgId", district.getId(), "name", "王医生", "gender", "MALE", "ownPhone", People.mobile(),
                "familyPhone", familyPhone, "homeAddress", homeAddress, "aidedHubei", true, "batch", 1));
        assertThat(worker.status()).as(worker.raw()).isEqualTo(201);
        long familyId = worker.body().get("family").get("id").asLong();

        String openId = openIdPrefix + Fixtures.unique();
        Api.Response login = api.post("/api/mini/auth/login", null, Map.of("code", "code-" + openId));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        String token = login.body().get("token").asText();
        Api.Response bound = api.post("/api/mini/me/phone", token, Map.of("code", "phone-" + familyPhone));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        return new FamilyOnMiniProgram(city, district, dispatcher, familyId, familyPhone, homeAddress, openId, token);
    }

    /** The same WeChat user signing in again (a fresh wx.login code), e.g. after their session expired. */
    public String signInAgain(Api api) {
        Api.Response login = api.post("/api/mini/auth/login", null, Map.of("code", "code-" + openId + "__" + Fixtures.unique()));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return login.body().get("token").asText();
    }

    public Map<String, Object> request(String description) {
        return Map.of("familyId", familyId, "category", "SUPPLIES", "urgency", "NORMAL", "description", description,
                "contactMethod", "PHONE_CALL");
    }

    public Api.Response submit(Api api, String idempotencyKey, Object body) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Idempotency-Key", idempotencyKey);
        return api.post("/api/mini/tickets", token, body, headers);
    }

    public static long id(Api.Response response) {
        JsonNode id = response.body().get("id");
        assertThat(id).as(response.raw()).isNotNull();
        return id.asLong();
    }
}
