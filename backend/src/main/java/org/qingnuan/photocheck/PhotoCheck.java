package org.qingnuan.photocheck;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/**
 * WeChat's check of one uploaded photo, and so who may see it: PENDING until WeChat's verdict arrives, then PASS
 * (anyone who sees what it belongs to), RISKY (hidden everywhere but from staff), or UNCHECKED (WeChat could not
 * check it or was unsure: hidden like PENDING until staff decide). Not jurisdiction-filtered: it is read for
 * photos the caller already reached through their request or story; staff's own changes check the org.
 */
@TableName("photo_check")
public class PhotoCheck extends Timestamped {

    /** What the photo belongs to. */
    public enum Owner {
        REQUEST("求助"), COMPLETION("求助"), STORY("先进典型");

        private final String label;

        Owner(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        PENDING("审核中"), PASS("已通过"), RISKY("已隐藏（违规）"), UNCHECKED("待人工审核");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private String photoKey;
    private Owner ownerType;
    private Long ownerId;
    private Long orgId;
    private Long uploaderUserId;
    private Long uploaderStaffId;
    private String openId;
    private String traceId;
    private Status status;
    private Integer label;
    private Integer attempts;
    private LocalDateTime nextAttemptAt;
    private Integer lastErrcode;
    private LocalDateTime submittedAt;
    private LocalDateTime decidedAt;
    private Long decidedBy;

    public String getPhotoKey() { return photoKey; }
    void setPhotoKey(String photoKey) { this.photoKey = photoKey; }
    public Owner getOwnerType() { return ownerType; }
    void setOwnerType(Owner ownerType) { this.ownerType = ownerType; }
    public Long getOwnerId() { return ownerId; }
    void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public Long getOrgId() { return orgId; }
    void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getUploaderUserId() { return uploaderUserId; }
    void setUploaderUserId(Long uploaderUserId) { this.uploaderUserId = uploaderUserId; }
    public Long getUploaderStaffId() { return uploaderStaffId; }
    void setUploaderStaffId(Long uploaderStaffId) { this.uploaderStaffId = uploaderStaffId; }
    public String getOpenId() { return openId; }
    void setOpenId(String openId) { this.openId = openId; }
    public String getTraceId() { return traceId; }
    void setTraceId(String traceId) { this.traceId = traceId; }
    public Status getStatus() { return status; }
    void setStatus(Status status) { this.status = status; }
    public Integer getLabel() { return label; }
    void setLabel(Integer label) { this.label = label; }
    public Integer getAttempts() { return attempts; }
    void setAttempts(Integer attempts) { this.attempts = attempts; }
    public LocalDateTime getNextAttemptAt() { return nextAttemptAt; }
    void setNextAttemptAt(LocalDateTime nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Integer getLastErrcode() { return lastErrcode; }
    void setLastErrcode(Integer lastErrcode) { this.lastErrcode = lastErrcode; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    void setSubmittedAt(LocalDateTime submittedAt) { this.submittedAt = submittedAt; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
    public Long getDecidedBy() { return decidedBy; }
    void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }

    /** Whether a stranger (neither the uploader nor staff) may see it. */
    public boolean passed() {
        return status == Status.PASS;
    }
}
