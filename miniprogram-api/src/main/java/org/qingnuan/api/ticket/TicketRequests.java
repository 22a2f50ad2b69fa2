package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.PlainText;

/** Bodies of the state changes of a help request. */
public final class TicketRequests {

    private TicketRequests() {
    }

    public record Cancel(@Size(max = 200, message = "原因最多 200 个字") @PlainText String reason) {
    }

    public record Confirm(
            @Schema(description = "满意度 1–5 星")
            @NotNull(message = "请打分") @Min(value = 1, message = "评分为 1 到 5 星") @Max(value = 5, message = "评分为 1 到 5 星")
            Integer rating,
            @Size(max = 300, message = "评价最多 300 个字") @PlainText String comment) {
    }

    /** Staff: with a note kept in the history (optional). */
    public record Note(@Size(max = 200, message = "备注最多 200 个字") @PlainText String note) {
    }

    /** Staff: open to volunteers; a responsible unit may open it to its own volunteers only. */
    public record Open(@Size(max = 200, message = "备注最多 200 个字") @PlainText String note,
                       @Schema(description = "只对本单位（承办单位）的志愿者发布") Boolean ownVolunteersOnly) {
    }

    public record Reject(@NotBlank(message = "请填写不予受理的原因，家属会看到它")
                         @Size(max = 200, message = "原因最多 200 个字") @PlainText String reason) {
    }

    public record Close(@NotNull(message = "请选择关闭原因") CloseReason reason,
                        @Size(max = 200, message = "备注最多 200 个字") @PlainText String note) {
    }

    public record Complete(@NotBlank(message = "请填写完成情况")
                           @Size(max = 500, message = "完成情况最多 500 个字") @PlainText String note) {
    }

    /** Ask for a signed upload policy for one photo. */
    public record UploadPolicyRequest(
            @Schema(description = "image/jpeg、image/png 或 image/webp")
            @NotBlank(message = "请说明图片类型")
            @Pattern(regexp = "^image/(jpeg|png|webp)$", message = "只能上传 JPG、PNG 或 WebP 图片") String contentType,
            @Schema(description = "文件大小（字节），不超过 10 MB")
            @NotNull(message = "请说明文件大小") @Min(value = 1, message = "文件是空的")
            @Max(value = 10_485_760, message = "单张图片不能超过 10 MB") Long size) {
    }
}
