package org.qingnuan.org;

import java.util.Set;

/** Kinds of organisation in the league's tree, and where each may hang. */
public enum OrgType {
    /** 省团委: the root. */
    PROVINCE_LEAGUE("省级团委"),
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

    /** Whether an org of this type may be created under a parent of the given type. */
    public boolean mayHangUnder(OrgType parent) {
        return switch (this) {
            case PROVINCE_LEAGUE -> false;
            case CITY_LEAGUE -> parent == PROVINCE_LEAGUE;
            case DISTRICT_LEAGUE -> parent == CITY_LEAGUE;
            case UNIVERSITY_LEAGUE, HOSPITAL_LEAGUE -> Set.of(PROVINCE_LEAGUE, CITY_LEAGUE, DISTRICT_LEAGUE).contains(parent);
            case PARTNER_UNIT -> parent != PARTNER_UNIT;
        };
    }
}
