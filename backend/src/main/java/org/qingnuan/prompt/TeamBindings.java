package org.qingnuan.prompt;

import org.qingnuan.shared.invite.InviteCodes;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.prompt.internal.TeamBindingMapper;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.TeamContact;
import org.qingnuan.registry.MedicalTeamService;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binding team leads and liaisons to their medical team through the official account: staff issue
 * the team an invite code; a lead scans the team's QR code (scene {@code team:<code>}) or sends the
 * code, and from then on receives the team's daily prompt. Staff see who is bound.
 */
@Service
public class TeamBindings {

    private static final Logger log = LoggerFactory.getLogger(TeamBindings.class);
    /** no 0/O, 1/I/L: read aloud over the phone and typed on a phone keyboard */
    private static final Pattern CODE_IN_TEXT = Pattern.compile("^(?:绑定|bind)?\\s*([A-Za-z0-9]{8})(?:\\s+(\\S{1,16}))?$",
            Pattern.CASE_INSENSITIVE);
    /** "我是 张三": a bound follower says which of the team's registered leads and liaisons they are. */
    private static final Pattern INTRODUCTION = Pattern.compile("^我是\\s*[:：]?\\s*(\\S{1,16})$");
    public static final String SCENE_PREFIX = "team:";

    private final TeamBindingMapper bindings;
    private final MedicalTeamService teamService;
    private final AuditTrail auditTrail;
    private final OfficialAccount officialAccount;
    private final FamilyDirectory directory;

    TeamBindings(TeamBindingMapper bindings, MedicalTeamService teamService, AuditTrail auditTrail,
                 OfficialAccount officialAccount, FamilyDirectory directory) {
        this.directory = directory;
        this.bindings = bindings;
        this.teamService = teamService;
        this.auditTrail = auditTrail;
        this.officialAccount = officialAccount;
    }

    /** @param qrCodeUrl the team's permanent QR code to print or share; null when WeChat could not make one */
    public record InviteCode(long teamId, String inviteCode, String qrScene, String qrCodeUrl) {
    }

    /** A new code for the team; the old one stops working. Bindings already made stay. */
    @Transactional
    public InviteCode issueInviteCode(long teamId) {
        MedicalTeam team = teamService.get(teamId);
        for (int attempt = 0; ; attempt++) {
            String code = InviteCodes.next(InviteCodes.TEAM_LENGTH);
            try {
                teamService.replaceInviteCode(teamId, code);
                auditTrail.record("TEAM_INVITE_CODE_ISSUED", "MEDICAL_TEAM", teamId, team.getOrgId(), Map.of());
                return new InviteCode(teamId, code, SCENE_PREFIX + code,
                        officialAccount.qrCodeUrl(SCENE_PREFIX + code).orElse(null));
            } catch (DuplicateKeyException collision) {
                if (attempt >= 3) {
                    throw collision;
                }
            }
        }
    }

    public List<TeamBinding> of(long teamId) {
        teamService.get(teamId);
        return bindings.selectList(new LambdaQueryWrapper<TeamBinding>().eq(TeamBinding::getTeamId, teamId)
                .orderByAsc(TeamBinding::getId));
    }

    /** Who a bound follower is, as staff read it: the registered contact's name and role, when the follower said. */
    public record Receiver(String name, String role, String roleLabel) {

        /** "张三（领队）", or null when the follower has not said who they are. */
        public String label() {
            return name == null ? null : name + "（" + roleLabel + "）";
        }
    }

    /** An openid as staff may see it: enough to tell two followers apart, not to copy. */
    public static String shortened(String openId) {
        return openId.substring(0, Math.min(6, openId.length())) + "…";
    }

    /** The receivers of a team by openid (only followers who said who they are). */
    public Map<String, Receiver> receivers(long teamId) {
        Map<Long, TeamContact> contacts = new java.util.HashMap<>();
        directory.contactsOf(teamId).forEach(c -> contacts.put(c.getId(), c));
        Map<String, Receiver> receivers = new java.util.HashMap<>();
        for (TeamBinding b : of(teamId)) {
            TeamContact c = b.getContactId() == null ? null : contacts.get(b.getContactId());
            if (c != null) {
                receivers.put(b.getOpenId(), new Receiver(c.getName(), c.getRole().name(), c.getRole().label()));
            }
        }
        return receivers;
    }

    /** The follower stops receiving the team's prompt; audited. */
    @Transactional
    public void unbind(long teamId, long bindingId) {
        MedicalTeam team = teamService.get(teamId);
        int removed = bindings.delete(new LambdaQueryWrapper<TeamBinding>().eq(TeamBinding::getId, bindingId)
                .eq(TeamBinding::getTeamId, teamId));
        if (removed == 0) {
            throw new org.qingnuan.shared.error.DomainException(ReportError.BINDING_NOT_FOUND);
        }
        auditTrail.record("TEAM_UNBOUND", "MEDICAL_TEAM", teamId, team.getOrgId(), Map.of("bindingId", bindingId));
    }

