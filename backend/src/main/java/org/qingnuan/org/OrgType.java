package org.qingnuan.org;

import java.util.Set;

/** Kinds of organisation in the league's tree, and where each may hang. */
public enum OrgType {
    /** 省团委: the root. */
    PROVINCE_LEAGUE("省级团委"),
    /**
     * 直辖市团委 (Beijing, Shanghai, Tianjin, Chongqing): a province-level city whose districts and
     * counties sit directly under it. It is an installation's root, or hangs under the root league.
     */
    MUNICIPALITY_LEAGUE("直辖市团委"),
    /** 市团委 */
    CITY_LEAGUE("市级团委"),
    /** 区县团委 */
    DISTRICT_LEAGUE("区县团委"),
    /** 高校团委, directed by the province or a city league */
    UNIVERSITY_LEAGUE("高校团委"),
    /** 医院团委 */
    HOSPITAL_LEAGUE("医院团委"),
    /** 合作单位: youth foundation, expert group, volunteer fleet, catering partner … */
    PARTNER_UNIT("合作单位");

    private final String label;

    OrgType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Types an installation's root may have: a province's league, or a municipality's. */
    public boolean mayBeRoot() {
        return this == PROVINCE_LEAGUE || this == MUNICIPALITY_LEAGUE;
    }

    /** Leagues whose own hospitals (省属 / 市属) they run: the root-level leagues and cities. */
    public boolean isRegionLeague() {
        return this == PROVINCE_LEAGUE || this == MUNICIPALITY_LEAGUE || this == CITY_LEAGUE;
    }

    /** Whether an org of this type may be created under a parent of the given type. */
    public boolean mayHangUnder(OrgType parent) {
        return switch (this) {
            case PROVINCE_LEAGUE -> false;
            case CITY_LEAGUE -> parent == PROVINCE_LEAGUE;
            case MUNICIPALITY_LEAGUE -> parent == PROVINCE_LEAGUE;
            case DISTRICT_LEAGUE -> parent == CITY_LEAGUE || parent == MUNICIPALITY_LEAGUE;
            case UNIVERSITY_LEAGUE, HOSPITAL_LEAGUE ->
                    Set.of(PROVINCE_LEAGUE, MUNICIPALITY_LEAGUE, CITY_LEAGUE, DISTRICT_LEAGUE).contains(parent);
            case PARTNER_UNIT -> parent != PARTNER_UNIT;
        };
    }
}
