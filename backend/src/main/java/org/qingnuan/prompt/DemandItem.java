package org.qingnuan.prompt;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** One need of a report: a supply with quantity and unit, or a need in words; tracked to delivery. */
@TableName("demand_item")
@OrgScoped
public class DemandItem extends Timestamped {

    private Long reportId;
    private Long teamId;
    private Long orgId;
    private DemandText.Kind kind;
    private String name;
    private Integer quantity;
    private String unit;
    private Integer deliveredQuantity;
    private String spec;
    private org.qingnuan.api.ticket.Urgency urgency;
    /** Staff closed it (a need in words met, a supply no longer needed); null while open. */
    private java.time.LocalDateTime closedAt;
    private Long closedBy;
    private String closeNote;

    public Long getReportId() { return reportId; }
    public void setReportId(Long reportId) { this.reportId = reportId; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public DemandText.Kind getKind() { return kind; }
    public void setKind(DemandText.Kind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public Integer getDeliveredQuantity() { return deliveredQuantity; }
    public void setDeliveredQuantity(Integer deliveredQuantity) { this.deliveredQuantity = deliveredQuantity; }
    public String getSpec() { return spec; }
    public void setSpec(String spec) { this.spec = spec; }
    public java.time.LocalDateTime getClosedAt() { return closedAt; }
    public void setClosedAt(java.time.LocalDateTime closedAt) { this.closedAt = closedAt; }
    public Long getClosedBy() { return closedBy; }
    public void setClosedBy(Long closedBy) { this.closedBy = closedBy; }
    public String getCloseNote() { return closeNote; }
    public void setCloseNote(String closeNote) { this.closeNote = closeNote; }
    public org.qingnuan.api.ticket.Urgency getUrgency() { return urgency; }
    public void setUrgency(org.qingnuan.api.ticket.Urgency urgency) { this.urgency = urgency; }
}
