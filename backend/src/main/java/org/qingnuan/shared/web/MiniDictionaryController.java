package org.qingnuan.shared.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.api.pairing.CheckInMethod;
import org.qingnuan.api.ticket.CloseReason;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.api.volunteer.Skill;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Chinese names of the enums the mini-program shows (its {@code useDictionaries} store): the client
 * writes no label of a server enum itself. Each list is in the enum's order, which the forms keep.
 */
@Tag(name = "小程序：字典")
@RestController
class MiniDictionaryController {

    record DictionaryEntry(String code, String label) {
    }

    private static final Map<String, List<DictionaryEntry>> DICTIONARIES = build();

    private static Map<String, List<DictionaryEntry>> build() {
        Map<String, List<DictionaryEntry>> all = new LinkedHashMap<>();
        all.put("ticketCategory", entries(TicketCategory.values(), TicketCategory::label));
        all.put("urgency", entries(Urgency.values(), Urgency::label));
        all.put("contactMethod", entries(ContactMethod.values(), ContactMethod::label));
        all.put("ticketStatus", entries(TicketStatus.values(), TicketStatus::label));
        all.put("closeReason", entries(CloseReason.values(), CloseReason::label));
        all.put("skill", entries(Skill.values(), Skill::label));
        all.put("checkInMethod", entries(CheckInMethod.values(), CheckInMethod::label));
        return java.util.Collections.unmodifiableMap(all);
    }

    private static <E extends Enum<E>> List<DictionaryEntry> entries(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(e -> new DictionaryEntry(e.name(), label.apply(e))).toList();
    }

    @Operation(summary = "枚举的中文名称（求助类别、紧急程度、技能、联系方式、状态等）")
    @GetMapping("/api/mini/dictionaries")
    Map<String, List<DictionaryEntry>> dictionaries() {
        return DICTIONARIES;
    }
}
