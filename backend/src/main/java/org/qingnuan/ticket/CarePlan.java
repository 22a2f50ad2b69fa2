package org.qingnuan.ticket;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** 一家一策: a family's standing plan (fresh food every Saturday, tutoring at 19:00 on weekdays …). */
@TableName("care_plan")
@OrgScoped
public class CarePlan extends Timestamped {

    private Long familyId;
    private Long orgId;
    private TicketCategory category;
    private String descriptionSealed;
    private String daysOfWeek;
    private LocalTime serviceTime;
    private Integer durationMinutes;
    private Integer leadHours;
    private Boolean active;
    private Long createdBy;

    public Set<DayOfWeek> days() {
        return Arrays.stream(daysOfWeek.split(",")).map(d -> DayOfWeek.of(Integer.parseInt(d.trim())))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public void assignDays(Set<DayOfWeek> days) {
        this.daysOfWeek = EnumSet.copyOf(days).stream().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }

    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public TicketCategory getCategory() { return category; }
    public void setCategory(TicketCategory category) { this.category = category; }
    public String getDescriptionSealed() { return descriptionSealed; }
    public void setDescriptionSealed(String descriptionSealed) { this.descriptionSealed = descriptionSealed; }
    public String getDaysOfWeek() { return daysOfWeek; }
    public void setDaysOfWeek(String daysOfWeek) { this.daysOfWeek = daysOfWeek; }
    public LocalTime getServiceTime() { return serviceTime; }
    public void setServiceTime(LocalTime serviceTime) { this.serviceTime = serviceTime; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer durationMinutes) { this.durationMinutes = durationMinutes; }
    public Integer getLeadHours() { return leadHours; }
    public void setLeadHours(Integer leadHours) { this.leadHours = leadHours; }
    public Boolean getActive() { return active; }
    public void setActive(Boolean active) { this.active = active; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
}
