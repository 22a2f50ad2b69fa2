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

    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getOpenId() { return openId; }
    public void setOpenId(String openId) { this.openId = openId; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
}
