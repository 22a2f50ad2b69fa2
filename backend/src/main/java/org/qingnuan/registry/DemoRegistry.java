package org.qingnuan.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.org.OrgService;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.internal.FamilyMapper;
import org.qingnuan.registry.internal.FamilyMemberMapper;
import org.qingnuan.registry.internal.HospitalMapper;
import org.qingnuan.registry.internal.MedicalTeamHospitalMapper;
import org.qingnuan.registry.internal.MedicalTeamMapper;
import org.qingnuan.registry.internal.MedicalWorkerMapper;
import org.qingnuan.registry.internal.TeamContactMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo registry of the embedded default: hospitals of each level, two medical teams (one aiding
 * Hubei), 48 medical workers with their families across the four demo districts. Written here and
 * not in sql/demo because personal fields must be sealed with the configured key. Never loaded
 * outside the "embedded" profile; all names, phones and addresses are made up.
 */
@Component
@Profile("embedded")
// before the demo volunteers and requests, which use its orgs and families
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 20)
class DemoRegistry implements ApplicationRunner {

    private static final String[] SURNAMES = {"陈", "林", "黄", "李", "张", "王", "刘", "吴", "郑", "梁", "何", "罗"};
    private static final String[] GIVEN = {"晓燕", "建华", "丽娟", "志强", "美玲", "国栋", "雪梅", "海涛", "静怡", "伟明", "慧敏", "俊杰"};
    private static final String[] POSITIONS = {"护士", "护士长", "主治医师", "医生", "副主任医师", "呼吸治疗师"};
    private static final String[] STREETS = {"体育西路", "中山五路", "环市东路", "华强北路", "深南大道", "科技园南路"};

    private final OrgService orgs;
    private final HospitalMapper hospitals;
    private final MedicalTeamMapper teams;
    private final MedicalTeamHospitalMapper teamHospitals;
    private final TeamContactMapper contacts;
    private final MedicalWorkerMapper workers;
    private final FamilyMapper families;
    private final FamilyMemberMapper members;
    private final PersonalDataCipher cipher;
    private final WorkerHistory history;
    private final ObjectMapper json;

    DemoRegistry(OrgService orgs, HospitalMapper hospitals, MedicalTeamMapper teams,
                 MedicalTeamHospitalMapper teamHospitals, TeamContactMapper contacts, MedicalWorkerMapper workers,
                 FamilyMapper families, FamilyMemberMapper members, PersonalDataCipher cipher, ObjectMapper json, WorkerHistory history) {
        this.orgs = orgs;
        this.hospitals = hospitals;
        this.teams = teams;
        this.teamHospitals = teamHospitals;
        this.contacts = contacts;
        this.workers = workers;
        this.families = families;
        this.members = members;
        this.cipher = cipher;
        this.json = json;
        this.history = history;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (workers.selectCount(null) > 0 || hospitals.selectCount(null) > 0) {
            return;
        }
        OrgUnit province = org("广东省");
        OrgUnit guangzhou = org("广州市");
        OrgUnit shenzhen = org("深圳市");
        Hospital zsy = hospital("中山大学附属第一医院", "广州市", "越秀区", HospitalLevel.MINISTRY_RUN, true, province);
        Hospital gdph = hospital("广东省人民医院", "广州市", "越秀区", HospitalLevel.PROVINCE_RUN, true, province);
        Hospital gz8 = hospital("广州市第八人民医院", "广州市", "白云区", HospitalLevel.CITY_RUN, true, guangzhou);
        Hospital tianheHospital = hospital("广州市天河区人民医院", "广州市", "天河区", HospitalLevel.COUNTY_RUN, false, guangzhou);
        Hospital sz3 = hospital("深圳市第三人民医院", "深圳市", "龙岗区", HospitalLevel.CITY_RUN, true, shenzhen);
        Hospital nanshanHospital = hospital("深圳市南山区人民医院", "深圳市", "南山区", HospitalLevel.COUNTY_RUN, false, shenzhen);

        MedicalTeam hubei = team("广东省第一批援鄂医疗队", "湖北武汉", true, 1, LocalDate.of(2020, 1, 24), province,
                List.of(zsy, gdph), "陈建国", "13800001001", "林晓", "13800001002");
        MedicalTeam local = team("广州市第二批医疗队", "广州市第八人民医院", false, 2, LocalDate.of(2020, 2, 10), guangzhou,
                List.of(gz8, tianheHospital), "黄志明", "13800001003", "吴敏", "13800001004");

        record District(String region, BigDecimal lat, BigDecimal lng, List<Hospital> hospitals) {
        }
        List<District> districts = List.of(
                new District("广州市天河区", new BigDecimal("23.1247"), new BigDecimal("113.3612"), List.of(zsy, gdph, gz8, tianheHospital)),
                new District("广州市越秀区", new BigDecimal("23.1290"), new BigDecimal("113.2668"), List.of(zsy, gdph, gz8)),
                new District("深圳市福田区", new BigDecimal("22.5410"), new BigDecimal("114.0550"), List.of(sz3, nanshanHospital)),
                new District("深圳市南山区", new BigDecimal("22.5333"), new BigDecimal("113.9304"), List.of(sz3, nanshanHospital)));
        int n = 0;
        for (District d : districts) {
            OrgUnit org = org(d.region());
            boolean inGuangzhou = d.region().startsWith("广州");
            for (int i = 0; i < 12; i++, n++) {
                Hospital h = d.hospitals().get(i % d.hospitals().size());
                boolean aidedHubei = (h == zsy || h == gdph) && i % 2 == 0;
                MedicalTeam team = aidedHubei ? hubei : inGuangzhou && i % 3 == 1 ? local : null;
                String address = d.region() + STREETS[n % STREETS.length] + (10 + n * 7) + "号" + (1 + n % 9) + "栋" + (101 + n) + "房";
                MedicalWorker w = new MedicalWorker();
                w.setOrgId(org.getId());
                w.setHospitalId(h.getId());
                w.setTeamId(team == null ? null : team.getId());
                w.setName(SURNAMES[n % SURNAMES.length] + GIVEN[(n * 5) % GIVEN.length]);
                w.setGender(n % 3 == 0 ? Gender.MALE : Gender.FEMALE);
                w.setPosition(POSITIONS[n % POSITIONS.length]);
                w.setFrontlineLocation(aidedHubei ? "湖北省武汉市某定点医院 ICU" : h.getName() + "隔离病区");
                w.setHomeAddressSealed(cipher.seal(address));
                String phone = String.format("1390000%04d", n + 1);
                w.setOwnPhoneSealed(cipher.seal(phone));
                w.setOwnPhoneIndex(cipher.blindIndex(phone));
                String familyPhone = String.format("1370000%04d", n + 1);
                w.setFamilyPhoneSealed(cipher.seal(familyPhone));
                w.setFamilyPhoneIndex(cipher.blindIndex(familyPhone));
                w.setAidedHubei(aidedHubei);
                w.setBatch(team != null ? team.getBatch() : i % 4 == 3 ? 2 : 1);
                w.setNotesSealed(cipher.seal(i % 5 == 0 ? "家中老人独居，需定期代购药品" : null));
                workers.insert(w);

                Family f = new Family();
                f.setOrgId(org.getId());
                f.setWorkerId(w.getId());
                f.setAddressSealed(w.getHomeAddressSealed());
                f.setLatitude(d.lat().add(BigDecimal.valueOf((i - 6) * 0.004)).setScale(6, RoundingMode.HALF_UP));
                f.setLongitude(d.lng().add(BigDecimal.valueOf(((i * 7) % 12 - 6) * 0.004)).setScale(6, RoundingMode.HALF_UP));
                families.insert(f);
                member(f, Relation.PARENT, AgeBand.ELDERLY, i % 3 == 0, false, i % 4 == 0,
                        SURNAMES[(n + 3) % SURNAMES.length] + "阿婆", familyPhone, null, i % 4 == 0 ? "高血压，每月复诊" : null);
                if (i % 2 == 0) {
                    member(f, Relation.CHILD, i % 4 == 0 ? AgeBand.PRIMARY : AgeBand.SECONDARY, false, true, false,
                            w.getName().charAt(0) + "小" + GIVEN[n % GIVEN.length].charAt(1), null,
                            i % 4 == 0 ? "小学三年级" : "初中二年级", null);
                }
            }
        }
        // the demo's registry has a history from today, so annex 1 "截至" today counts it
        history.record();
    }

