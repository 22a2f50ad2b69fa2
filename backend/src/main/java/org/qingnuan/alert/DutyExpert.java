package org.qingnuan.alert;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A psychological-support expert on duty for an org; crisis requests of its subtree reach them. */
@TableName("duty_expert")
@OrgScoped
public class DutyExpert extends Timestamped {

    private Long orgId;
    private String name;
    private String phoneSealed;
    private String openId;
    private Boolean active;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhoneSealed() { return phoneSealed; }
    public void setPhoneSealed(String phoneSealed) { this.phoneSealed = phoneSealed; }
    public String getOpenId() { return openId; }
    public void setOpenId(String openId) { this.openId = openId; }
    public Boolean getActive() { return active; }
    public void setActive(Boolean active) { this.active = active; }
}
