package org.qingnuan.wechat;

import cn.binarywang.wx.miniapp.config.impl.WxMaRedissonConfigImpl;
import org.redisson.api.RedissonClient;

import java.time.Duration;

/**
 * WxJava's Redis-held mini-program access token, remembered by this instance for {@link #REMEMBERED} once read. WxJava
 * otherwise reads the token's time to live and then the token from Redis before every WeChat call — two round trips
 * for each request's text check and each subscribe message (issue 19). Redis stays where the token is shared and
 * refreshed under its lock; an instance uses what it read for at most half a minute, well inside the time WeChat
 * keeps a token valid after Redis lets it go (WxJava stores it 200 s short of its life, and a stable token stays
 * valid five minutes after a refresh). A token WeChat refuses is forgotten here and in Redis as WxJava always did.
 */
class RememberedTokenConfig extends WxMaRedissonConfigImpl {

    static final Duration REMEMBERED = Duration.ofSeconds(30);

    private record Remembered(String token, long untilNanos) {

        boolean fresh() {
            return System.nanoTime() - untilNanos < 0;
        }
    }

    private volatile Remembered remembered;

    RememberedTokenConfig(RedissonClient redisson, String keyPrefix) {
        super(redisson, keyPrefix);
    }

    @Override
    public boolean isAccessTokenExpired() {
        Remembered r = remembered;
        if (r != null && r.fresh()) {
            return false;
        }
        remembered = null;
        if (super.isAccessTokenExpired()) {
            return true;
        }
        String token = super.getAccessToken();
        if (token != null) {
            remember(token);
        }
        return token == null;
    }

    @Override
    public String getAccessToken() {
        Remembered r = remembered;
        return r != null && r.fresh() ? r.token() : super.getAccessToken();
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        super.updateAccessToken(accessToken, expiresInSeconds);
        remember(accessToken);
    }

    @Override
    public void expireAccessToken() {
        remembered = null;
        super.expireAccessToken();
    }

    private void remember(String token) {
        remembered = new Remembered(token, System.nanoTime() + REMEMBERED.toNanos());
    }
}
