package org.qingnuan.staff;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountMessage;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff bind their own WeChat to receive alerts: the admin web shows a 6-digit code, valid for 10
 * minutes and once; the staff member sends it to the official account. Six digits never look like a
 * team's invite code (8 letters and digits), so the two bindings cannot be confused.
 */
@Service
public class StaffWechat {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    private static final Pattern CODE_IN_TEXT = Pattern.compile("^(?:绑定)?\\s*(\\d{6})$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_KEY = "qn:staff:wechat-code:";

    private final StaffAccountMapper staff;
    private final RedissonClient redisson;
    private final OfficialAccount officialAccount;
    private final AuditTrail auditTrail;
    private final Clock clock;

    StaffWechat(StaffAccountMapper staff, RedissonClient redisson, OfficialAccount officialAccount, AuditTrail auditTrail,
                Clock clock) {
        this.staff = staff;
        this.redisson = redisson;
        this.officialAccount = officialAccount;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public record BindingCode(String code, Instant expiresAt, String instructions) {
    }

    public record Binding(boolean bound) {
    }

    public BindingCode issueCode(long staffId) {
        for (int attempt = 0; ; attempt++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            if (bucket(code).setIfAbsent(Long.toString(staffId), CODE_VALIDITY)) {
                return new BindingCode(code, clock.instant().plus(CODE_VALIDITY),
                        "请用要接收提醒的微信关注本系统公众号，并在 10 分钟内发送：绑定 " + code);
            }
            if (attempt >= 5) {
                throw new IllegalStateException("No free binding code");
            }
        }
    }

    public Binding binding(long staffId) {
        StaffAccount account = staff.selectById(staffId);
        return new Binding(account != null && account.getWechatOpenId() != null);
    }

    public void unbind(StaffPrincipal principal) {
        staff.update(null, new LambdaUpdateWrapper<StaffAccount>().set(StaffAccount::getWechatOpenId, null)
                .eq(StaffAccount::getId, principal.staffId()));
        auditTrail.record("STAFF_WECHAT_UNBOUND", "STAFF", principal.staffId(), principal.orgId(), Map.of());
    }

    /** The bound WeChat of the enabled staff of an org (exactly that org), for its alerts. */
    public List<String> alertRecipients(long orgId) {
        return staff.selectList(new LambdaQueryWrapper<StaffAccount>().eq(StaffAccount::getOrgId, orgId)
                        .eq(StaffAccount::getEnabled, true).isNotNull(StaffAccount::getWechatOpenId))
                .stream().map(StaffAccount::getWechatOpenId).toList();
    }

    @EventListener
    public void on(OfficialAccountMessage message) {
        if (!"text".equals(message.msgType()) || message.content() == null) {
            return;
        }
        Matcher m = CODE_IN_TEXT.matcher(message.content().trim());
        if (!m.matches()) {
            return;
        }
        String staffId = bucket(m.group(1)).getAndDelete();
        StaffAccount account = staffId == null ? null : staff.selectById(Long.parseLong(staffId));
        if (account == null) {
            officialAccount.sendText(message.openId(), "验证码无效或已过期，请在管理后台“绑定微信”中重新获取。");
            return;
        }
        staff.update(null, new LambdaUpdateWrapper<StaffAccount>().set(StaffAccount::getWechatOpenId, message.openId())
                .eq(StaffAccount::getId, account.getId()));
        auditTrail.record(null, "STAFF_WECHAT_BOUND", "STAFF", account.getId(), account.getOrgId(), Map.of());
        officialAccount.sendText(message.openId(), "已绑定：" + account.getDisplayName() + " 将在这里收到青暖的工作提醒（如心理危机求助）。");
    }

    private RBucket<String> bucket(String code) {
        return redisson.getBucket(CODE_KEY + code, StringCodec.INSTANCE);
    }
}
