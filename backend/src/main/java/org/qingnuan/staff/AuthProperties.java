package org.qingnuan.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Staff sign-in rules ({@code qingnuan.auth.*}).
 *
 * @param idleTimeout              a token unused this long is dead
 * @param absoluteTimeout          a token is dead this long after sign-in, used or not
 * @param maxFailedLogins          wrong passwords in a row for one username from one address before that pair locks
 * @param lockDuration             how long the first lock of a pair lasts; each further lock of the pair doubles it
 * @param maxLockDuration          the longest lock
 * @param maxFailedLoginsPerIp     failed sign-ins from one address within {@code failedLoginWindow} before 429
 * @param failedLoginWindow        window of the per-address count
 * @param maxFailedLoginsPerAccount failed sign-ins for one username from addresses it never signed in from, within
 *                                 {@code accountFailureWindow}, before those addresses are refused (its usual
 *                                 addresses still get in)
 * @param accountFailureWindow     window of the per-account count
 * @param usualAddressMemory       how long an address with a successful sign-in counts as usual for the account
 */
@ConfigurationProperties("qingnuan.auth")
public record AuthProperties(Duration idleTimeout, Duration absoluteTimeout, int maxFailedLogins,
                             Duration lockDuration, Duration maxLockDuration, int maxFailedLoginsPerIp,
                             Duration failedLoginWindow, int maxFailedLoginsPerAccount, Duration accountFailureWindow,
                             Duration usualAddressMemory) {

    public AuthProperties {
        maxLockDuration = maxLockDuration == null ? Duration.ofHours(24) : maxLockDuration;
        maxFailedLoginsPerAccount = maxFailedLoginsPerAccount <= 0 ? 30 : maxFailedLoginsPerAccount;
        accountFailureWindow = accountFailureWindow == null ? Duration.ofHours(1) : accountFailureWindow;
        usualAddressMemory = usualAddressMemory == null ? Duration.ofDays(90) : usualAddressMemory;
    }
}
