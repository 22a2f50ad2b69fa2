package org.qingnuan.dispatch;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/** The outcome of one follow-up call to a family whose request is done but not confirmed. */
@TableName("ticket_follow_up")
@OrgScoped
public class FollowUp {

    public enum Outcome {
        CONFIRMED("家属确认已解决"), NOT_REACHED("未联系上"), PROBLEM("仍有问题");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long ticketId;
    private Long orgId;
    private Outcome outcome;
    private String note;
    private Long staffId;
    private String staffName;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getStaffId() { return staffId; }
    public void setStaffId(Long staffId) { this.staffId = staffId; }
    public String getStaffName() { return staffName; }
    public void setStaffName(String staffName) { this.staffName = staffName; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
