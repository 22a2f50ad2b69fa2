package org.qingnuan.wechat;

import cn.binarywang.wx.miniapp.config.impl.WxMaRedissonConfigImpl;
import org.redisson.api.RedissonClient;

import java.time.Duration;

/**
 * WxJava's Redis-held mini-program access token, remembered by this instance for {@link #REMEMBERED} once read. WxJava
 * otherwise reads the token's time to live and then the token from Redis before every WeChat call — two round trips
 * for each request's text check and each subscribe message (issue 19). Redis stays where the token is shared and
 * refreshed under its lock; an instance uses what it read for at most half a minute, and never within a minute of the
 * token's end as Redis counts it (WxJava keeps the token in Redis for the life WeChat gave it), so a remembered token
 * is one WeChat still accepts — a stable token stays valid even five minutes after a refresh elsewhere. A token WeChat
 * refuses all the same is forgotten here and in Redis as WxJava always did, and a new one fetched.
 */
class RememberedTokenConfig extends WxMaRedissonConfigImpl {

    static final Duration REMEMBERED = Duration.ofSeconds(30);
    /** A token this close to its end is not remembered: each call reads Redis until another is there. */
    static final Duration LAST_MINUTE = Duration.ofSeconds(60);

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
        long now = System.nanoTime();
        // the token's time to live in Redis, in seconds (negative: no token); under 2 s is expired, as WxJava counts
        long secondsLeft = getExpiresTime();
        if (secondsLeft < 2) {
            return true;
        }
        String token = super.getAccessToken();
        if (token == null) {
            return true;
        }
        remember(token, secondsLeft, now);
        return false;
    }

    @Override
    public String getAccessToken() {
        Remembered r = remembered;
        return r != null && r.fresh() ? r.token() : super.getAccessToken();
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        long now = System.nanoTime();
        super.updateAccessToken(accessToken, expiresInSeconds);
        remember(accessToken, expiresInSeconds, now);
    }

    @Override
    public void expireAccessToken() {
        remembered = null;
        super.expireAccessToken();
    }

    /** For half a minute, or until a minute before the token's end when that comes sooner; not at all in that minute. */
    private void remember(String token, long secondsLeft, long now) {
        long rememberFor = Math.min(REMEMBERED.toSeconds(), secondsLeft - LAST_MINUTE.toSeconds());
        remembered = rememberFor > 0 ? new Remembered(token, now + Duration.ofSeconds(rememberFor).toNanos()) : null;
    }
}
