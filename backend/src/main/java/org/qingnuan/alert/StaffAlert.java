package org.qingnuan.alert;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/** Something staff of an org must see at once (a crisis request), shown in the admin web. */
@TableName("staff_alert")
@OrgScoped
public class StaffAlert extends Timestamped {

    public enum Kind { CRISIS, TASK_RELEASED, DISPATCH, OVERDUE, RELEASE_PATTERN, PHOTO_RISKY }

    private Long orgId;
    private Kind kind;
    private Long ticketId;
    private String title;
    private LocalDateTime readAt;
    /** Set when the cause went away (the request done or ended, a released task claimed again). */
    private LocalDateTime closedAt;
    private String closeReason;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDateTime getReadAt() { return readAt; }
    public void setReadAt(LocalDateTime readAt) { this.readAt = readAt; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public void setClosedAt(LocalDateTime closedAt) { this.closedAt = closedAt; }
    public String getCloseReason() { return closeReason; }
    public void setCloseReason(String closeReason) { this.closeReason = closeReason; }
}
