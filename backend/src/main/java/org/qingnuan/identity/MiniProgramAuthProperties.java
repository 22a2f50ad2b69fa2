package org.qingnuan.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Mini-program sessions ({@code qingnuan.miniprogram.*}). Families should not be bounced out while
 * they wait for help, so tokens live for days; the mini-program signs in again silently with
 * wx.login when one has expired.
 *
 * @param idleTimeout     a token unused this long is dead
 * @param absoluteTimeout a token is dead this long after sign-in, however used
 * @param sessionKeyTtl   how long WeChat's session_key is kept (sealed, in Redis)
 * @param devLogin        the embedded default's demo sign-in; refused at start-up in the prod profile
 */
@ConfigurationProperties("qingnuan.miniprogram")
public record MiniProgramAuthProperties(Duration idleTimeout, Duration absoluteTimeout, Duration sessionKeyTtl,
                                        boolean devLogin) {

    public MiniProgramAuthProperties {
        idleTimeout = idleTimeout == null ? Duration.ofDays(3) : idleTimeout;
        absoluteTimeout = absoluteTimeout == null ? Duration.ofDays(30) : absoluteTimeout;
        sessionKeyTtl = sessionKeyTtl == null ? Duration.ofHours(2) : sessionKeyTtl;
    }
}
