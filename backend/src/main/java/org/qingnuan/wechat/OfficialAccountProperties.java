package org.qingnuan.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The official account (公众号) as configured in its WeChat admin console ({@code qingnuan.wechat.mp.*}).
 *
 * @param appId         AppID; the decrypted body of every safe-mode message must name it
 * @param secret        AppSecret, for access tokens (stable_token, kept in Redis for every instance)
 * @param token         the callback Token used in signatures
 * @param aesKey        EncodingAESKey (43 characters) for safe (encrypted) mode
 * @param maxClockSkew  callbacks whose timestamp is further from now are refused as replays
 * @param apiHost       WeChat's API host; only tests point it elsewhere (a local stub)
 * @param miniProgramAppId the mini-program that template messages open
 * @param compatibleMode   with an {@code aesKey}, also accept plain (unencrypted) messages, whose body no
 *                         signature covers; only for the switch-over while the console is still in
 *                         plain or compatible mode ({@code QN_WX_MP_COMPATIBLE_MODE}, default off)
 */
@ConfigurationProperties("qingnuan.wechat.mp")
public record OfficialAccountProperties(String appId, String secret, String token, String aesKey, Duration maxClockSkew,
                                        String apiHost, String miniProgramAppId, boolean compatibleMode) {

    public OfficialAccountProperties {
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
    }

    /**
     * Safe mode is required once an EncodingAESKey is configured: a plain message carries only the URL
     * signature over token, timestamp and nonce, which does not cover the body, so one signed URL would
     * let anyone post any message as any follower until the timestamp goes stale.
     */
    public boolean plainMessagesRefused() {
        return aesKey != null && !aesKey.isBlank() && !compatibleMode;
    }

    public boolean configured() {
        return appId != null && !appId.isBlank() && token != null && !token.isBlank();
    }
}
