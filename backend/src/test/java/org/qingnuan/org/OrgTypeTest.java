package org.qingnuan.org;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingnuan.org.OrgType.*;

class OrgTypeTest {

    @Test
    void shouldFollowTheLeaguesHierarchy() {
        assertThat(CITY_LEAGUE.mayHangUnder(PROVINCE_LEAGUE)).isTrue();
        assertThat(DISTRICT_LEAGUE.mayHangUnder(CITY_LEAGUE)).isTrue();
        assertThat(DISTRICT_LEAGUE.mayHangUnder(PROVINCE_LEAGUE)).isFalse();
        assertThat(CITY_LEAGUE.mayHangUnder(CITY_LEAGUE)).isFalse();
    }

    @Test
    void shouldHangUniversitiesHospitalsAndPartnersUnderTheLeagueThatDirectsThem() {
        for (OrgType league : new OrgType[]{PROVINCE_LEAGUE, CITY_LEAGUE, DISTRICT_LEAGUE}) {
            assertThat(UNIVERSITY_LEAGUE.mayHangUnder(league)).isTrue();
            assertThat(HOSPITAL_LEAGUE.mayHangUnder(league)).isTrue();
            assertThat(PARTNER_UNIT.mayHangUnder(league)).isTrue();
        }
        assertThat(PARTNER_UNIT.mayHangUnder(PARTNER_UNIT)).isFalse();
        assertThat(UNIVERSITY_LEAGUE.mayHangUnder(HOSPITAL_LEAGUE)).isFalse();
    }

    @Test
    void shouldHangDistrictsDirectlyUnderAMunicipality() {
        // 直辖市: Beijing, Shanghai, Tianjin, Chongqing have no city level between them and their districts
        assertThat(DISTRICT_LEAGUE.mayHangUnder(MUNICIPALITY_LEAGUE)).isTrue();
        assertThat(UNIVERSITY_LEAGUE.mayHangUnder(MUNICIPALITY_LEAGUE)).isTrue();
        assertThat(HOSPITAL_LEAGUE.mayHangUnder(MUNICIPALITY_LEAGUE)).isTrue();
        assertThat(MUNICIPALITY_LEAGUE.mayHangUnder(PROVINCE_LEAGUE)).isTrue();
        assertThat(MUNICIPALITY_LEAGUE.mayHangUnder(CITY_LEAGUE)).isFalse();
        assertThat(MUNICIPALITY_LEAGUE.mayHangUnder(MUNICIPALITY_LEAGUE)).isFalse();
        assertThat(CITY_LEAGUE.mayHangUnder(MUNICIPALITY_LEAGUE)).isFalse();
        assertThat(MUNICIPALITY_LEAGUE.mayBeRoot()).isTrue();
        assertThat(CITY_LEAGUE.mayBeRoot()).isFalse();
    }

    @Test
    void shouldNeverPlaceAProvinceUnderAnything() {
        for (OrgType parent : values()) {
            assertThat(PROVINCE_LEAGUE.mayHangUnder(parent)).isFalse();
        }
    }
}
