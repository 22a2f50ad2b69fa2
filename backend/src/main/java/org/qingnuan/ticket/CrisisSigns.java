package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.Urgency;

import java.util.List;

/**
 * When a request is a psychological crisis: marked so by the family, or written in words people use
 * when their life is in danger. A false alarm costs an expert a phone call; a missed one costs more,
 * so the list leans wide.
 */
final class CrisisSigns {

    private static final List<String> WORDS = List.of(
            "自杀", "轻生", "不想活", "活不下去", "活着没意思", "寻死", "想死", "结束生命", "了结自己",
            "割腕", "跳楼", "跳河", "上吊", "安眠药", "吃药自尽", "撑不下去了", "崩溃");

    private CrisisSigns() {
    }

    static boolean isCrisis(TicketCategory category, Urgency urgency, String... texts) {
        if (category == TicketCategory.PSYCHOLOGICAL && urgency == Urgency.CRISIS) {
            return true;
        }
        for (String text : texts) {
            if (text != null && WORDS.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }
}
