package org.qingnuan.identity;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/**
 * A code staff give a family (by phone or in a WeChat group) so that its members can bind in the mini-program.
 * It binds {@code maxUses} WeChat users (1 unless staff chose more), until it expires or staff revoke it.
 */
@TableName("family_invite")
@OrgScoped
public class FamilyInvite extends Timestamped {

    private String code;
    private Long familyId;
    private Long orgId;
    private Long issuedBy;
    private LocalDateTime expiresAt;
    private Integer maxUses;
    private Integer uses;
    private LocalDateTime revokedAt;
    private Long revokedBy;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getIssuedBy() { return issuedBy; }
    public void setIssuedBy(Long issuedBy) { this.issuedBy = issuedBy; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(LocalDateTime expiresAt) { this.expiresAt = expiresAt; }
    public Integer getMaxUses() { return maxUses; }
    public void setMaxUses(Integer maxUses) { this.maxUses = maxUses; }
    public Integer getUses() { return uses; }
    public void setUses(Integer uses) { this.uses = uses; }
    public LocalDateTime getRevokedAt() { return revokedAt; }
    public void setRevokedAt(LocalDateTime revokedAt) { this.revokedAt = revokedAt; }
    public Long getRevokedBy() { return revokedBy; }
    public void setRevokedBy(Long revokedBy) { this.revokedBy = revokedBy; }
}
