package org.qingnuan.identity;

import org.qingnuan.identity.internal.WechatUserMapper;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Mini-program users as other features address them. */
@Service
public class WechatUsers {

    private final WechatUserMapper users;
    private final org.qingnuan.privacy.PersonalDataCipher cipher;

    WechatUsers(WechatUserMapper users, org.qingnuan.privacy.PersonalDataCipher cipher) {
        this.users = users;
        this.cipher = cipher;
    }

    /** The phone WeChat verified for the user (getPhoneNumber), in clear; empty when they never bound one. */
    public Optional<String> verifiedPhoneOf(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(WechatUser::getPhoneSealed).map(cipher::open);
    }

    public Optional<String> openIdOf(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(WechatUser::getOpenId);
    }
}
