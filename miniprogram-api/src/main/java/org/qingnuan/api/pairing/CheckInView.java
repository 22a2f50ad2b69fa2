package org.qingnuan.api.pairing;

import java.time.LocalDateTime;

public record CheckInView(long id, CheckInMethod method, String methodLabel, String note, LocalDateTime happenedAt) {
}
