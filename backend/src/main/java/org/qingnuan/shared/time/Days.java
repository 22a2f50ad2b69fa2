package org.qingnuan.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/** Calendar days in the application's zone (the clock's: Asia/Shanghai), for limits that reset at midnight. */
public final class Days {

    private Days() {
    }

    /** How long until the next midnight. */
    public static Duration untilTomorrow(Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay());
    }
}
