package org.qingnuan.identity;

import org.qingnuan.identity.internal.WechatUserMapper;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Mini-program users as other features address them. */
@Service
public class WechatUsers {

    private final WechatUserMapper users;

    WechatUsers(WechatUserMapper users) {
        this.users = users;
    }

    public Optional<String> openIdOf(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(WechatUser::getOpenId);
    }
}
