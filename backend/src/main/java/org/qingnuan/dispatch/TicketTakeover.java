package org.qingnuan.dispatch;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/**
 * A unit's request to take over a request another unit holds. Visible to the family's org and to both
 * units (the asking unit may not see the request itself).
 */
@TableName("ticket_takeover")
@OrgScoped(alsoColumns = {"from_org_id", "to_org_id"})
public class TicketTakeover extends Timestamped {

    public enum Status {
        PENDING("待审批"), APPROVED("已同意"), DECLINED("未同意"), AUTO_APPROVED("超时自动同意"), LAPSED("已失效");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Long ticketId;
    private Long orgId;
    private Long fromOrgId;
    private Long toOrgId;
    private Long requestedBy;
    private String requestedByName;
    private String reason;
    private Status status;
    private Long decidedBy;
    private String decidedByName;
    private String decisionNote;
    private LocalDateTime decidedAt;

    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getFromOrgId() { return fromOrgId; }
    public void setFromOrgId(Long fromOrgId) { this.fromOrgId = fromOrgId; }
    public Long getToOrgId() { return toOrgId; }
    public void setToOrgId(Long toOrgId) { this.toOrgId = toOrgId; }
    public Long getRequestedBy() { return requestedBy; }
    public void setRequestedBy(Long requestedBy) { this.requestedBy = requestedBy; }
    public String getRequestedByName() { return requestedByName; }
    public void setRequestedByName(String requestedByName) { this.requestedByName = requestedByName; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Long getDecidedBy() { return decidedBy; }
    public void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }
    public String getDecidedByName() { return decidedByName; }
    public void setDecidedByName(String decidedByName) { this.decidedByName = decidedByName; }
    public String getDecisionNote() { return decisionNote; }
    public void setDecisionNote(String decisionNote) { this.decisionNote = decisionNote; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
}
