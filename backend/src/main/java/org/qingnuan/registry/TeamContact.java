package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A team lead or liaison (领队/联络员) of a medical team. The phone is sealed. */
@TableName("team_contact")
@OrgScoped
public class TeamContact extends Timestamped {

    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long teamId;
    private Long orgId;
    private ContactRole role;
    private String name;
    private String phoneSealed;
    private String phoneIndex;

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
}
