package org.qingnuan.identity;

import org.junit.jupiter.api.Test;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, item 7: 30 submissions from one family in 12 s all got 201. */
class MiniWriteThrottleIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thirtyParallelSubmissionsOfOneFamilyGetTenThroughAndTwentyClean429s() throws Exception {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<String> keys = new ArrayList<>();
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                Map<String, Object> body = family.request("请帮忙买米 " + i);
                sent.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return family.submit(api, key, body);
                }));
            }
            start.countDown();
            for (Future<Response> f : sent) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(10);
        List<Response> refused = answers.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(20).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(429);
            assertThat(r.code()).isEqualTo("WRITES_THROTTLED");
            assertThat(r.body().get("message").asText()).startsWith("提交求助太频繁了，请").endsWith("后再试");
            assertThat(r.body().get("traceId").asText()).isNotBlank();
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM help_ticket WHERE family_id = ?", Long.class, family.familyId))
                .isEqualTo(10);

        // a retry of an accepted submission (its answer was lost) still gets its request back
        int accepted = answers.indexOf(answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow());
        Response retried = family.submit(api, keys.get(accepted), family.request("请帮忙买米 " + accepted));
        assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
        assertThat(FamilyOnMiniProgram.id(retried)).isEqualTo(FamilyOnMiniProgram.id(answers.get(accepted)));

        // other writes of the family have their own buckets; reading is never throttled
        assertThat(api.get("/api/mini/tickets", family.token).status()).isEqualTo(200);
        assertThat(api.post("/api/mini/uploads/policy", family.token, Map.of("contentType", "image/jpeg")).status())
                .isNotEqualTo(429);
    }
}
