package org.qingnuan.volunteer;

import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.api.volunteer.Skill;
import org.qingnuan.api.volunteer.VolunteerStatus;
import org.qingnuan.identity.MiniProgramSignIn;
import org.qingnuan.identity.RoleBindings;
import org.qingnuan.identity.UserRole;
import org.qingnuan.identity.WechatUser;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.volunteer.internal.TrainingQuestionMapper;
import org.qingnuan.volunteer.internal.VolunteerMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo volunteers of the embedded default: one per demo district, approved, trained and insured, so a
 * newcomer can sign in as one (demo sign-in) and claim the demo families' requests; three more in the first
 * district, each stopped at one step of the duty gate (waiting for review, approved but not trained, trained but
 * not insured); and a small quiz.
 * Never outside the "embedded" profile; all names and numbers are made up.
 */
@Component
@Profile("embedded")
// after the demo registry, before the demo requests (which are claimed by these volunteers)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DemoVolunteers implements ApplicationRunner {

    private static final String[] NAMES = {"周晓雨", "吴嘉豪", "郑思琪", "梁志远"};

    private final VolunteerMapper volunteers;
    private final TrainingQuestionMapper questions;
    private final OrgService orgs;
    private final MiniProgramSignIn signIn;
    private final RoleBindings roles;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    DemoVolunteers(VolunteerMapper volunteers, TrainingQuestionMapper questions, OrgService orgs, MiniProgramSignIn signIn,
                   RoleBindings roles, PersonalDataCipher cipher, Clock clock) {
        this.volunteers = volunteers;
        this.questions = questions;
        this.orgs = orgs;
        this.signIn = signIn;
        this.roles = roles;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (questions.selectCount(null) == 0) {
            question("服务时口罩应当？", "[\"可以不戴\",\"全程佩戴并覆盖口鼻\",\"进门后摘下\"]", 1);
            question("与服务对象交接物品时应当？", "[\"尽量无接触交接\",\"进屋坐下详谈\"]", 0);
            question("服务对象有轻生言行时应当？", "[\"劝几句就离开\",\"立即联系工作人员，不独自处理\"]", 1);
        }
        if (volunteers.selectCount(null) > 0) {
            return;
        }
        List<OrgUnit> districts = orgs.ofTypes(EnumSet.of(OrgType.DISTRICT_LEAGUE));
        for (int i = 0; i < districts.size() && i < NAMES.length; i++) {
            create(districts.get(i), NAMES[i], i, Stage.READY);
        }
        if (!districts.isEmpty()) {
            create(districts.get(0), "何嘉欣", 4, Stage.PENDING);
            create(districts.get(0), "罗子轩", 5, Stage.NOT_TRAINED);
            create(districts.get(0), "冯可欣", 6, Stage.NOT_INSURED);
        }
    }

    /** Where a demo volunteer stands at the duty gate; the demo sign-in names it after the openid's ending. */
    enum Stage {
        READY("ready"), PENDING("pending"), NOT_TRAINED("not-trained"), NOT_INSURED("not-insured");

        final String suffix;

        Stage(String suffix) {
            this.suffix = suffix;
        }
    }

    private void create(OrgUnit district, String name, int i, Stage stage) {
        WechatUser user = signIn.upsert("dev-volunteer-" + (i + 1) + "-" + stage.suffix, null);
        String phone = "1390000" + String.format("%04d", 2001 + i);
        Volunteer v = new Volunteer();
        v.setUserId(user.getId());
        v.setOrgId(district.getId());
        v.setName(name);
        v.setPhoneSealed(cipher.seal(phone));
        v.setPhoneIndex(cipher.blindIndex(phone));
        v.setIdNumberSealed(cipher.seal("44010619950101" + String.format("%04d", 1001 + i)));
        v.assignSkills(EnumSet.of(Skill.SHOPPING, Skill.DRIVER, Skill.TUTOR, Skill.ELDERLY_CARE));
        v.setSkillNotes("演示数据");
        // the demo districts lie in Guangzhou and Shenzhen; a 30 km radius covers each city's demo families
        v.setHomeLatitude(new BigDecimal(i < 2 ? "23.129000" : "22.543000"));
        v.setHomeLongitude(new BigDecimal(i < 2 ? "113.264000" : "114.058000"));
        v.setRadiusKm(30);
        v.setAvailability("周末全天");
        v.setStatus(stage == Stage.PENDING ? VolunteerStatus.PENDING : VolunteerStatus.APPROVED);
        if (stage != Stage.PENDING) {
            v.setReviewNote("演示数据");
            v.setReviewedAt(LocalDateTime.now(clock));
        }
        if (stage == Stage.READY || stage == Stage.NOT_INSURED) {
            v.setTrainingPassedAt(LocalDateTime.now(clock));
        }
        if (stage == Stage.READY && i == 0) {
            // one demo volunteer agreed to appear in stories: a story about them can be published
            v.setStoryConsentAt(LocalDateTime.now(clock));
        }
        if (stage == Stage.READY) {
            v.setInsurancePolicy("DEMO-" + (i + 1));
            v.setInsuranceUntil(LocalDate.now(clock).plusYears(1));
        }
        v.setVersion(0);
        volunteers.insert(v);
        roles.bind(user.getId(), RoleKind.VOLUNTEER, v.getId(), district.getId(), UserRole.Source.DEV_LOGIN);
    }

    private void question(String question, String choices, int answer) {
        TrainingQuestion q = new TrainingQuestion();
        q.setQuestion(question);
        q.setChoices(choices);
        q.setAnswer(answer);
        q.setActive(true);
        questions.insert(q);
    }
}
