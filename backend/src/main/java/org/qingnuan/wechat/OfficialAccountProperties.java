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
 */
@ConfigurationProperties("qingnuan.wechat.mp")
public record OfficialAccountProperties(String appId, String secret, String token, String aesKey, Duration maxClockSkew,
                                        String apiHost, String miniProgramAppId) {

    public OfficialAccountProperties {
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
    }

    public boolean configured() {
        return appId != null && !appId.isBlank() && token != null && !token.isBlank();
    }
}
