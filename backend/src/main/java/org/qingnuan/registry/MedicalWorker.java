package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A frontline medical worker as in seed 003 annex 2. Phones, address, ID number and notes are sealed. */
@TableName("medical_worker")
@OrgScoped
public class MedicalWorker extends Timestamped {

    private Long orgId;
    private Long hospitalId;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long teamId;
    private String name;
    private Gender gender;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String position;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String frontlineLocation;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String homeAddressSealed;
    private String ownPhoneSealed;
    private String ownPhoneIndex;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String familyPhoneSealed;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String familyPhoneIndex;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String idNumberSealed;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String idNumberIndex;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String notesSealed;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String pairedVolunteer;
    private Boolean aidedHubei;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Integer batch;
    /** Set while the worker is withdrawn (left the front line): kept and restorable, not counted in annex 1. */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private java.time.LocalDateTime withdrawnAt;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String withdrawReason;
    @Version
    private Integer version;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getHospitalId() { return hospitalId; }
    public void setHospitalId(Long hospitalId) { this.hospitalId = hospitalId; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getFrontlineLocation() { return frontlineLocation; }
    public void setFrontlineLocation(String frontlineLocation) { this.frontlineLocation = frontlineLocation; }
    public String getHomeAddressSealed() { return homeAddressSealed; }
    public void setHomeAddressSealed(String homeAddressSealed) { this.homeAddressSealed = homeAddressSealed; }
    public String getOwnPhoneSealed() { return ownPhoneSealed; }
    public void setOwnPhoneSealed(String ownPhoneSealed) { this.ownPhoneSealed = ownPhoneSealed; }
    public String getOwnPhoneIndex() { return ownPhoneIndex; }
    public void setOwnPhoneIndex(String ownPhoneIndex) { this.ownPhoneIndex = ownPhoneIndex; }
    public String getFamilyPhoneSealed() { return familyPhoneSealed; }
    public void setFamilyPhoneSealed(String familyPhoneSealed) { this.familyPhoneSealed = familyPhoneSealed; }
    public String getFamilyPhoneIndex() { return familyPhoneIndex; }
    public void setFamilyPhoneIndex(String familyPhoneIndex) { this.familyPhoneIndex = familyPhoneIndex; }
    public String getIdNumberSealed() { return idNumberSealed; }
    public void setIdNumberSealed(String idNumberSealed) { this.idNumberSealed = idNumberSealed; }
    public String getNotesSealed() { return notesSealed; }
    public void setNotesSealed(String notesSealed) { this.notesSealed = notesSealed; }
    public String getPairedVolunteer() { return pairedVolunteer; }
    public void setPairedVolunteer(String pairedVolunteer) { this.pairedVolunteer = pairedVolunteer; }
    public Boolean getAidedHubei() { return aidedHubei; }
    public void setAidedHubei(Boolean aidedHubei) { this.aidedHubei = aidedHubei; }
    public Integer getBatch() { return batch; }
    public void setBatch(Integer batch) { this.batch = batch; }
    public String getIdNumberIndex() { return idNumberIndex; }
    public void setIdNumberIndex(String idNumberIndex) { this.idNumberIndex = idNumberIndex; }
    public java.time.LocalDateTime getWithdrawnAt() { return withdrawnAt; }
    public void setWithdrawnAt(java.time.LocalDateTime withdrawnAt) { this.withdrawnAt = withdrawnAt; }
    public String getWithdrawReason() { return withdrawReason; }
    public void setWithdrawReason(String withdrawReason) { this.withdrawReason = withdrawReason; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
