package org.qingnuan.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchesTest {

    @Test
    void shouldWriteAndReadBatchesTheWayTheLeagueDoes() {
        assertThat(Batches.label(1)).isEqualTo("第一批");
        assertThat(Batches.label(10)).isEqualTo("第十批");
        assertThat(Batches.label(12)).isEqualTo("第十二批");
        for (int n = 1; n <= 30; n++) {
            assertThat(Batches.parse(Batches.label(n))).isEqualTo(n);
        }
        assertThat(Batches.parse("第2批")).isEqualTo(2);
        assertThat(Batches.parse("3")).isEqualTo(3);
        assertThat(Batches.parse("二")).isEqualTo(2);
        assertThat(Batches.parse("第零批")).isNull();
        assertThat(Batches.parse("下周")).isNull();
    }
}
