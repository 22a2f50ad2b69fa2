package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.PlainText;

import java.time.LocalDateTime;
import java.util.List;

/** A family's request for help, as submitted from the mini-program (send an Idempotency-Key header with it). */
public record SubmitTicketRequest(
        @Schema(description = "为哪个家庭求助：当前用户角色里的 familyId")
        @NotNull(message = "请选择为哪个家庭求助") Long familyId,
        @NotNull(message = "请选择求助类别") TicketCategory category,
        @Schema(description = "缺省为 NORMAL；CRISIS 会立即通知值班心理专家和工作人员")
        Urgency urgency,
        @Schema(description = "需要什么帮助，5–500 字", example = "家里米和油都吃完了，请帮忙买一些")
        @NotBlank(message = "请说明需要什么帮助")
        @Size(min = 5, max = 500, message = "请用 5 到 500 个字说明需要什么帮助")
        @PlainText String description,
        @Schema(description = "服务地址；不填则用登记的家庭住址", example = "武汉市江岸区解放大道 1 号")
        @Size(max = 200, message = "地址最多 200 个字") @PlainText String address,
        @Valid TimeWindow preferredTime,
        @NotNull(message = "请选择联系方式") ContactMethod contactMethod,
        @Schema(description = "联系电话；不填则用登记的家属电话", example = "13800001234")
        @Pattern(regexp = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$", message = "请填写正确的手机号或座机号")
        String contactPhone,
        @Schema(description = "照片的对象键（先调 /api/mini/uploads/policy 上传），最多 9 张")
        @Size(max = 9, message = "最多上传 9 张照片")
        List<@NotBlank @Size(max = 200) String> photoKeys) {

    /** A preferred time window, e.g. Saturday 09:00–12:00. */
    public record TimeWindow(@NotNull(message = "请选择开始时间") LocalDateTime start,
                             @NotNull(message = "请选择结束时间") LocalDateTime end) {

        @Schema(hidden = true)
        @com.fasterxml.jackson.annotation.JsonIgnore
        @AssertTrue(message = "结束时间须晚于开始时间")
        public boolean isOrdered() {
            return start == null || end == null || end.isAfter(start);
        }
    }
}
