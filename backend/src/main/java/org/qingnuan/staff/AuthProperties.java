package org.qingnuan.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Staff sign-in rules ({@code qingnuan.auth.*}).
 *
 * @param idleTimeout           a token unused this long is dead
 * @param absoluteTimeout       a token is dead this long after sign-in, used or not
 * @param maxFailedLogins       wrong passwords in a row before the account locks
 * @param lockDuration          how long it stays locked
 * @param maxFailedLoginsPerIp  failed sign-ins from one address within {@code failedLoginWindow} before 429
 * @param failedLoginWindow     window of the per-address count
 */
@ConfigurationProperties("qingnuan.auth")
public record AuthProperties(Duration idleTimeout, Duration absoluteTimeout, int maxFailedLogins,
                             Duration lockDuration, int maxFailedLoginsPerIp, Duration failedLoginWindow) {
}
