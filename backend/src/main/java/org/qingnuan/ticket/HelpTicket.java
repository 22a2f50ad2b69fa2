package org.qingnuan.ticket;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.CloseReason;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A family's request for help. Its state and the columns of each move are written only by {@link TicketLifecycle},
 * one method per move checked against {@link TicketAction}; the setters are package-private, for building a new
 * request ({@link NewTickets}, {@link CarePlans}) and for MyBatis-Plus, which maps fields by reflection.
 */
@TableName("help_ticket")
@OrgScoped(alsoColumns = "assigned_org_id")
public class HelpTicket extends Timestamped {

    /** Who submitted it. */
    public enum Submitter { FAMILY, MEDICAL_WORKER, CADRE, STAFF }

    /** Where the responsible unit is with a dispatched request. */
    public enum DispatchState { PENDING, ACCEPTED }

    /**
     * The text check's outcome. PENDING: a family's submission, saved before its check, which runs right after the 201
     * ({@code TicketTextChecks}) and ends in PASS or REVIEW within seconds. REVIEW waits for staff before volunteers may
     * see the request; CLEARED: staff read it.
     */
    public enum ContentCheck { PENDING, PASS, REVIEW, CLEARED }

    private Long orgId;
    /** The unit the request was referred to (派单); its staff see the request too. */
    private Long assignedOrgId;
    private DispatchState dispatchState;
    private Long dispatcherOrgId;
    private Long dispatchedBy;
    private LocalDateTime dispatchedAt;
    private LocalDateTime deadlineAt;
    /** Opened by a unit to its own volunteers only: volunteers of this org's subtree. */
    private Long openToOrgId;
    private Boolean overdue;
    /** When the current status began. */
    private LocalDateTime statusSince;
    private Long familyId;
    private Channel channel;
    private Submitter submitterType;
    private Long submitterUserId;
    private Long submitterStaffId;
    private TicketCategory category;
    private Urgency urgency;
    private TicketStatus status;
    private Boolean crisis;
    private ContentCheck contentCheck;
    private String descriptionSealed;
    private String addressSealed;
    private String district;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private LocalDateTime windowStart;
    private LocalDateTime windowEnd;
    private ContactMethod contactMethod;
    private String contactPhoneSealed;
    private String photoKeys;
    private String doneNote;
    private String donePhotoKeys;
    /** The volunteer's note's text check: REVIEW keeps it from the family; null for staff's notes and older rows. */
    private ContentCheck doneNoteCheck;
    private Integer rating;
    private String ratingComment;
    private CloseReason closeReason;
    private LocalDateTime acceptedAt;
    private LocalDateTime doneAt;
    private LocalDateTime confirmedAt;
    private LocalDateTime closedAt;
    private Long claimedBy;
    private LocalDateTime claimedAt;
    private LocalDateTime startedAt;
    private Integer version;
    /**
     * The history rows written through this instance, in order; not a column (transient: MyBatis-Plus maps no such
     * field). A request created in this call holds its whole history from its SUBMIT step on, so its first answer
     * needs no read of what was just written (issue 19).
     */
    private final transient List<HelpTicketEvent> stepsWritten = new ArrayList<>();

