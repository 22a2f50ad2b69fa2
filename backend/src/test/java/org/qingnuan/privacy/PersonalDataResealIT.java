package org.qingnuan.privacy;

import org.junit.jupiter.api.Test;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Key rotation: values sealed under the retired key t1 are re-sealed under the active key t2, none is lost. */
class PersonalDataResealIT extends IntegrationTest {

    @Autowired
    PersonalDataResealing resealing;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rowsSealedUnderTheOldKeyAreResealedUnderTheNewOneAndStillReadTheSame() {
        var city = fixtures.city("广州");
        String admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        long hospitalId = api.post("/api/admin/hospitals", admin, Map.of("name", "轮换医院" + Fixtures.unique(),
                "city", city.getRegion(), "level", "CITY_RUN")).body().get("id").asLong();
        String ownPhone = People.mobile();
        String familyPhone = People.mobile();
        String home = People.address("天河区");
        long workerId = api.post("/api/admin/medical-workers", admin, Map.of("hospitalId", hospitalId, "orgId", city.getId(),
                "name", "轮换医生", "gender", "FEMALE", "ownPhone", ownPhone, "familyPhone", familyPhone, "homeAddress", home,
                "aidedHubei", false, "batch", 1)).body().get("id").asLong();

        // as if written before the rotation: the same values sealed under t1, the key that is now retired
        PersonalDataCipher before = new PersonalDataCipher(new CryptoProperties("t1",
                "t1:Lkm6SwALvbOpmVm26TMCeGrTEik2oQ1zU/zEOYLjPjU=,t2:iGW6Shp5G2X9WIFWfuEZHZN9XtqsmD8w53miMRiaa6Q=",
                "+vgAYyxp2S51NEQphO/CQ1hdVsvo7DOMeWLIJrSjCDs="));
        jdbc.update("UPDATE medical_worker SET own_phone_sealed = ?, family_phone_sealed = ?, home_address_sealed = ? WHERE id = ?",
                before.seal(ownPhone), before.seal(familyPhone), before.seal(home), workerId);
        assertThat(resealing.remaining()).isGreaterThanOrEqualTo(3);

        assertThat(resealing.resealAll()).isGreaterThanOrEqualTo(3);

        assertThat(resealing.remaining()).isZero();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT own_phone_sealed, family_phone_sealed, home_address_sealed FROM medical_worker WHERE id = ?", workerId);
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("t2:"));
        assertThat(cipher.open((String) row.get("own_phone_sealed"))).isEqualTo(ownPhone);
        assertThat(cipher.open((String) row.get("family_phone_sealed"))).isEqualTo(familyPhone);
        assertThat(cipher.open((String) row.get("home_address_sealed"))).isEqualTo(home);
        // nothing anywhere in the schema is left under t1: the *_sealed rule covers every sealed column
        List<PersonalDataResealing.SealedColumn> columns = resealing.sealedColumns();
        assertThat(columns).extracting(PersonalDataResealing.SealedColumn::column).contains("own_phone_sealed", "payload_sealed");
        for (PersonalDataResealing.SealedColumn c : columns) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + c.table() + " WHERE " + c.column() + " LIKE 't1:%'",
                    Integer.class)).as(c.toString()).isZero();
        }
        // and the application reads the worker as before
        var revealed = api.post("/api/admin/medical-workers/" + workerId + "/reveal", admin, Map.of("reason", "核对轮换"));
        assertThat(revealed.status()).as(revealed.raw()).isEqualTo(200);
        assertThat(revealed.raw()).contains(ownPhone, familyPhone);
    }
}
