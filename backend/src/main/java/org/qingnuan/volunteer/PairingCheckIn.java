package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.pairing.CheckInMethod;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/** One contact of a paired partner with their family (phone, video, visit). */
@TableName("pairing_check_in")
@OrgScoped
public class PairingCheckIn {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long pairingId;
    private Long familyId;
    private Long orgId;
    private CheckInMethod method;
    private String note;
    private LocalDateTime happenedAt;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getPairingId() { return pairingId; }
    public void setPairingId(Long pairingId) { this.pairingId = pairingId; }
    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public CheckInMethod getMethod() { return method; }
    public void setMethod(CheckInMethod method) { this.method = method; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public LocalDateTime getHappenedAt() { return happenedAt; }
    public void setHappenedAt(LocalDateTime happenedAt) { this.happenedAt = happenedAt; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
