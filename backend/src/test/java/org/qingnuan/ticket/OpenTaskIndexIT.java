package org.qingnuan.ticket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.testing.IntegrationTest;
import org.redisson.api.RGeo;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-task index's search against real Redis: the near circle answers when it holds the nearest fifty, and
 * whatever lies between it and the volunteer's radius still comes when it does not. The members sit in an empty
 * corner of the map (the Taklamakan), away from every other test's tasks; the test holds the reconciler's lock, as
 * another instance would, so that no rebuild (our members are not in the database) runs meanwhile.
 */
class OpenTaskIndexIT extends IntegrationTest {

    private static final double LAT = 39.0;
    private static final double LON = 83.0;
    /** One degree of latitude, km. */
    private static final double KM_PER_DEGREE = 111.2;

    @Autowired
    OpenTaskIndex index;
    @Autowired
    RedissonClient redisson;

    private final List<String> added = new ArrayList<>();
    private RLock reconciling;

    @BeforeEach
    void holdTheReconcilersLock() throws InterruptedException {
        reconciling = redisson.getLock(OpenTaskReconciler.LOCK);
        assertThat(reconciling.tryLock(30, 60, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void removeMembers() {
        for (TicketCategory c : TicketCategory.values()) {
            geo(c).removeAll(added);
        }
        reconciling.unlock();
    }

    @Test
    void aCrowdedNearCircleAnswersWithTheNearestOfAllCategories() {
        // 60 tasks of two categories 0.5 to 3.45 km north, one 2.2 km away in a third; and one at 8 km that must not come
        for (int i = 0; i < 60; i++) {
            put(i % 2 == 0 ? TicketCategory.MEALS : TicketCategory.CARE, 900_000 + i, 0.5 + i * 0.05);
        }
        put(TicketCategory.TUTORING, 900_100, 2.225);
        put(TicketCategory.MEALS, 900_101, 8.0);

        Map<Long, Double> near = index.near(EnumSet.of(TicketCategory.MEALS, TicketCategory.CARE, TicketCategory.TUTORING),
                BigDecimal.valueOf(LAT), BigDecimal.valueOf(LON), 20, 50);

        assertThat(near).hasSize(50).doesNotContainKey(900_101L).containsKey(900_100L);
        assertThat(new ArrayList<>(near.values())).isSorted();
        // the fifty nearest: tasks 0..48 and the tutoring one (2.225 km lies between tasks 34 and 35)
        assertThat(near).containsKeys(900_000L, 900_034L, 900_035L, 900_048L).doesNotContainKey(900_049L);
    }

    @Test
    void aSparseNearCircleIsWidenedToTheVolunteersRadius() {
        put(TicketCategory.MEALS, 900_200, 1.0);
        put(TicketCategory.CARE, 900_201, 4.0);
        put(TicketCategory.MEALS, 900_202, 7.5);
        put(TicketCategory.CARE, 900_203, 15.0);
        put(TicketCategory.MEALS, 900_204, 25.0);

        Map<Long, Double> near = index.near(EnumSet.of(TicketCategory.MEALS, TicketCategory.CARE),
                BigDecimal.valueOf(LAT), BigDecimal.valueOf(LON), 20, 50);

        assertThat(near.keySet()).containsExactly(900_200L, 900_201L, 900_202L, 900_203L);
        assertThat(near.get(900_203L)).isBetween(14.5, 15.5);

        // a radius inside the near circle: that radius, nothing beyond
        assertThat(index.near(EnumSet.of(TicketCategory.MEALS, TicketCategory.CARE), BigDecimal.valueOf(LAT),
                BigDecimal.valueOf(LON), 3, 50).keySet()).containsExactly(900_200L);
    }

    private void put(TicketCategory category, long id, double kmNorth) {
        geo(category).add(LON, LAT + kmNorth / KM_PER_DEGREE, Long.toString(id));
        added.add(Long.toString(id));
    }

    private RGeo<String> geo(TicketCategory category) {
        return redisson.getGeo("qn:tasks:open:" + category.name(), StringCodec.INSTANCE);
    }
}
