package org.qingnuan.identity;

import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.mini.MiniUserView;
import org.qingnuan.identity.internal.WechatUserMapper;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.wechat.MiniProgram;
import org.qingnuan.wechat.MiniProgramException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * Signs mini-program users in: wx.login code → code2Session → our own token. The session_key is
 * sealed in Redis by {@link UserSessions}; neither it nor the code is returned or logged.
 */
@Service
@EnableConfigurationProperties(MiniProgramAuthProperties.class)
public class MiniProgramSignIn {

    /** What a wx.login code may look like (WeChat's are 32 URL-safe characters today). */
    static final Pattern WX_CODE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

    private final MiniProgram miniProgram;
    private final WechatUserMapper users;
    private final UserSessions sessions;
    private final RoleBindings roles;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final RedisAvailability redis;

    MiniProgramSignIn(MiniProgram miniProgram, WechatUserMapper users, UserSessions sessions, RoleBindings roles,
                      PersonalDataCipher cipher, Clock clock, RedisAvailability redis) {
        this.redis = redis;
        this.miniProgram = miniProgram;
        this.users = users;
        this.sessions = sessions;
        this.roles = roles;
        this.cipher = cipher;
        this.clock = clock;
    }

    public MiniUserView.Login login(String jsCode) {
        // WxJava puts the code into code2Session's query string unencoded, beside our AppSecret:
        // "x&foo=bar" would add parameters to that call. WeChat's codes are short URL-safe strings,
        // so anything else is refused here, before any call.
        if (jsCode == null || !WX_CODE.matcher(jsCode).matches()) {
            throw new DomainException(IdentityError.WX_CODE_INVALID);
        }
        if (!redis.usable()) {
            // a session cannot be kept anyway: say so at once, and do not spend the user's one-time code
            throw new DomainException(IdentityError.SIGN_IN_UNAVAILABLE);
        }
        try {
            MiniProgram.LoginSession session;
            try {
                session = miniProgram.login(jsCode);
            } catch (MiniProgramException e) {
                throw new DomainException(e.errcode() == MiniProgramException.INVALID_CODE
                        ? IdentityError.WX_CODE_INVALID : IdentityError.WECHAT_BUSY);
            }
            WechatUser user = upsert(session.openId(), session.unionId());
            return signIn(user, session.sessionKey());
        } catch (RedisUnavailableException down) {
            throw new DomainException(IdentityError.SIGN_IN_UNAVAILABLE);
        }
    }

    /** Opens a session for a known user (the login above, or the embedded default's demo sign-in). */
    MiniUserView.Login signIn(WechatUser user, String sessionKey) {
        String token = sessions.open(user.getId(), sessionKey);
        return new MiniUserView.Login(token, sessions.idleTimeoutSeconds(), view(user.getId()));
    }

    public void logout(UserPrincipal user) {
        sessions.close(user.userId(), user.sessionId());
    }

    /**
     * The signed-in user as {@code GET /api/mini/me} shows them: their roles from the principal, which the session
     * keeps and drops the moment a role is bound or taken away (re-reading them cost every call two statements).
     */
    public MiniUserView view(UserPrincipal principal) {
        WechatUser user = users.selectById(principal.userId());
        String phone = user.getPhoneSealed() == null ? null : Masks.phone(cipher.open(user.getPhoneSealed()));
        return new MiniUserView(principal.userId(), phone, roles.describe(principal.grants()));
    }

    public MiniUserView view(long userId) {
        WechatUser user = users.selectById(userId);
        String phone = user.getPhoneSealed() == null ? null : Masks.phone(cipher.open(user.getPhoneSealed()));
        return new MiniUserView(userId, phone, roles.describe(roles.grantsOf(userId)));
    }

    /** Verifies the phone through WeChat, keeps it sealed, and binds the roles the registry gives it. */
    public MiniUserView bindPhone(UserPrincipal principal, String phoneCode) {
        String phone;
        try {
            phone = miniProgram.phoneNumber(phoneCode, principal.openId());
        } catch (MiniProgramException e) {
            throw new DomainException(e.errcode() == MiniProgramException.INVALID_CODE
                    ? IdentityError.PHONE_CODE_INVALID : IdentityError.WECHAT_BUSY);
        }
        users.update(null, new LambdaUpdateWrapper<WechatUser>()
                .set(WechatUser::getPhoneSealed, cipher.seal(phone))
                .set(WechatUser::getPhoneIndex, cipher.blindIndex(phone))
                .set(WechatUser::getUpdatedAt, LocalDateTime.now(clock))
                .eq(WechatUser::getId, principal.userId()));
        // the verified phone stays saved either way; an unknown one is told what to do next
        if (roles.bindByPhone(principal.userId(), phone) == 0) {
            throw new DomainException(IdentityError.NO_REGISTRATION_FOR_PHONE);
        }
        return view(principal.userId());
    }

    public MiniUserView redeemInvite(UserPrincipal principal, String code) {
        roles.redeem(principal.userId(), code);
        return view(principal.userId());
    }

    WechatUser user(long userId) {
        return users.selectById(userId);
    }

    /** The user of an openid, created on first sight (sign-in; demo users). */
    public WechatUser upsert(String openId, String unionId) {
        LocalDateTime now = LocalDateTime.now(clock);
        WechatUser existing = byOpenId(openId);
        if (existing == null) {
            WechatUser user = new WechatUser();
            user.setOpenId(openId);
            user.setUnionId(unionId);
            user.setLastLoginAt(now);
            try {
                users.insert(user);
                return user;
            } catch (DuplicateKeyException firstLoginRace) {
                existing = byOpenId(openId);
            }
        }
        users.update(null, new LambdaUpdateWrapper<WechatUser>().set(WechatUser::getLastLoginAt, now)
                .set(unionId != null, WechatUser::getUnionId, unionId).eq(WechatUser::getId, existing.getId()));
        return existing;
    }

    private WechatUser byOpenId(String openId) {
        return users.selectOne(new LambdaQueryWrapper<WechatUser>().eq(WechatUser::getOpenId, openId));
    }
}
