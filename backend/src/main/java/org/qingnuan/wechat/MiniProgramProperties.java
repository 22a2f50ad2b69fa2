package org.qingnuan.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mini-program (小程序) as configured in its WeChat admin console ({@code qingnuan.wechat.mini.*}).
 *
 * @param appId   AppID (env {@code QN_WX_MINI_APP_ID})
 * @param secret  AppSecret, for code2Session and access tokens (env {@code QN_WX_MINI_SECRET})
 * @param apiHost WeChat's API host, {@code https://api.weixin.qq.com} when blank; only tests point it
 *                elsewhere (a local stub)
 */
@ConfigurationProperties("qingnuan.wechat.mini")
public record MiniProgramProperties(String appId, String secret, String apiHost) {

    /** Whether the AppID and secret are both set; without them no call is made. */
    public boolean configured() {
        return appId != null && !appId.isBlank() && secret != null && !secret.isBlank();
    }
}
