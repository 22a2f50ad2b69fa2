package org.qingnuan.api.report;

import io.swagger.v3.oas.annotations.media.Schema;
import org.qingnuan.api.ticket.Urgency;

import java.time.LocalDate;
import java.util.List;

/** A team's report of one day, as the lead reads it back; supplies show how much has arrived. */
public record DemandReportView(long id, long teamId, LocalDate date,
                               @Schema(description = "WECHAT_TEXT（公众号回复）或 MINI_PROGRAM") String source,
                               List<Item> items) {

    public record Item(long id, @Schema(description = "SUPPLY 物资 / OTHER 文字需求") String kind, String name,
                       Integer quantity, String unit, String spec, Urgency urgency,
                       @Schema(description = "已送达数量") int delivered) {
    }
}
