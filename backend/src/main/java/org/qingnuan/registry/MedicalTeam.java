package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.time.LocalDate;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A medical team (医疗队) sent to the front line, locally or to another province, in a numbered batch. */
@TableName("medical_team")
@OrgScoped
public class MedicalTeam extends Timestamped {

    private Long orgId;
    private String name;
    private String destination;
    private Boolean aidingHubei;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Integer batch;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDate departureDate;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDate returnDate;
    private TeamStatus status;
    /** what a lead sends, or the scene of the team's QR code, to bind their WeChat to the team */
    private String inviteCode;
    /** when the daily prompt goes out (Asia/Shanghai), default 09:00 */
    private java.time.LocalTime promptTime;
    private Boolean promptEnabled;
    /** The WeCom group robot webhook key, sealed; null when the team has no WeCom group channel. */
    private String wecomWebhookSealed;
    @Version
    private Integer version;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDestination() { return destination; }
    public void setDestination(String destination) { this.destination = destination; }
    public Boolean getAidingHubei() { return aidingHubei; }
    public void setAidingHubei(Boolean aidingHubei) { this.aidingHubei = aidingHubei; }
    public Integer getBatch() { return batch; }
    public void setBatch(Integer batch) { this.batch = batch; }
    public LocalDate getDepartureDate() { return departureDate; }
    public void setDepartureDate(LocalDate departureDate) { this.departureDate = departureDate; }
    public LocalDate getReturnDate() { return returnDate; }
    public void setReturnDate(LocalDate returnDate) { this.returnDate = returnDate; }
    public java.time.LocalTime getPromptTime() { return promptTime; }
    public void setPromptTime(java.time.LocalTime promptTime) { this.promptTime = promptTime; }
    public Boolean getPromptEnabled() { return promptEnabled; }
    public void setPromptEnabled(Boolean promptEnabled) { this.promptEnabled = promptEnabled; }
    public String getInviteCode() { return inviteCode; }
    public void setInviteCode(String inviteCode) { this.inviteCode = inviteCode; }
    public TeamStatus getStatus() { return status; }
    public void setStatus(TeamStatus status) { this.status = status; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getWecomWebhookSealed() { return wecomWebhookSealed; }
    public void setWecomWebhookSealed(String wecomWebhookSealed) { this.wecomWebhookSealed = wecomWebhookSealed; }
}
