package org.qingnuan.prompt;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDate;

/** A team's demand prompt of one day; (team, day) is unique, which makes it happen once. */
@TableName("daily_prompt")
@OrgScoped
public class DailyPrompt extends Timestamped {

    private Long teamId;
    private Long orgId;
    private LocalDate promptDate;
    private java.time.LocalDateTime remindedAt;

    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public java.time.LocalDateTime getRemindedAt() { return remindedAt; }
    public void setRemindedAt(java.time.LocalDateTime remindedAt) { this.remindedAt = remindedAt; }
    public LocalDate getPromptDate() { return promptDate; }
    public void setPromptDate(LocalDate promptDate) { this.promptDate = promptDate; }
}
