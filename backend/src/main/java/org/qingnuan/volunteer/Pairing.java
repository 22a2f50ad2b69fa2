package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/** 手拉手: a partner (volunteer, or a cadre registered as one) paired with one family. */
@TableName("pairing")
@OrgScoped
public class Pairing extends Timestamped {

    public enum PartnerKind { VOLUNTEER, CADRE }

    private Long familyId;
    private Long orgId;
    private Long volunteerId;
    private PartnerKind partnerKind;
    /** = familyId while active, null once ended: the unique key allows one active pairing per family. */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long activeFamilyKey;
    /** = volunteerId while active, null once ended: one active pairing per partner. */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long activePartnerKey;
    private Long pairedBy;
    private LocalDateTime endedAt;
    private String endReason;

    public boolean active() {
        return endedAt == null;
    }

    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getVolunteerId() { return volunteerId; }
    public void setVolunteerId(Long volunteerId) { this.volunteerId = volunteerId; }
    public PartnerKind getPartnerKind() { return partnerKind; }
    public void setPartnerKind(PartnerKind partnerKind) { this.partnerKind = partnerKind; }
    public Long getActiveFamilyKey() { return activeFamilyKey; }
    public void setActiveFamilyKey(Long activeFamilyKey) { this.activeFamilyKey = activeFamilyKey; }
    public Long getActivePartnerKey() { return activePartnerKey; }
    public void setActivePartnerKey(Long activePartnerKey) { this.activePartnerKey = activePartnerKey; }
    public Long getPairedBy() { return pairedBy; }
    public void setPairedBy(Long pairedBy) { this.pairedBy = pairedBy; }
    public LocalDateTime getEndedAt() { return endedAt; }
    public void setEndedAt(LocalDateTime endedAt) { this.endedAt = endedAt; }
    public String getEndReason() { return endReason; }
    public void setEndReason(String endReason) { this.endReason = endReason; }
}