    /** Reacts to QR scans (subscribe/SCAN with a team scene) and to invite codes sent as text. */
    @EventListener
    public void on(OfficialAccountMessage message) {
        Optional<TeamBinding.Source> source = Optional.empty();
        String code = null;
        String name = null;
        if (message.eventKey() != null && message.eventKey().startsWith(SCENE_PREFIX)
                && ("subscribe".equalsIgnoreCase(message.event()) || "SCAN".equalsIgnoreCase(message.event()))) {
            code = message.eventKey().substring(SCENE_PREFIX.length());
            source = Optional.of(TeamBinding.Source.QR_CODE);
        } else if ("text".equals(message.msgType()) && message.content() != null) {
            Matcher intro = INTRODUCTION.matcher(message.content().trim());
            if (intro.matches()) {
                introduce(message.openId(), intro.group(1));
                return;
            }
            Matcher m = CODE_IN_TEXT.matcher(message.content().trim());
            if (m.matches()) {
                code = m.group(1).toUpperCase();
                name = m.group(2);
                source = Optional.of(TeamBinding.Source.INVITE_CODE);
            }
        }
        if (source.isEmpty()) {
            return;
        }
        MedicalTeam team = bindings.teamByInviteCode(code);
        if (team == null) {
            log.info("Invite code not found for a follower's binding attempt");
            if (source.get() == TeamBinding.Source.INVITE_CODE) {
                officialAccount.sendText(message.openId(), "没有找到这个邀请码，请核对后重新发送，或联系团委工作人员获取新的邀请码。");
            }
            return;
        }
        TeamBinding binding = new TeamBinding();
        binding.setTeamId(team.getId());
        binding.setOrgId(team.getOrgId());
        binding.setOpenId(message.openId());
        binding.setSource(source.get());
        try {
            bindings.insert(binding);
            auditTrail.record(null, "TEAM_BOUND", "MEDICAL_TEAM", team.getId(), team.getOrgId(),
                    Map.of("source", source.get()));
        } catch (DuplicateKeyException alreadyBound) {
            // scanning twice is fine; the confirmation is sent again
        }
        Optional<TeamContact> who = name == null ? Optional.empty() : contactNamed(team.getId(), name);
        who.ifPresent(c -> setContact(team.getId(), message.openId(), c));
        officialAccount.sendText(message.openId(), "您已绑定「" + team.getName() + "」"
                + who.map(c -> "，身份：" + c.getRole().label() + " " + c.getName()).orElse("") + "。"
                + "每天我们会在这里提醒您报告一线需求，您也可以随时直接回复，如：N95口罩 200个；防护服 50套；需要心理疏导。"
                + (who.isPresent() ? "" : "请再回复“我是 您的姓名”（如：我是 张三），方便团委工作人员知道是谁在报告。"));
    }

    /** "我是 张三" from a bound follower: matched against the names the team registered for its leads and liaisons. */
    private void introduce(String openId, String name) {
        TeamBinding latest = bindings.selectOne(new LambdaQueryWrapper<TeamBinding>().eq(TeamBinding::getOpenId, openId)
                .orderByDesc(TeamBinding::getId).last("LIMIT 1"));
        if (latest == null) {
            return;
        }
        MedicalTeam team = directory.team(latest.getTeamId()).orElse(null);
        if (team == null) {
            return;
        }
        Optional<TeamContact> who = contactNamed(team.getId(), name);
        if (who.isEmpty()) {
            officialAccount.sendText(openId, "「" + team.getName() + "」登记的领队、联络员中没有“" + name
                    + "”。请核对姓名后重新发送“我是 姓名”，或请团委工作人员在医疗队信息中补登您的姓名。");
            return;
        }
        setContact(team.getId(), openId, who.get());
        officialAccount.sendText(openId, "已记下：您是「" + team.getName() + "」的" + who.get().getRole().label() + " "
                + who.get().getName() + "。");
    }

    private Optional<TeamContact> contactNamed(long teamId, String name) {
        return directory.contactsOf(teamId).stream().filter(c -> c.getName() != null && c.getName().trim().equals(name.trim()))
                .findFirst();
    }

    private void setContact(long teamId, String openId, TeamContact contact) {
        bindings.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<TeamBinding>()
                .set(TeamBinding::getContactId, contact.getId())
                .eq(TeamBinding::getTeamId, teamId).eq(TeamBinding::getOpenId, openId));
    }
}
