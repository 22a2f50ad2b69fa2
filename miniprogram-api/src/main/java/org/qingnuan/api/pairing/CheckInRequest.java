package org.qingnuan.api.pairing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.PlainText;

import java.time.LocalDateTime;

public record CheckInRequest(@NotNull(message = "请选择联系方式") CheckInMethod method,
                             @Size(max = 500, message = "记录最多 500 个字") @PlainText String note,
                             @Schema(description = "何时联系的；不填为现在")
                             @PastOrPresent(message = "联系时间不能在将来") LocalDateTime happenedAt) {
}
