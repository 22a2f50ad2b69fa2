package org.qingnuan.api.report;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.api.validation.PlainText;

import java.util.List;

/** Today's needs of a medical team: supplies with quantities, and needs in words. */
public record DemandReportRequest(
        @Schema(description = "物资，如 N95口罩 200 个（规格 KN95）")
        @Size(max = 30, message = "一次最多报告 30 项物资") List<@Valid Supply> supplies,
        @Schema(description = "非物资需求，用文字说明，如“需要心理疏导”")
        @Size(max = 10, message = "一次最多 10 项文字需求")
        List<@NotBlank(message = "需求不能为空") @Size(max = 64, message = "每项需求最多 64 个字") @PlainText String> needs) {

    @Schema(hidden = true)
    @com.fasterxml.jackson.annotation.JsonIgnore
    @AssertTrue(message = "请至少填写一项物资或需求")
    public boolean isNotEmpty() {
        return (supplies != null && !supplies.isEmpty()) || (needs != null && !needs.isEmpty());
    }

    public record Supply(
            @NotBlank(message = "请填写物资名称") @Size(max = 64, message = "物资名称最多 64 个字") @PlainText String name,
            @NotNull(message = "请填写数量") @Min(value = 1, message = "数量至少为 1")
            @Max(value = 9_999_999, message = "数量过大") Integer quantity,
            @Schema(description = "单位，如 个、套、箱") @Size(max = 8, message = "单位最多 8 个字") @PlainText String unit,
            @Schema(description = "规格，如 KN95、L 号") @Size(max = 64, message = "规格最多 64 个字") @PlainText String spec,
            @Schema(description = "缺省 NORMAL") Urgency urgency) {
    }
}