    public Long getOrgId() { return orgId; }
    void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getAssignedOrgId() { return assignedOrgId; }
    void setAssignedOrgId(Long assignedOrgId) { this.assignedOrgId = assignedOrgId; }
    public DispatchState getDispatchState() { return dispatchState; }
    void setDispatchState(DispatchState dispatchState) { this.dispatchState = dispatchState; }
    public Long getDispatcherOrgId() { return dispatcherOrgId; }
    void setDispatcherOrgId(Long dispatcherOrgId) { this.dispatcherOrgId = dispatcherOrgId; }
    public Long getDispatchedBy() { return dispatchedBy; }
    void setDispatchedBy(Long dispatchedBy) { this.dispatchedBy = dispatchedBy; }
    public LocalDateTime getDispatchedAt() { return dispatchedAt; }
    void setDispatchedAt(LocalDateTime dispatchedAt) { this.dispatchedAt = dispatchedAt; }
    public LocalDateTime getDeadlineAt() { return deadlineAt; }
    void setDeadlineAt(LocalDateTime deadlineAt) { this.deadlineAt = deadlineAt; }
    public Long getOpenToOrgId() { return openToOrgId; }
    void setOpenToOrgId(Long openToOrgId) { this.openToOrgId = openToOrgId; }
    public Boolean getOverdue() { return overdue; }
    void setOverdue(Boolean overdue) { this.overdue = overdue; }
    public LocalDateTime getStatusSince() { return statusSince; }
    void setStatusSince(LocalDateTime statusSince) { this.statusSince = statusSince; }
    public Long getFamilyId() { return familyId; }
    void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Channel getChannel() { return channel; }
    void setChannel(Channel channel) { this.channel = channel; }
    public Submitter getSubmitterType() { return submitterType; }
    void setSubmitterType(Submitter submitterType) { this.submitterType = submitterType; }
    public Long getSubmitterUserId() { return submitterUserId; }
    void setSubmitterUserId(Long submitterUserId) { this.submitterUserId = submitterUserId; }
    public Long getSubmitterStaffId() { return submitterStaffId; }
    void setSubmitterStaffId(Long submitterStaffId) { this.submitterStaffId = submitterStaffId; }
    public TicketCategory getCategory() { return category; }
    void setCategory(TicketCategory category) { this.category = category; }
    public Urgency getUrgency() { return urgency; }
    void setUrgency(Urgency urgency) { this.urgency = urgency; }
    public TicketStatus getStatus() { return status; }
    void setStatus(TicketStatus status) { this.status = status; }
    public Boolean getCrisis() { return crisis; }
    void setCrisis(Boolean crisis) { this.crisis = crisis; }
    public ContentCheck getContentCheck() { return contentCheck; }
    void setContentCheck(ContentCheck contentCheck) { this.contentCheck = contentCheck; }
    public String getDescriptionSealed() { return descriptionSealed; }
    void setDescriptionSealed(String descriptionSealed) { this.descriptionSealed = descriptionSealed; }
    public String getAddressSealed() { return addressSealed; }
    void setAddressSealed(String addressSealed) { this.addressSealed = addressSealed; }
    public String getDistrict() { return district; }
    void setDistrict(String district) { this.district = district; }
    public BigDecimal getLatitude() { return latitude; }
    void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public LocalDateTime getWindowStart() { return windowStart; }
    void setWindowStart(LocalDateTime windowStart) { this.windowStart = windowStart; }
    public LocalDateTime getWindowEnd() { return windowEnd; }
    void setWindowEnd(LocalDateTime windowEnd) { this.windowEnd = windowEnd; }
    public ContactMethod getContactMethod() { return contactMethod; }
    void setContactMethod(ContactMethod contactMethod) { this.contactMethod = contactMethod; }
    public String getContactPhoneSealed() { return contactPhoneSealed; }
    void setContactPhoneSealed(String contactPhoneSealed) { this.contactPhoneSealed = contactPhoneSealed; }
    public String getPhotoKeys() { return photoKeys; }
    void setPhotoKeys(String photoKeys) { this.photoKeys = photoKeys; }
    public String getDoneNote() { return doneNote; }
    void setDoneNote(String doneNote) { this.doneNote = doneNote; }
    public String getDonePhotoKeys() { return donePhotoKeys; }
    void setDonePhotoKeys(String donePhotoKeys) { this.donePhotoKeys = donePhotoKeys; }
    public ContentCheck getDoneNoteCheck() { return doneNoteCheck; }
    void setDoneNoteCheck(ContentCheck doneNoteCheck) { this.doneNoteCheck = doneNoteCheck; }
    public Integer getRating() { return rating; }
    void setRating(Integer rating) { this.rating = rating; }
    public String getRatingComment() { return ratingComment; }
    void setRatingComment(String ratingComment) { this.ratingComment = ratingComment; }
    public CloseReason getCloseReason() { return closeReason; }
    void setCloseReason(CloseReason closeReason) { this.closeReason = closeReason; }
    public LocalDateTime getAcceptedAt() { return acceptedAt; }
    void setAcceptedAt(LocalDateTime acceptedAt) { this.acceptedAt = acceptedAt; }
    public LocalDateTime getDoneAt() { return doneAt; }
    void setDoneAt(LocalDateTime doneAt) { this.doneAt = doneAt; }
    public LocalDateTime getConfirmedAt() { return confirmedAt; }
    void setConfirmedAt(LocalDateTime confirmedAt) { this.confirmedAt = confirmedAt; }
    public LocalDateTime getClosedAt() { return closedAt; }
    void setClosedAt(LocalDateTime closedAt) { this.closedAt = closedAt; }
    public Integer getVersion() { return version; }
    void setVersion(Integer version) { this.version = version; }
    public Long getClaimedBy() { return claimedBy; }
    void setClaimedBy(Long claimedBy) { this.claimedBy = claimedBy; }
    public LocalDateTime getClaimedAt() { return claimedAt; }
    void setClaimedAt(LocalDateTime claimedAt) { this.claimedAt = claimedAt; }
    public LocalDateTime getStartedAt() { return startedAt; }
    void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }

    /** Called by {@link TicketLifecycle} for each history row it writes for this instance. */
    void wrote(HelpTicketEvent step) {
        stepsWritten.add(step);
    }

    /**
     * The whole history, if this instance wrote it all: it was created in this call (its first step written is the
     * SUBMIT). An instance read from the table, or one a move read back, holds at most its latest steps: empty then.
     */
    Optional<List<HelpTicketEvent>> historyIfWrittenHere() {
        return !stepsWritten.isEmpty() && stepsWritten.get(0).getAction() == TicketAction.SUBMIT
                ? Optional.of(List.copyOf(stepsWritten)) : Optional.empty();
    }

    /**
     * This row as the claim's conditional move left it ({@code HelpTicketMapper#claim}: the new state and its stamps,
     * the claimer), so that a winning claim needs no second read. Only {@link TicketLifecycle} calls it, after the
     * move changed exactly this row.
     */
    HelpTicket claimedAs(TicketStatus to, long volunteerId, LocalDateTime now) {
        movedTo(to, now);
        claimedBy = volunteerId;
        claimedAt = now;
        return this;
    }

    /** This row as acceptance's conditional move left it ({@code HelpTicketMapper#accept}), as {@link #claimedAs}. */
    HelpTicket acceptedAs(TicketStatus to, boolean clearReview, LocalDateTime now) {
        movedTo(to, now);
        acceptedAt = now;
        if (clearReview) {
            contentCheck = ContentCheck.CLEARED;
        }
        return this;
    }

    /** What every move into a new state writes ({@code HelpTicketMapper#NEW_STATE}). */
    private void movedTo(TicketStatus to, LocalDateTime now) {
        status = to;
        version = version + 1;
        setUpdatedAt(now);
        statusSince = now;
        overdue = false;
    }
}
