package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;

/** Whether the volunteer agreed that staff may publish a story (先进典型) about them. */
public record StoryConsentView(
        @Schema(description = "是否同意在“先进典型”中展示本人的姓名、照片和事迹") boolean consented,
        @Schema(description = "同意的时间（北京时间）；未同意时为空") LocalDateTime consentedAt) {

    /** The body of a change: agree, or withdraw (published stories about the volunteer are taken down at once). */
    public record Change(@jakarta.validation.constraints.NotNull(message = "请选择同意或不同意") Boolean consent) {
    }
}
