package org.qingnuan.dispatch;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/** One missed deadline, or one state held too long, of a help request; written once, by whichever instance saw it first. */
@TableName("ticket_overdue")
@OrgScoped
public class TicketOverdue {

    public enum Kind { DEADLINE, STUCK }

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long ticketId;
    private Long orgId;
    private Long responsibleOrgId;
    private Long dispatcherOrgId;
    private Kind kind;
    private TicketStatus status;
    private String missKey;
    private Integer missNo;
    private Long escalatedOrgId;
    private LocalDateTime dueAt;
    private LocalDateTime detectedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getResponsibleOrgId() { return responsibleOrgId; }
    public void setResponsibleOrgId(Long responsibleOrgId) { this.responsibleOrgId = responsibleOrgId; }
    public Long getDispatcherOrgId() { return dispatcherOrgId; }
    public void setDispatcherOrgId(Long dispatcherOrgId) { this.dispatcherOrgId = dispatcherOrgId; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public TicketStatus getStatus() { return status; }
    public void setStatus(TicketStatus status) { this.status = status; }
    public String getMissKey() { return missKey; }
    public void setMissKey(String missKey) { this.missKey = missKey; }
    public Integer getMissNo() { return missNo; }
    public void setMissNo(Integer missNo) { this.missNo = missNo; }
    public Long getEscalatedOrgId() { return escalatedOrgId; }
    public void setEscalatedOrgId(Long escalatedOrgId) { this.escalatedOrgId = escalatedOrgId; }
    public LocalDateTime getDueAt() { return dueAt; }
    public void setDueAt(LocalDateTime dueAt) { this.dueAt = dueAt; }
    public LocalDateTime getDetectedAt() { return detectedAt; }
    public void setDetectedAt(LocalDateTime detectedAt) { this.detectedAt = detectedAt; }
}
