package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import org.qingnuan.jurisdiction.OrgScoped;

/** A team lead or liaison (领队/联络员) of a medical team. The phone is sealed. */
@TableName("team_contact")
@OrgScoped
public class TeamContact {

    @TableId(type = IdType.AUTO)
    private Long id;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long teamId;
    private Long orgId;
    private ContactRole role;
    private String name;
    private String phoneSealed;
    private String phoneIndex;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public ContactRole getRole() { return role; }
    public void setRole(ContactRole role) { this.role = role; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhoneSealed() { return phoneSealed; }
    public void setPhoneSealed(String phoneSealed) { this.phoneSealed = phoneSealed; }
    public String getPhoneIndex() { return phoneIndex; }
    public void setPhoneIndex(String phoneIndex) { this.phoneIndex = phoneIndex; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
