package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.jurisdiction.OrgScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Hours of a volunteer for one confirmed task: credited, or waiting for a staff check ({@link #getConfirmation()}). */
@TableName("service_hours")
@OrgScoped
public class ServiceHours {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long volunteerId;
    private Long ticketId;
    private Long orgId;
    private TicketCategory category;
    private BigDecimal hours;
    private LocalDate servedOn;
    private org.qingnuan.api.volunteer.HoursConfirmation confirmation;
    private Integer spentMinutes;
    private Long reviewedBy;
    private LocalDateTime reviewedAt;
    private String reviewNote;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getVolunteerId() { return volunteerId; }
    public void setVolunteerId(Long volunteerId) { this.volunteerId = volunteerId; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public TicketCategory getCategory() { return category; }
    public void setCategory(TicketCategory category) { this.category = category; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal hours) { this.hours = hours; }
    public LocalDate getServedOn() { return servedOn; }
    public void setServedOn(LocalDate servedOn) { this.servedOn = servedOn; }
    public org.qingnuan.api.volunteer.HoursConfirmation getConfirmation() { return confirmation; }
    public void setConfirmation(org.qingnuan.api.volunteer.HoursConfirmation confirmation) { this.confirmation = confirmation; }
    public Integer getSpentMinutes() { return spentMinutes; }
    public void setSpentMinutes(Integer spentMinutes) { this.spentMinutes = spentMinutes; }
    public Long getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(Long reviewedBy) { this.reviewedBy = reviewedBy; }
    public LocalDateTime getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(LocalDateTime reviewedAt) { this.reviewedAt = reviewedAt; }
    public String getReviewNote() { return reviewNote; }
    public void setReviewNote(String reviewNote) { this.reviewNote = reviewNote; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
