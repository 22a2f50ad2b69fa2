package org.qingnuan.identity;

import org.qingnuan.api.mini.MiniUserView;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.privacy.Masks;
import org.qingnuan.registry.Family;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalWorker;
import org.qingnuan.shared.error.DomainException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** Demo sign-in of the embedded default: one WeChat user per demo role and subject ("dev-family-12"). */
@Service
@Profile("!prod")
@ConditionalOnProperty("qingnuan.miniprogram.dev-login")
public class DemoSignIn {

    private final FamilyDirectory directory;
    private final MiniProgramSignIn signIn;
    private final RoleBindings roles;

    DemoSignIn(FamilyDirectory directory, MiniProgramSignIn signIn, RoleBindings roles) {
        this.directory = directory;
        this.signIn = signIn;
        this.roles = roles;
    }

    public record DemoUser(RoleKind role, long subjectId, String label) {
    }

    public List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>();
        for (MedicalWorker worker : directory.firstWorkers(6)) {
            directory.familyOfWorker(worker.getId()).ifPresent(family ->
                    users.add(new DemoUser(RoleKind.FAMILY, family.getId(), Masks.name(worker.getName()) + " 的家属")));
            users.add(new DemoUser(RoleKind.MEDICAL_WORKER, worker.getId(), "医护人员 " + Masks.name(worker.getName())));
        }
        for (MedicalTeam team : directory.firstTeams(3)) {
            users.add(new DemoUser(RoleKind.TEAM_CONTACT, team.getId(), team.getName() + " 联络人"));
        }
        // demo volunteers are registered at start-up (DemoVolunteers): ready for duty, or stopped at one step of the
        // duty gate, which their openid's ending names
        for (UserRole role : roles.holdersOf(RoleKind.VOLUNTEER, 8)) {
            String openId = signIn.user(role.getUserId()).getOpenId();
            String stage = openId.endsWith("-pending") ? "待审核" : openId.endsWith("-not-trained") ? "未通过防护培训"
                    : openId.endsWith("-not-insured") ? "未登记保险" : "可上岗";
            users.add(new DemoUser(RoleKind.VOLUNTEER, role.getSubjectId(), "演示志愿者 #" + role.getSubjectId() + "（" + stage + "）"));
        }
        return users;
    }

    public MiniUserView.Login signIn(RoleKind role, long subjectId) {
        if (role == RoleKind.VOLUNTEER) {
            UserRole holder = roles.holderOf(RoleKind.VOLUNTEER, subjectId)
                    .orElseThrow(() -> new DomainException(IdentityError.DEV_LOGIN_SUBJECT_NOT_FOUND));
            return signIn.signIn(signIn.user(holder.getUserId()), null);
        }
        java.util.Optional<Long> subjectOrg = switch (role) {
            case FAMILY -> directory.family(subjectId).map(Family::getOrgId);
            case MEDICAL_WORKER -> directory.worker(subjectId).map(MedicalWorker::getOrgId);
            case TEAM_CONTACT -> directory.team(subjectId).map(MedicalTeam::getOrgId);
            // demo volunteers register themselves in the mini-program like real ones
            case VOLUNTEER, PAIRED -> java.util.Optional.<Long>empty();
        };
        long orgId = subjectOrg.orElseThrow(() -> new DomainException(IdentityError.DEV_LOGIN_SUBJECT_NOT_FOUND));
        WechatUser user = signIn.upsert("dev-" + role.name().toLowerCase() + "-" + subjectId, null);
        roles.bind(user.getId(), role, subjectId, orgId, UserRole.Source.DEV_LOGIN);
        return signIn.signIn(user, null);
    }
}
