package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** One member of a family. Needs flags are in clear for matching and counting; who the member is, is sealed. */
@TableName("family_member")
@OrgScoped
public class FamilyMember extends Timestamped {

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
}
