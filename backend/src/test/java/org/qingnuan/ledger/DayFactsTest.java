package org.qingnuan.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DayFactsTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnesInMinutesWithOneDecimal() {
        assertThat(DayFacts.medianMinutes(List.of())).isNull();
        assertThat(DayFacts.medianMinutes(List.of(90L))).isEqualTo(1.5);
        assertThat(DayFacts.medianMinutes(List.of(5400L, 0L, 1200L))).isEqualTo(20.0);
        assertThat(DayFacts.medianMinutes(List.of(0L, 0L, 1800L, 5400L))).isEqualTo(15.0);
        assertThat(DayFacts.medianMinutes(List.of(61L, 62L))).isEqualTo(1.0);
        assertThat(DayFacts.medianMinutes(List.of(87L))).as("1.45 minutes rounds half up").isEqualTo(1.5);
    }
}
