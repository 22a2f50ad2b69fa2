package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A help request as its family (or entitled staff) sees it. Address and phone are masked unless
 * the reader is entitled to them in clear: the family itself, or staff who revealed them.
 */
public record TicketView(
        long id,
        long familyId,
        TicketCategory category,
        String categoryLabel,
        Urgency urgency,
        String urgencyLabel,
        TicketStatus status,
        String statusLabel,
        Channel channel,
        String channelLabel,
        @Schema(description = "心理危机：已通知值班专家") boolean crisis,
        @Schema(description = "PASS：已通过内容安全检测；REVIEW：等待工作人员审核后才对志愿者可见；CLEARED：工作人员已审核")
        String contentCheck,
        String description,
        String address,
        @Schema(description = "区（对志愿者只显示到区）") String district,
        SubmitTicketRequest.TimeWindow preferredTime,
        ContactMethod contactMethod,
        String contactMethodLabel,
        String contactPhone,
        @Schema(description = "照片的临时访问地址（10 分钟内有效）") List<String> photoUrls,
        String doneNote,
        List<String> donePhotoUrls,
        Integer rating,
        String ratingComment,
        CloseReason closeReason,
        String closeReasonLabel,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Schema(description = "处理经过，按时间先后") List<Event> history) {

    /** One step of the request's history. */
    public record Event(String action, String actionLabel, TicketStatus fromStatus, TicketStatus toStatus,
                        @Schema(description = "谁做的，如“家属”“工作人员 王芳”“系统”") String actor,
                        String note, LocalDateTime at) {
    }
}
