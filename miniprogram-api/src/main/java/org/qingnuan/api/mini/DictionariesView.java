package org.qingnuan.api.mini;

import io.swagger.v3.oas.annotations.media.Schema;
import org.qingnuan.api.Labelled;
import org.qingnuan.api.pairing.CheckInMethod;
import org.qingnuan.api.ticket.CloseReason;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.api.volunteer.Skill;
import org.qingnuan.api.volunteer.VolunteerStatus;

import java.util.Arrays;
import java.util.List;

/**
 * The Chinese labels of every code the mini-program shows, each list in the enum's own order (the
 * order to offer choices in). Taken from the enums themselves, so a new constant appears here at once.
 */
public record DictionariesView(
        @Schema(description = "求助类别") List<Entry> ticketCategory,
        @Schema(description = "紧急程度") List<Entry> urgency,
        @Schema(description = "志愿者技能") List<Entry> skill,
        @Schema(description = "联系方式") List<Entry> contactMethod,
        @Schema(description = "求助状态") List<Entry> ticketStatus,
        @Schema(description = "结对联系方式") List<Entry> checkInMethod,
        @Schema(description = "志愿者审核状态") List<Entry> volunteerStatus,
        @Schema(description = "结束原因") List<Entry> closeReason,
        @Schema(description = "小程序用户的身份") List<Entry> roleKind) {

    /** One code and the label to show for it. */
    public record Entry(@Schema(example = "MEALS") String code, @Schema(example = "送餐") String label) {
    }

    public static DictionariesView current() {
        return new DictionariesView(of(TicketCategory.values()), of(Urgency.values()), of(Skill.values()),
                of(ContactMethod.values()), of(TicketStatus.values()), of(CheckInMethod.values()),
                of(VolunteerStatus.values()), of(CloseReason.values()), of(MiniUserView.RoleKind.values()));
    }

    private static List<Entry> of(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Entry(v.name(), v.label())).toList();
    }
}
