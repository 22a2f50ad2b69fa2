package org.qingnuan.shared.web;

import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MiniDictionaryControllerTest {

    private final Map<String, List<MiniDictionaryController.DictionaryEntry>> dictionaries =
            new MiniDictionaryController().dictionaries();

    @Test
    void carriesEveryDictionaryTheMiniProgramAsksFor() {
        // the types src/ of the mini-program reads with dict.label / dict.options / enumLabel
        assertThat(dictionaries).containsKeys("ticketCategory", "urgency", "contactMethod", "ticketStatus",
                "closeReason", "skill", "checkInMethod");
    }

    @Test
    void listsEveryCodeInTheEnumsOrderWithItsChineseLabel() {
        assertThat(dictionaries.get("ticketCategory")).extracting(MiniDictionaryController.DictionaryEntry::code)
                .containsExactly(java.util.Arrays.stream(TicketCategory.values()).map(Enum::name).toArray(String[]::new));
        assertThat(dictionaries.get("ticketStatus")).hasSize(TicketStatus.values().length)
                .contains(new MiniDictionaryController.DictionaryEntry("CONFIRMED", TicketStatus.CONFIRMED.label()));
        assertThat(dictionaries.values()).allSatisfy(list -> assertThat(list).allSatisfy(e ->
                assertThat(e.label()).isNotBlank().isNotEqualTo(e.code())));
    }
}