    private void member(Family f, Relation relation, AgeBand band, boolean alone, boolean school, boolean chronic,
                        String name, String phone, String grade, String health) {
        FamilyMember m = new FamilyMember();
        m.setFamilyId(f.getId());
        m.setOrgId(f.getOrgId());
        m.setRelation(relation);
        m.setAgeBand(band);
        m.setElderlyAlone(alone);
        m.setSchoolChild(school);
        m.setChronicIllness(chronic);
        m.setPregnant(false);
        m.setDisabled(false);
        try {
            m.setDetailsSealed(cipher.seal(json.writeValueAsString(
                    new MedicalWorkerService.MemberDetails(name, phone, grade, health))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        members.insert(m);
    }

    private OrgUnit org(String region) {
        return orgs.highestOfRegion(region).orElseThrow();
    }

    private Hospital hospital(String name, String city, String district, HospitalLevel level, boolean designated, OrgUnit org) {
        Hospital h = new Hospital();
        h.setName(name);
        h.setCity(city);
        h.setDistrict(district);
        h.setLevel(level);
        h.setDesignated(designated);
        h.setOrgId(org.getId());
        hospitals.insert(h);
        return h;
    }

    private MedicalTeam team(String name, String destination, boolean hubei, int batch, LocalDate departure, OrgUnit org,
                             List<Hospital> from, String lead, String leadPhone, String liaison, String liaisonPhone) {
        MedicalTeam t = new MedicalTeam();
        t.setName(name);
        t.setDestination(destination);
        t.setAidingHubei(hubei);
        t.setBatch(batch);
        t.setDepartureDate(departure);
        t.setStatus(TeamStatus.DEPLOYED);
        t.setOrgId(org.getId());
        // prompted at midnight: whenever a newcomer starts the demo, today's prompt is due at the first scan
        t.setPromptTime(java.time.LocalTime.MIDNIGHT);
        teams.insert(t);
        from.forEach(h -> teamHospitals.add(t.getId(), h.getId()));
        contact(t, ContactRole.LEAD, lead, leadPhone);
        contact(t, ContactRole.LIAISON, liaison, liaisonPhone);
        return t;
    }

    private void contact(MedicalTeam t, ContactRole role, String name, String phone) {
        TeamContact c = new TeamContact();
        c.setTeamId(t.getId());
        c.setOrgId(t.getOrgId());
        c.setRole(role);
        c.setName(name);
        c.setPhoneSealed(cipher.seal(phone));
        c.setPhoneIndex(cipher.blindIndex(phone));
        contacts.insert(c);
    }
}
