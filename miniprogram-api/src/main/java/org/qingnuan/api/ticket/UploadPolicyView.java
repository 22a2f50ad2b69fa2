package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** What wx.uploadFile needs: {@code url}, name {@code file}, and {@code formFields} as formData. */
public record UploadPolicyView(
        @Schema(description = "wx.uploadFile 的 url") String url,
        @Schema(description = "对象键：上传成功后放进 photoKeys") String key,
        @Schema(description = "wx.uploadFile 的 formData，原样传") Map<String, String> formFields,
        Instant expiresAt,
        long maxBytes) {
}
