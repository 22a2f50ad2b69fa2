package org.qingnuan.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.PlainText;

/** "Show me the clear value, and here is why." The reason is kept with the access record. */
public record RevealRequest(
        @NotBlank(message = "请填写查看原因，例如：电话回访家属") @Size(min = 2, max = 200, message = "查看原因为 2–200 个字")
        @PlainText String reason) {
}
