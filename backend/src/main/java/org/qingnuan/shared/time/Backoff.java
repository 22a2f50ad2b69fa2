package org.qingnuan.shared.time;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** When to try a failed send again: a pause per attempt made, then no more. */
public record Backoff(List<Duration> pauses) {

    /** WeChat's refusals for rate or availability pass within the hour: after 1, 5, 15 and 60 minutes, then give up. */
    public static final Backoff WECHAT = new Backoff(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60)));

    /** The time of the next attempt after {@code attempts} (1 or more) have failed, or empty when they are used up. */
    public Optional<LocalDateTime> next(int attempts, LocalDateTime now) {
        return attempts > pauses.size() ? Optional.empty() : Optional.of(now.plus(pauses.get(Math.max(1, attempts) - 1)));
    }
}
