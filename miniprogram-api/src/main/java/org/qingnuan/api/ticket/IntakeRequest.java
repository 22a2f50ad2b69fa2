package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.PlainText;

/** A need taken by staff on the 12355 hotline, from a WeChat group or on a visit: the same request model. */
public record IntakeRequest(
        @Schema(description = "家庭：先用 /api/admin/families/search 按姓名或电话查找")
        @NotNull(message = "请先查找并选择家庭") Long familyId,
        @Schema(description = "HOTLINE_12355、WECHAT_GROUP 或 VISIT")
        @NotNull(message = "请选择需求来源") Channel channel,
        @NotNull(message = "请选择求助类别") TicketCategory category,
        Urgency urgency,
        @NotBlank(message = "请记录需要什么帮助")
        @Size(min = 5, max = 500, message = "请用 5 到 500 个字记录需要什么帮助") @PlainText String description,
        @Schema(description = "服务地址；不填则用登记的家庭住址")
        @Size(max = 200, message = "地址最多 200 个字") @PlainText String address,
        @Valid SubmitTicketRequest.TimeWindow preferredTime,
        @NotNull(message = "请选择联系方式") ContactMethod contactMethod,
        @Pattern(regexp = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$", message = "请填写正确的手机号或座机号") String contactPhone,
        @Schema(description = "来电或反映人，如“家属本人”“社区网格员”")
        @Size(max = 32, message = "最多 32 个字") @PlainText String reportedBy) {
}
