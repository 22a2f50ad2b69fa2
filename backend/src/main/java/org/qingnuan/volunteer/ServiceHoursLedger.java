package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.volunteer.HoursView;
import org.qingnuan.api.volunteer.HoursConfirmation;
import org.qingnuan.ticket.TicketAction;
import org.qingnuan.ticket.TicketTransitioned;
import org.qingnuan.ticket.VolunteerTasks;
import org.qingnuan.volunteer.internal.ServiceHoursMapper;
import org.qingnuan.volunteer.internal.VolunteerMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.context.event.EventListener;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Credits service hours when the family confirms a task: the time from start to done, rounded to the quarter hour,
 * at least half an hour and at most the category's cap, so a task left running overnight does not count as a night's
 * work. Once per task. A task the system confirmed after 72 h without a word from the family is recorded as waiting
 * for a staff check and counts only once a staff member of the volunteer's jurisdiction approved it (possibly with
 * other hours) — a one-second "task" earns nothing by itself (decision 273).
 */
@Service
public class ServiceHoursLedger {

    static final Map<TicketCategory, Integer> CAP_MINUTES = new EnumMap<>(Map.of(
            TicketCategory.SUPPLIES, 180, TicketCategory.SPECIAL_FUND, 120, TicketCategory.TRANSPORT, 240,
            TicketCategory.DAILY_LIVING, 180, TicketCategory.MEALS, 120, TicketCategory.CARE, 480,
            TicketCategory.TUTORING, 180, TicketCategory.PSYCHOLOGICAL, 180, TicketCategory.OTHER, 180));
    private static final int MIN_MINUTES = 30;

    private final ServiceHoursMapper hours;
    private final VolunteerMapper volunteers;
    private final VolunteerTasks tasks;
    private final org.qingnuan.audit.AuditTrail auditTrail;
    private final java.time.Clock clock;

    ServiceHoursLedger(ServiceHoursMapper hours, VolunteerMapper volunteers, VolunteerTasks tasks,
                       org.qingnuan.audit.AuditTrail auditTrail, java.time.Clock clock) {
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.hours = hours;
        this.volunteers = volunteers;
        this.tasks = tasks;
    }

    /**
     * In the transaction of the confirmation itself (an after-commit listener would lose the hours to a crash
     * between commit and listener): the hours exist exactly when the confirmation does.
     */
    @EventListener
    void onConfirmed(TicketTransitioned event) {
        if (event.to() != TicketStatus.CONFIRMED) {
            return;
        }
        tasks.serviceRecord(event.ticketId()).ifPresent(record -> {
            Volunteer v = volunteers.selectById(record.volunteerId());
            if (v == null) {
                return;
            }
            ServiceHours row = new ServiceHours();
            row.setVolunteerId(v.getId());
            row.setTicketId(event.ticketId());
            row.setOrgId(v.getOrgId());
            row.setCategory(record.category());
            Duration spent = Duration.between(record.startedAt(), record.doneAt());
            row.setHours(credit(record.category(), spent));
            row.setSpentMinutes((int) Math.min(Integer.MAX_VALUE, Math.max(0, spent.toMinutes())));
            row.setServedOn(record.doneAt().toLocalDate());
            // the family said nothing for 72 h: nobody vouched for the work yet, so it waits for a staff check
            row.setConfirmation(event.action() == TicketAction.AUTO_CONFIRM ? HoursConfirmation.PENDING_REVIEW
                    : HoursConfirmation.FAMILY);
            if (hours.exists(new LambdaQueryWrapper<ServiceHours>().eq(ServiceHours::getTicketId, event.ticketId()))) {
                return;
            }
            try {
                hours.insert(row);
            } catch (DuplicateKeyException alreadyCredited) {
                // confirmed once only; a redelivered event changes nothing
            }
        });
    }

    static BigDecimal credit(TicketCategory category, Duration spent) {
        long minutes = Math.max(MIN_MINUTES, Math.min(spent.toMinutes(), CAP_MINUTES.get(category)));
        long quarters = Math.round(minutes / 15.0);
        return BigDecimal.valueOf(quarters * 15).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    public HoursView of(long volunteerId) {
        List<ServiceHours> rows = hours.selectList(new LambdaQueryWrapper<ServiceHours>()
                .eq(ServiceHours::getVolunteerId, volunteerId).orderByDesc(ServiceHours::getServedOn));
        List<HoursView.Entry> entries = rows.stream().map(ServiceHoursLedger::entry).toList();
        return new HoursView(sum(rows, HoursConfirmation::counted), sum(rows, c -> c == HoursConfirmation.FAMILY),
                sum(rows, c -> c == HoursConfirmation.PENDING_REVIEW), entries);
    }

    /** Counted hours of a volunteer, and of those the family-confirmed ones, for a certificate. */
    record Counted(BigDecimal total, BigDecimal familyConfirmed, LocalDate from, LocalDate to) {
    }

    /** The hours a certificate states: the counted ones only; empty when there are none. */
    java.util.Optional<Counted> counted(long volunteerId) {
        List<ServiceHours> rows = hours.selectList(new LambdaQueryWrapper<ServiceHours>()
                        .eq(ServiceHours::getVolunteerId, volunteerId).orderByAsc(ServiceHours::getServedOn)).stream()
                .filter(h -> confirmation(h).counted()).toList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Counted(sum(rows, c -> true), sum(rows, c -> c == HoursConfirmation.FAMILY),
                rows.get(0).getServedOn(), rows.get(rows.size() - 1).getServedOn()));
    }

