package org.qingnuan.volunteer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, item 6: the protection quiz was passed on the 6th blind attempt (unlimited immediate retries). */
class ProtectionQuizIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void threeAttemptsADayOfQuestionsDrawnAtRandomAndNeverTheAnswers() {
        OrgUnit city = fixtures.city("武汉");
        String admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        for (int i = 0; i < 8; i++) {
            api.post("/api/admin/training-questions", admin, Map.of("question", "防护题 " + Fixtures.unique(),
                    "choices", List.of("甲", "乙", "丙"), "answer", i % 3));
        }
        Map<Long, Integer> key = answerKey(api, admin);
        OrgUnit district = fixtures.child(city, "江汉区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        DutyReadyVolunteers.Ready v = new DutyReadyVolunteers(jdbc, sessions, cipher).create(district, 30.59, 114.29);
        jdbc.update("UPDATE volunteer SET training_passed_at = NULL WHERE id = ?", v.volunteerId());

        Set<List<Long>> draws = new HashSet<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonNode quiz = api.get("/api/mini/volunteer/training", v.token()).body();
            assertThat(quiz.get("attemptsLeft").asInt()).isEqualTo(4 - attempt);
            assertThat(quiz.get("questions")).hasSize(5);
            assertThat(api.get("/api/mini/volunteer/training", v.token()).body().get("questions"))
                    .as("opening the page again shows the same draw").isEqualTo(quiz.get("questions"));
            draws.add(ids(quiz));
            Response failed = api.post("/api/mini/volunteer/training", v.token(), Map.of("answers", answers(quiz, key, false)));
            assertThat(failed.status()).as(failed.raw()).isEqualTo(200);
            assertThat(failed.body().get("passed").asBoolean()).isFalse();
            assertThat(failed.body().get("attemptsLeft").asInt()).isEqualTo(3 - attempt);
            assertThat(failed.raw()).doesNotContain("answer");
        }
        assertThat(draws).as("drawn at random, in random order").hasSizeGreaterThan(1);

        JsonNode exhausted = api.get("/api/mini/volunteer/training", v.token()).body();
        assertThat(exhausted.get("attemptsLeft").asInt()).isZero();
        assertThat(exhausted.get("questions")).isEmpty();
        assertThat(exhausted.get("course")).isNotEmpty();
        Response fourth = api.post("/api/mini/volunteer/training", v.token(), Map.of("answers", key));
        assertThat(fourth.status()).as(fourth.raw()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("QUIZ_ATTEMPTS_EXHAUSTED");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 24 * 3600L);
        assertThat(jdbc.queryForObject("SELECT training_passed_at IS NULL FROM volunteer WHERE id = ?", Boolean.class,
                v.volunteerId())).as("even the full answer key does not pass today").isTrue();

        clock.advance(Duration.ofDays(1));
        JsonNode tomorrow = api.get("/api/mini/volunteer/training", v.token()).body();
        assertThat(tomorrow.get("attemptsLeft").asInt()).isEqualTo(3);
        Response passed = api.post("/api/mini/volunteer/training", v.token(), Map.of("answers", answers(tomorrow, key, true)));
        assertThat(passed.body().get("passed").asBoolean()).as(passed.raw()).isTrue();
    }

    @Test
    void parallelSubmissionsOfOneDrawGradeItOnce() throws Exception {
        OrgUnit city = fixtures.city("武汉");
        String admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        api.post("/api/admin/training-questions", admin, Map.of("question", "防护题 " + Fixtures.unique(),
                "choices", List.of("甲", "乙"), "answer", 0));
        OrgUnit district = fixtures.child(city, "江汉区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        DutyReadyVolunteers.Ready v = new DutyReadyVolunteers(jdbc, sessions, cipher).create(district, 30.59, 114.29);
        JsonNode quiz = api.get("/api/mini/volunteer/training", v.token()).body();
        Map<String, Integer> wrong = answers(quiz, answerKey(api, admin), false);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return api.post("/api/mini/volunteer/training", v.token(), Map.of("answers", wrong));
                }));
            }
            start.countDown();
            for (Future<Response> f : sent) {
                statuses.add(f.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        assertThat(api.get("/api/mini/volunteer/training", v.token()).body().get("attemptsLeft").asInt()).isEqualTo(2);
    }

    /** Every question's right answer, as staff see it. */
    static Map<Long, Integer> answerKey(Api api, String staffToken) {
        Map<Long, Integer> key = new HashMap<>();
        api.get("/api/admin/training-questions", staffToken).body().forEach(q -> key.put(q.get("id").asLong(), q.get("answer").asInt()));
        return key;
    }

    /** Answers to the drawn questions, all right or all wrong. */
    static Map<String, Integer> answers(JsonNode quiz, Map<Long, Integer> key, boolean right) {
        Map<String, Integer> answers = new HashMap<>();
        quiz.get("questions").forEach(q -> {
            int answer = key.get(q.get("id").asLong());
            answers.put(q.get("id").asText(), right ? answer : (answer + 1) % q.get("choices").size());
        });
        return answers;
    }

    private static List<Long> ids(JsonNode quiz) {
        List<Long> ids = new ArrayList<>();
        quiz.get("questions").forEach(q -> ids.add(q.get("id").asLong()));
        return ids;
    }
}
