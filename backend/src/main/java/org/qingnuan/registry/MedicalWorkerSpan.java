package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDateTime;

/**
 * A span of the registry's history: from {@code validFrom} until {@code validTo} (open = still so) the
 * worker counted in this org, with this Hubei flag and batch. Annex 1 "截至" a past day counts the spans
 * open at the end of that day. Written only by {@link WorkerHistory}.
 */
@TableName("medical_worker_span")
@OrgScoped
public class MedicalWorkerSpan {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long workerId;
    private Long orgId;
    private Boolean aidedHubei;
    private Integer batch;
    private LocalDateTime validFrom;
    private LocalDateTime validTo;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getWorkerId() { return workerId; }
    public void setWorkerId(Long workerId) { this.workerId = workerId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Boolean getAidedHubei() { return aidedHubei; }
    public void setAidedHubei(Boolean aidedHubei) { this.aidedHubei = aidedHubei; }
    public Integer getBatch() { return batch; }
    public void setBatch(Integer batch) { this.batch = batch; }
    public LocalDateTime getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDateTime validFrom) { this.validFrom = validFrom; }
    public LocalDateTime getValidTo() { return validTo; }
    public void setValidTo(LocalDateTime validTo) { this.validTo = validTo; }
}
