package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.volunteer.Skill;
import org.qingnuan.api.volunteer.VolunteerStatus;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A registered volunteer. Phone and ID number are sealed. */
@TableName("volunteer")
@OrgScoped
public class Volunteer extends Timestamped {

    private Long userId;
    private Long orgId;
    private String name;
    private String phoneSealed;
    private String phoneIndex;
    private String idNumberSealed;
    private String skills;
    private String skillNotes;
    private BigDecimal homeLatitude;
    private BigDecimal homeLongitude;
    private Integer radiusKm;
    private String availability;
    private VolunteerStatus status;
    private String reviewNote;
    private Long reviewedBy;
    private LocalDateTime reviewedAt;
    private LocalDateTime trainingPassedAt;
    private String insurancePolicy;
    private LocalDate insuranceUntil;
    /** When the volunteer agreed to appear in stories; null: not agreed (or withdrawn). */
    private LocalDateTime storyConsentAt;
    private Integer version;

    public Set<Skill> skillSet() {
        if (skills == null || skills.isBlank()) {
            return EnumSet.noneOf(Skill.class);
        }
        return Arrays.stream(skills.split(",")).map(Skill::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Skill.class)));
    }

    public void assignSkills(Set<Skill> set) {
        this.skills = EnumSet.copyOf(set).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhoneSealed() { return phoneSealed; }
    public void setPhoneSealed(String phoneSealed) { this.phoneSealed = phoneSealed; }
    public String getPhoneIndex() { return phoneIndex; }
    public void setPhoneIndex(String phoneIndex) { this.phoneIndex = phoneIndex; }
    public String getIdNumberSealed() { return idNumberSealed; }
    public void setIdNumberSealed(String idNumberSealed) { this.idNumberSealed = idNumberSealed; }
    public String getSkills() { return skills; }
    public void setSkills(String skills) { this.skills = skills; }
    public String getSkillNotes() { return skillNotes; }
    public void setSkillNotes(String skillNotes) { this.skillNotes = skillNotes; }
    public BigDecimal getHomeLatitude() { return homeLatitude; }
    public void setHomeLatitude(BigDecimal homeLatitude) { this.homeLatitude = homeLatitude; }
    public BigDecimal getHomeLongitude() { return homeLongitude; }
    public void setHomeLongitude(BigDecimal homeLongitude) { this.homeLongitude = homeLongitude; }
    public Integer getRadiusKm() { return radiusKm; }
    public void setRadiusKm(Integer radiusKm) { this.radiusKm = radiusKm; }
    public String getAvailability() { return availability; }
    public void setAvailability(String availability) { this.availability = availability; }
    public VolunteerStatus getStatus() { return status; }
    public void setStatus(VolunteerStatus status) { this.status = status; }
    public String getReviewNote() { return reviewNote; }
    public void setReviewNote(String reviewNote) { this.reviewNote = reviewNote; }
    public Long getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(Long reviewedBy) { this.reviewedBy = reviewedBy; }
    public LocalDateTime getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(LocalDateTime reviewedAt) { this.reviewedAt = reviewedAt; }
    public LocalDateTime getTrainingPassedAt() { return trainingPassedAt; }
    public void setTrainingPassedAt(LocalDateTime trainingPassedAt) { this.trainingPassedAt = trainingPassedAt; }
    public String getInsurancePolicy() { return insurancePolicy; }
    public void setInsurancePolicy(String insurancePolicy) { this.insurancePolicy = insurancePolicy; }
    public LocalDate getInsuranceUntil() { return insuranceUntil; }
    public void setInsuranceUntil(LocalDate insuranceUntil) { this.insuranceUntil = insuranceUntil; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public LocalDateTime getStoryConsentAt() { return storyConsentAt; }
    public void setStoryConsentAt(LocalDateTime storyConsentAt) { this.storyConsentAt = storyConsentAt; }
}
