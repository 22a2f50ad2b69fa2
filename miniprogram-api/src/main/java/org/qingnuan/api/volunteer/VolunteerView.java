package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** A volunteer's own record, and whether they may take tasks now. */
public record VolunteerView(long id, String name, String phone, String idNumber, long orgId, String orgName,
                            Set<Skill> skills, String skillNotes, BigDecimal latitude, BigDecimal longitude, int radiusKm,
                            String availability, VolunteerStatus status, String statusLabel, String reviewNote,
                            LocalDateTime trainingPassedAt, String insurancePolicy, LocalDate insuranceUntil,
                            @Schema(description = "能否认领任务；不能时 unmet 逐条说明原因") DutyGate dutyGate) {

    /** The duty gate: approved, trained, insured. Each unmet condition is named. */
    public record DutyGate(boolean open, List<Condition> unmet) {
    }

    public record Condition(@Schema(description = "APPROVAL, TRAINING, INSURANCE") String condition, String message) {
    }
}
