package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A help request as staff see it in the admin web ({@code /api/admin/**}); not part of the mini-program
 * contract, whose families read {@link MiniTicketView}. Address and phone are masked unless the staff
 * member revealed them.
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
        @Schema(description = "PENDING：提交后正在自动检测（几秒钟）；PASS：已通过内容安全检测；REVIEW：等待工作人员审核后才对志愿者可见；CLEARED：工作人员已审核")
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
        @Schema(description = "处理经过，按时间先后") List<Event> history,
        @Schema(description = "派单情况（仅工作人员接口；未派单时为空）") Dispatch dispatch,
        @Schema(description = "当前工作人员可以做的操作（仅工作人员接口），如 DISPATCH、DISPATCH_ACCEPT、PASS_BACK、ASSIGN")
        List<String> actions,
        @Schema(description = "求助照片及其审核状态：审核中、已通过、已隐藏（违规）、待人工审核；列表中不给出") List<PhotoView> photos,
        @Schema(description = "完成照片及其审核状态；列表中不给出") List<PhotoView> donePhotos,
        @Schema(description = "志愿者完成说明的内容安全检测：PASS 已通过；REVIEW 待审核（家属看不到）；空：工作人员填写或无需检测")
        String doneNoteCheck) {

    /** The same request as the family sees it: no dispatch details, no staff actions. */
    public TicketView(long id, long familyId, TicketCategory category, String categoryLabel, Urgency urgency,
                      String urgencyLabel, TicketStatus status, String statusLabel, Channel channel, String channelLabel,
                      boolean crisis, String contentCheck, String description, String address, String district,
                      SubmitTicketRequest.TimeWindow preferredTime, ContactMethod contactMethod, String contactMethodLabel,
                      String contactPhone, List<String> photoUrls, String doneNote, List<String> donePhotoUrls,
                      Integer rating, String ratingComment, CloseReason closeReason, String closeReasonLabel,
                      LocalDateTime createdAt, LocalDateTime updatedAt, List<Event> history) {
        this(id, familyId, category, categoryLabel, urgency, urgencyLabel, status, statusLabel, channel, channelLabel,
                crisis, contentCheck, description, address, district, preferredTime, contactMethod, contactMethodLabel,
                contactPhone, photoUrls, doneNote, donePhotoUrls, rating, ratingComment, closeReason, closeReasonLabel,
                createdAt, updatedAt, history, null, null, null, null, null);
    }

    /** The same view with the photos' check states and the completion note's check, for staff. */
    public TicketView withChecks(List<PhotoView> photos, List<PhotoView> donePhotos, String doneNoteCheck) {
        return new TicketView(id, familyId, category, categoryLabel, urgency, urgencyLabel, status, statusLabel, channel,
                channelLabel, crisis, contentCheck, description, address, district, preferredTime, contactMethod,
                contactMethodLabel, contactPhone, photoUrls, doneNote, donePhotoUrls, rating, ratingComment, closeReason,
                closeReasonLabel, createdAt, updatedAt, history, dispatch, actions, photos, donePhotos, doneNoteCheck);
    }

    /** The same view for staff, with the dispatch block and what they may do. */
    public TicketView forStaff(Dispatch dispatch, List<String> actions) {
        return new TicketView(id, familyId, category, categoryLabel, urgency, urgencyLabel, status, statusLabel, channel,
                channelLabel, crisis, contentCheck, description, address, district, preferredTime, contactMethod,
                contactMethodLabel, contactPhone, photoUrls, doneNote, donePhotoUrls, rating, ratingComment, closeReason,
                closeReasonLabel, createdAt, updatedAt, history, dispatch, actions, photos, donePhotos, doneNoteCheck);
    }

    /** Where a referred request stands: the responsible unit, its deadline, whether it is late. */
    public record Dispatch(long unitOrgId, String unitName,
                           @Schema(description = "PENDING 待承办单位接单；ACCEPTED 承办单位已接单") String state,
                           String stateLabel, Long dispatcherOrgId, String dispatcherOrgName, LocalDateTime dispatchedAt,
                           @Schema(description = "完成期限") LocalDateTime deadline,
                           @Schema(description = "已超过完成期限，或在某一状态停留过久") boolean overdue,
                           @Schema(description = "只对承办单位自己的志愿者发布") boolean ownVolunteersOnly) {
    }

    /** One step of the request's history. */
    public record Event(String action, String actionLabel, TicketStatus fromStatus, TicketStatus toStatus,
                        @Schema(description = "谁做的，如“家属”“工作人员 王芳”“系统”") String actor,
                        String note, LocalDateTime at) {
    }
}
