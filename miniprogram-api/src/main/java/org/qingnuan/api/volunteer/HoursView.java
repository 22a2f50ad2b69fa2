package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.qingnuan.api.ticket.TicketCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Service hours: credited when the family confirms a task (time spent, capped per category). */
public record HoursView(@Schema(description = "累计服务时长（小时）") BigDecimal totalHours, List<Entry> entries) {

    public record Entry(long ticketId, TicketCategory category, String categoryLabel, BigDecimal hours, LocalDate servedOn) {
    }
}
