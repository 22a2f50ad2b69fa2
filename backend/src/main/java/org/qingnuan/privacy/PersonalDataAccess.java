package org.qingnuan.privacy;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/** One disclosure of personal data in clear: who saw which fields of whom, when and why. Never updated. */
@TableName("personal_data_access")
@OrgScoped
public class PersonalDataAccess {

    @TableId(type = IdType.AUTO)
    private Long id;
    /** org of the person whose data was shown */
    private Long orgId;
    private Long staffId;
    private String staffName;
    /** STAFF (staffId is a staff account) or VOLUNTEER (staffId is the volunteer's id, viewing their own task). */
    private String accessorType;
    private String subjectType;
    private Long subjectId;
    private String fields;
    private String reason;
    private String clientIp;
    private String traceId;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getStaffId() { return staffId; }
    public void setStaffId(Long staffId) { this.staffId = staffId; }
    public String getStaffName() { return staffName; }
    public void setStaffName(String staffName) { this.staffName = staffName; }
    public String getSubjectType() { return subjectType; }
    public void setSubjectType(String subjectType) { this.subjectType = subjectType; }
    public Long getSubjectId() { return subjectId; }
    public void setSubjectId(Long subjectId) { this.subjectId = subjectId; }
    public String getFields() { return fields; }
    public void setFields(String fields) { this.fields = fields; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getClientIp() { return clientIp; }
    public void setClientIp(String clientIp) { this.clientIp = clientIp; }
    public String getTraceId() { return traceId; }
    public void setTraceId(String traceId) { this.traceId = traceId; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public String getAccessorType() { return accessorType; }
    public void setAccessorType(String accessorType) { this.accessorType = accessorType; }
}
