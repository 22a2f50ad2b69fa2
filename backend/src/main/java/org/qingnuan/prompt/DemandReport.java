package org.qingnuan.prompt;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDate;

/** A team's report of what the front line needs, as sent. */
@TableName("demand_report")
@OrgScoped
public class DemandReport extends Timestamped {

    public enum Source { WECHAT_TEXT, MINI_PROGRAM }

    private Long teamId;
    private Long orgId;
    private LocalDate reportDate;
    private Source source;
    private String reporterOpenId;
    private String rawText;
    private Long reporterUserId;
    /** The same lead's later report of the same day that replaced this one (a correction); null while current. */
    private Long replacedBy;

    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getReplacedBy() { return replacedBy; }
    public void setReplacedBy(Long replacedBy) { this.replacedBy = replacedBy; }
    public LocalDate getReportDate() { return reportDate; }
    public void setReportDate(LocalDate reportDate) { this.reportDate = reportDate; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public String getReporterOpenId() { return reporterOpenId; }
    public void setReporterOpenId(String reporterOpenId) { this.reporterOpenId = reporterOpenId; }
    public String getRawText() { return rawText; }
    public void setRawText(String rawText) { this.rawText = rawText; }
    public Long getReporterUserId() { return reporterUserId; }
    public void setReporterUserId(Long reporterUserId) { this.reporterUserId = reporterUserId; }
}
