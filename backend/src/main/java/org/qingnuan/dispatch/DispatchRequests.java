package org.qingnuan.dispatch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.PlainText;

import java.time.LocalDateTime;

/** Bodies of the dispatch steps (staff API). */
public final class DispatchRequests {

    private DispatchRequests() {
    }

    public record Dispatch(@NotNull(message = "请选择承办单位") Long unitOrgId,
                           @NotNull(message = "请填写完成期限") LocalDateTime deadline,
                           @Size(max = 200, message = "备注最多 200 个字") @PlainText String note) {
    }

    public record Deadline(@NotNull(message = "请填写新的完成期限") LocalDateTime deadline,
                           @Size(max = 200, message = "备注最多 200 个字") @PlainText String note) {
    }

    public record PassBack(@NotBlank(message = "请填写退回的原因，派单单位会看到它")
                           @Size(max = 200, message = "原因最多 200 个字") @PlainText String reason) {
    }

    public record Assign(@NotNull(message = "请选择志愿者") Long volunteerId,
                         @Size(max = 200, message = "备注最多 200 个字") @PlainText String note) {
    }

    public record Takeover(@NotNull(message = "请填写求助编号") @Min(value = 1, message = "请填写正确的求助编号") Long ticketId,
                           @NotBlank(message = "请说明为什么由本单位承办更合适")
                           @Size(max = 200, message = "原因最多 200 个字") @PlainText String reason) {
    }

    public record Decision(@Size(max = 200, message = "备注最多 200 个字") @PlainText String note) {
    }

    public record FollowUpCall(@NotNull(message = "请选择回访结果") FollowUp.Outcome outcome,
                               @Min(value = 1, message = "评分为 1 到 5 分") @Max(value = 5, message = "评分为 1 到 5 分") Integer rating,
                               @Size(max = 300, message = "备注最多 300 个字") @PlainText String note) {
    }
}
