package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A help request as the family (or whoever asked for it: the medical worker, the paired partner) sees
 * it in the mini-program: their own address and phone in clear, the history, and nothing of how staff
 * handle it (dispatch, staff actions, the crisis flag).
 */
public record MiniTicketView(
        long id,
        long familyId,
        TicketCategory category,
        @Schema(example = "生活物资") String categoryLabel,
        Urgency urgency,
        @Schema(example = "一般") String urgencyLabel,
        TicketStatus status,
        @Schema(example = "已提交") String statusLabel,
        Channel channel,
        @Schema(example = "小程序") String channelLabel,
        @Schema(description = "文字等待工作人员审核（微信内容安全检测为“疑似”或未能检测）；审核前志愿者看不到")
        boolean underReview,
        @Schema(description = "心理危机求助：值班心理专家已收到提醒，会马上打电话给家属（界面应显示热线和“我们会马上给您打电话”）")
        boolean crisis,
        @Schema(example = "家里米和油都吃完了，请帮忙买一些") String description,
        @Schema(example = "武汉市江岸区解放大道 1 号") String address,
        @Schema(description = "区", example = "江岸区") String district,
        SubmitTicketRequest.TimeWindow preferredTime,
        ContactMethod contactMethod,
        @Schema(example = "电话") String contactMethodLabel,
        @Schema(example = "13800001234") String contactPhone,
        @Schema(description = "照片的临时访问地址（10 分钟内有效）；列表中不给出。本人上传的照片在微信内容安全检测通过前也给出（见 photos 的状态），他人上传的只给出已通过的")
        List<String> photoUrls,
        @Schema(description = "志愿者或工作人员填写的完成情况", example = "已送到家门口，老人已签收") String doneNote,
        @Schema(description = "完成照片的临时访问地址（10 分钟内有效）；列表中不给出。只给出已通过微信内容安全检测的")
        List<String> donePhotoUrls,
        @Schema(description = "家属的评分 1–5") Integer rating,
        @Schema(example = "志愿者很细心，谢谢") String ratingComment,
        @Schema(description = "结束原因（取消、不予受理、关闭时）") CloseReason closeReason,
        @Schema(example = "家属取消") String closeReasonLabel,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Schema(description = "处理经过，按时间先后；列表中不给出") List<Step> history,
        @Schema(description = "与 photoUrls 相同的照片及其审核状态：本人上传、尚未通过检测的显示“审核中”；列表中不给出")
        List<PhotoView> photos,
        @Schema(description = "与 donePhotoUrls 相同的照片及其审核状态；列表中不给出") List<PhotoView> donePhotos) {

    /** One step of the request's history. */
    public record Step(@Schema(example = "SUBMIT") String action, @Schema(example = "提交") String actionLabel,
                       TicketStatus fromStatus, TicketStatus toStatus,
                       @Schema(description = "谁做的，如“家属”“工作人员 王芳”“系统”", example = "家属") String actor,
                       @Schema(example = "按规则自动受理") String note, LocalDateTime at) {
    }
}
