package org.qingnuan.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mini-program (小程序) as configured in its WeChat admin console ({@code qingnuan.wechat.mini.*}).
 *
 * @param appId   AppID (env {@code QN_WX_MINI_APP_ID})
 * @param secret  AppSecret, for code2Session and access tokens (env {@code QN_WX_MINI_SECRET})
 * @param apiHost WeChat's API host, {@code https://api.weixin.qq.com} when blank; only tests point it
 *                elsewhere (a local stub)
 * @param token   the message push's Token (开发管理 → 消息推送), which signs every push (env {@code QN_WX_MINI_TOKEN});
 *                without it every push is refused
 * @param aesKey  the message push's EncodingAESKey (env {@code QN_WX_MINI_AES_KEY}); once set, only encrypted
 *                (safe-mode) pushes are accepted
 */
@ConfigurationProperties("qingnuan.wechat.mini")
public record MiniProgramProperties(String appId, String secret, String apiHost, String token, String aesKey) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public MiniProgramProperties {
    }

    /** Without the message push (tests of the API calls). */
    public MiniProgramProperties(String appId, String secret, String apiHost) {
        this(appId, secret, apiHost, null, null);
    }

    /** Whether pushes can be checked: an AppID and a Token. */
    public boolean pushConfigured() {
        return appId != null && !appId.isBlank() && token != null && !token.isBlank();
    }

    /** Safe mode once an EncodingAESKey is set: a plain push's body is covered by no signature. */
    public boolean encryptedPushesOnly() {
        return aesKey != null && !aesKey.isBlank();
    }

    /** Whether the AppID and secret are both set; without them no call is made. */
    public boolean configured() {
        return appId != null && !appId.isBlank() && secret != null && !secret.isBlank();
    }
}