    /**
     * An auto-confirmed task waiting for a staff check, with what staff need to judge it.
     *
     * @param spentMinutes from start (or claim) to done, as the volunteer pressed the buttons
     * @param hours        what the task would credit by the usual rule
     */
    public record PendingHours(long id, long volunteerId, String volunteerName, long ticketId, TicketCategory category,
                               String categoryLabel, Integer spentMinutes, BigDecimal hours, BigDecimal maxHours,
                               LocalDate servedOn) {
    }

    /** Auto-confirmed tasks of the caller's jurisdiction waiting for a check, oldest first. */
    public List<PendingHours> pending() {
        return hours.selectList(new LambdaQueryWrapper<ServiceHours>()
                        .eq(ServiceHours::getConfirmation, HoursConfirmation.PENDING_REVIEW)
                        .orderByAsc(ServiceHours::getServedOn).orderByAsc(ServiceHours::getId).last("LIMIT 200")).stream()
                .map(h -> {
                    Volunteer v = volunteers.selectById(h.getVolunteerId());
                    return new PendingHours(h.getId(), h.getVolunteerId(), v == null ? null : v.getName(), h.getTicketId(),
                            h.getCategory(), h.getCategory().label(), h.getSpentMinutes(), h.getHours(), maxHours(h.getCategory()),
                            h.getServedOn());
                }).toList();
    }

    public record ApproveHoursRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "核实后计入的小时数（0.25 的倍数，不超过该类别上限）；不填则按规则计算的时长")
            @jakarta.validation.constraints.DecimalMin(value = "0.25", message = "至少 0.25 小时")
            @jakarta.validation.constraints.Digits(integer = 3, fraction = 2, message = "小时数最多两位小数") BigDecimal hours,
            @jakarta.validation.constraints.Size(max = 100, message = "说明最多 100 个字")
            @org.qingnuan.api.validation.PlainText String note) {
    }

    public record RejectHoursRequest(
            @jakarta.validation.constraints.NotBlank(message = "请说明不计入的原因，如：未实际开展服务")
            @jakarta.validation.constraints.Size(max = 100, message = "原因最多 100 个字")
            @org.qingnuan.api.validation.PlainText String reason) {
    }

    /** A staff member checked an auto-confirmed task: its hours count (as computed, or as they set them). */
    @org.springframework.transaction.annotation.Transactional
    public HoursView.Entry approve(long id, ApproveHoursRequest r, long staffId) {
        ServiceHours h = pendingRow(id);
        BigDecimal credited = r == null || r.hours() == null ? h.getHours() : r.hours();
        if (credited.remainder(new BigDecimal("0.25")).signum() != 0 || credited.compareTo(maxHours(h.getCategory())) > 0) {
            throw org.qingnuan.shared.error.DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "hours",
                    "小时数须为 0.25 的倍数，且不超过" + h.getCategory().label() + "类的上限 " + maxHours(h.getCategory()).stripTrailingZeros().toPlainString() + " 小时");
        }
        review(h, HoursConfirmation.STAFF, credited, r == null ? null : r.note(), staffId);
        return entry(hours.selectById(id));
    }

    /** A staff member checked an auto-confirmed task and found no service to credit. */
    @org.springframework.transaction.annotation.Transactional
    public HoursView.Entry reject(long id, RejectHoursRequest r, long staffId) {
        ServiceHours h = pendingRow(id);
        review(h, HoursConfirmation.REJECTED, h.getHours(), r.reason(), staffId);
        return entry(hours.selectById(id));
    }

    private void review(ServiceHours h, HoursConfirmation outcome, BigDecimal credited, String note, long staffId) {
        int changed = hours.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<ServiceHours>()
                .set(ServiceHours::getConfirmation, outcome).set(ServiceHours::getHours, credited)
                .set(ServiceHours::getReviewedBy, staffId).set(ServiceHours::getReviewedAt, java.time.LocalDateTime.now(clock))
                .set(ServiceHours::getReviewNote, note == null || note.isBlank() ? null : note.trim())
                .eq(ServiceHours::getId, h.getId()).eq(ServiceHours::getConfirmation, HoursConfirmation.PENDING_REVIEW));
        if (changed != 1) {
            throw new org.qingnuan.shared.error.DomainException(VolunteerError.HOURS_ALREADY_REVIEWED);
        }
        auditTrail.record("SERVICE_HOURS_REVIEWED", "VOLUNTEER", h.getVolunteerId(), h.getOrgId(),
                Map.of("ticketId", h.getTicketId(), "outcome", outcome.name(), "hours", credited.toPlainString()));
    }

    private ServiceHours pendingRow(long id) {
        ServiceHours h = hours.selectById(id); // jurisdiction applies: another subtree's row is not found
        if (h == null) {
            throw new org.qingnuan.shared.error.DomainException(org.qingnuan.api.error.CommonError.NOT_FOUND, "没有这条待核实的服务时长");
        }
        if (h.getConfirmation() != HoursConfirmation.PENDING_REVIEW) {
            throw new org.qingnuan.shared.error.DomainException(VolunteerError.HOURS_ALREADY_REVIEWED);
        }
        return h;
    }

    private static HoursView.Entry entry(ServiceHours h) {
        return new HoursView.Entry(h.getTicketId(), h.getCategory(), h.getCategory().label(), h.getHours(), h.getServedOn(),
                confirmation(h), confirmation(h).label(), confirmation(h).counted());
    }

    private static BigDecimal maxHours(TicketCategory category) {
        return BigDecimal.valueOf(CAP_MINUTES.get(category)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static HoursConfirmation confirmation(ServiceHours h) {
        return h.getConfirmation() == null ? HoursConfirmation.FAMILY : h.getConfirmation();
    }

    private static BigDecimal sum(List<ServiceHours> rows, java.util.function.Predicate<HoursConfirmation> which) {
        return rows.stream().filter(h -> which.test(confirmation(h))).map(ServiceHours::getHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
