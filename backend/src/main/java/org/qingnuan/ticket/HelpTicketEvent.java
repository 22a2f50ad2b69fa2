package org.qingnuan.ticket;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/** One step of a ticket's history; append-only. */
@TableName("help_ticket_event")
@OrgScoped
public class HelpTicketEvent {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long ticketId;
    private Long orgId;
    private TicketAction action;
    private TicketStatus fromStatus;
    private TicketStatus toStatus;
    private TicketActor.Kind actorType;
    private Long actorId;
    private String actorName;
    private String note;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public TicketAction getAction() { return action; }
    public void setAction(TicketAction action) { this.action = action; }
    public TicketStatus getFromStatus() { return fromStatus; }
    public void setFromStatus(TicketStatus fromStatus) { this.fromStatus = fromStatus; }
    public TicketStatus getToStatus() { return toStatus; }
    public void setToStatus(TicketStatus toStatus) { this.toStatus = toStatus; }
    public TicketActor.Kind getActorType() { return actorType; }
    public void setActorType(TicketActor.Kind actorType) { this.actorType = actorType; }
    public Long getActorId() { return actorId; }
    public void setActorId(Long actorId) { this.actorId = actorId; }
    public String getActorName() { return actorName; }
    public void setActorName(String actorName) { this.actorName = actorName; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
