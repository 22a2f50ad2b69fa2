package org.qingnuan.alert;

import org.qingnuan.alert.internal.DutyExpertMapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/**
 * The embedded default's duty expert: a psychologist on duty for the province, following the official
 * account ({@code oDemoExpert1}), so a crisis request's template alert shows up in the WeChat stand-in's
 * message log. Never outside the "embedded" profile; the name and phone are made up.
 */
@Component
@Profile("embedded")
class DemoDutyExperts implements ApplicationRunner {

    private final DutyExpertMapper experts;
    private final OrgService orgs;
    private final PersonalDataCipher cipher;

    DemoDutyExperts(DutyExpertMapper experts, OrgService orgs, PersonalDataCipher cipher) {
        this.experts = experts;
        this.orgs = orgs;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (experts.selectCount(null) > 0) {
            return;
        }
        List<OrgUnit> provinces = orgs.ofTypes(EnumSet.of(OrgType.PROVINCE_LEAGUE));
        if (provinces.isEmpty()) {
            return;
        }
        DutyExpert expert = new DutyExpert();
        expert.setOrgId(provinces.get(0).getId());
        expert.setName("郑心怡");
        expert.setPhoneSealed(cipher.seal("13900009001"));
        expert.setOpenId("oDemoExpert1");
        expert.setActive(true);
        experts.insert(expert);
    }
}
