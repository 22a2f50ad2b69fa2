package org.qingnuan.volunteer;

import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.TicketCategory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceHoursLedgerTest {

    @Test
    void creditsTheTimeSpentToTheQuarterHourBetweenHalfAnHourAndTheCategorysCap() {
        assertThat(ServiceHoursLedger.credit(TicketCategory.SUPPLIES, Duration.ofMinutes(50))).isEqualByComparingTo("0.75");
        assertThat(ServiceHoursLedger.credit(TicketCategory.SUPPLIES, Duration.ofMinutes(3))).as("at least half an hour")
                .isEqualByComparingTo("0.50");
        assertThat(ServiceHoursLedger.credit(TicketCategory.MEALS, Duration.ofHours(9))).as("meals: at most 2 h")
                .isEqualByComparingTo("2.00");
        assertThat(ServiceHoursLedger.credit(TicketCategory.CARE, Duration.ofHours(9))).as("care: at most 8 h")
                .isEqualByComparingTo("8.00");
    }
}
