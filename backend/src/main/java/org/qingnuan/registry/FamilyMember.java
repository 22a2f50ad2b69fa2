package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import org.qingnuan.jurisdiction.OrgScoped;

/** One member of a family. Needs flags are in clear for matching and counting; who the member is, is sealed. */
@TableName("family_member")
@OrgScoped
public class FamilyMember {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long familyId;
    private Long orgId;
    private Relation relation;
    private AgeBand ageBand;
    private Boolean elderlyAlone;
    private Boolean schoolChild;
    private Boolean chronicIllness;
    private Boolean pregnant;
    private Boolean disabled;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String detailsSealed;
    @TableField(fill = FieldFill.INSERT)
    private LocalDateTime createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Relation getRelation() { return relation; }
    public void setRelation(Relation relation) { this.relation = relation; }
    public AgeBand getAgeBand() { return ageBand; }
    public void setAgeBand(AgeBand ageBand) { this.ageBand = ageBand; }
    public Boolean getElderlyAlone() { return elderlyAlone; }
    public void setElderlyAlone(Boolean elderlyAlone) { this.elderlyAlone = elderlyAlone; }
    public Boolean getSchoolChild() { return schoolChild; }
    public void setSchoolChild(Boolean schoolChild) { this.schoolChild = schoolChild; }
    public Boolean getChronicIllness() { return chronicIllness; }
    public void setChronicIllness(Boolean chronicIllness) { this.chronicIllness = chronicIllness; }
    public Boolean getPregnant() { return pregnant; }
    public void setPregnant(Boolean pregnant) { this.pregnant = pregnant; }
    public Boolean getDisabled() { return disabled; }
    public void setDisabled(Boolean disabled) { this.disabled = disabled; }
    public String getDetailsSealed() { return detailsSealed; }
    public void setDetailsSealed(String detailsSealed) { this.detailsSealed = detailsSealed; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
