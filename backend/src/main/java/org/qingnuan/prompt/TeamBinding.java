package org.qingnuan.prompt;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A WeChat follower (a team lead or liaison) bound to a medical team; they receive its daily prompt. */
@TableName("team_binding")
@OrgScoped
public class TeamBinding extends Timestamped {

    public enum Source { QR_CODE, INVITE_CODE }

    private Long teamId;
    private Long orgId;
    private String openId;
    private Source source;
    /** The registered lead or liaison (team_contact) the follower said they are; null until they say so. */
    private Long contactId;

    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getOpenId() { return openId; }
    public void setOpenId(String openId) { this.openId = openId; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public Long getContactId() { return contactId; }
    public void setContactId(Long contactId) { this.contactId = contactId; }
}
