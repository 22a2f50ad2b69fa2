package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.qingnuan.api.ticket.TicketCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Service hours: credited when the family confirms a task (time spent, capped per category); a task the system
 * confirmed after 72 h counts only once staff checked it.
 */
public record HoursView(@Schema(description = "累计服务时长（小时）：家属确认与工作人员核实的") BigDecimal totalHours,
                        @Schema(description = "其中经家属确认的小时数") BigDecimal familyConfirmedHours,
                        @Schema(description = "待工作人员核实、尚未计入的小时数（家属 72 小时未确认、系统自动确认的任务）") BigDecimal pendingHours,
                        List<Entry> entries) {

    /** @param counted whether the entry's hours are in the total */
    public record Entry(long ticketId, TicketCategory category, String categoryLabel, BigDecimal hours, LocalDate servedOn,
                        HoursConfirmation confirmation, String confirmationLabel, boolean counted) {
    }
}
