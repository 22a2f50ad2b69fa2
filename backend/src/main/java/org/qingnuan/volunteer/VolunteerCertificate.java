package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** What a certificate said when it was issued, under its verification code. */
@TableName("volunteer_certificate")
public class VolunteerCertificate {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long volunteerId;
    private Long orgId;
    private String code;
    private BigDecimal hours;
    /** Of {@link #hours}, those the families confirmed (null on certificates issued before it was recorded). */
    private BigDecimal familyConfirmedHours;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getVolunteerId() { return volunteerId; }
    public void setVolunteerId(Long volunteerId) { this.volunteerId = volunteerId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public BigDecimal getFamilyConfirmedHours() { return familyConfirmedHours; }
    public void setFamilyConfirmedHours(BigDecimal familyConfirmedHours) { this.familyConfirmedHours = familyConfirmedHours; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal hours) { this.hours = hours; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(LocalDate periodFrom) { this.periodFrom = periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public void setPeriodTo(LocalDate periodTo) { this.periodTo = periodTo; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
