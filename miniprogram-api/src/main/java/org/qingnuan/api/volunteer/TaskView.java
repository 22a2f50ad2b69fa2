package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.qingnuan.api.ticket.SubmitTicketRequest;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A task as a volunteer sees it. Until they claim it, only the district shows; the exact address
 * and phone appear only while the task is theirs, and each view of them is logged.
 */
public record TaskView(long id, TicketCategory category, String categoryLabel, Urgency urgency, TicketStatus status,
                       String description, @Schema(description = "区") String district,
                       @Schema(description = "与志愿者常住位置的距离（公里，一位小数）") Double distanceKm,
                       SubmitTicketRequest.TimeWindow preferredTime, String contactMethod,
                       @Schema(description = "仅在任务属于本人时给出") String address,
                       @Schema(description = "仅在任务属于本人时给出") String contactPhone,
                       LocalDateTime claimedAt, LocalDateTime startedAt,
                       @Schema(description = "家属上传的照片（10 分钟内有效），只给出已通过微信内容安全检测的；列表中不给出")
                       List<String> photoUrls) {
}
