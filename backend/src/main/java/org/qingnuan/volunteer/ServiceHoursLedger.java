package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.volunteer.HoursView;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Credits service hours when the family confirms a task (or the system does after 72 h): the time
 * from start to done, rounded to the quarter hour, at least half an hour and at most the category's
 * cap, so a task left running overnight does not count as a night's work. Once per task.
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

    ServiceHoursLedger(ServiceHoursMapper hours, VolunteerMapper volunteers, VolunteerTasks tasks) {
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
            row.setHours(credit(record.category(), Duration.between(record.startedAt(), record.doneAt())));
            row.setServedOn(record.doneAt().toLocalDate());
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
        List<HoursView.Entry> entries = hours.selectList(new LambdaQueryWrapper<ServiceHours>()
                        .eq(ServiceHours::getVolunteerId, volunteerId).orderByDesc(ServiceHours::getServedOn)).stream()
                .map(h -> new HoursView.Entry(h.getTicketId(), h.getCategory(), h.getCategory().label(), h.getHours(), h.getServedOn()))
                .toList();
        BigDecimal total = entries.stream().map(HoursView.Entry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new HoursView(total, entries);
    }
}
