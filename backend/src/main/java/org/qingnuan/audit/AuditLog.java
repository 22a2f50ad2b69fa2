package org.qingnuan.audit;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/** One change made by a staff member (or by the system), kept for good: rows are never updated. */
@TableName("audit_log")
@OrgScoped
public class AuditLog {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long orgId;
    private Long actorStaffId;
    private String actorName;
    private String action;
    private String targetType;
    private Long targetId;
    private String detail;
    private String clientIp;
    private String traceId;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getActorStaffId() { return actorStaffId; }
    public void setActorStaffId(Long actorStaffId) { this.actorStaffId = actorStaffId; }
    public String getActorName() { return actorName; }
    public void setActorName(String actorName) { this.actorName = actorName; }
    public String getAction() { return action; }
    /** The action's Chinese name, for whoever reads the log (not a column). */
    public String getActionLabel() { return AuditLabels.action(action); }
    public String getTargetTypeLabel() { return AuditLabels.target(targetType); }
    public void setAction(String action) { this.action = action; }
    public String getTargetType() { return targetType; }
    public void setTargetType(String targetType) { this.targetType = targetType; }
    public Long getTargetId() { return targetId; }
    public void setTargetId(Long targetId) { this.targetId = targetId; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public String getClientIp() { return clientIp; }
    public void setClientIp(String clientIp) { this.clientIp = clientIp; }
    public String getTraceId() { return traceId; }
    public void setTraceId(String traceId) { this.traceId = traceId; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
