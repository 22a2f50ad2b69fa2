package org.qingnuan.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.audit.AuditLog;
import org.qingnuan.audit.internal.AuditLogMapper;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.baomidou.mybatisplus.core.toolkit.Wrappers.lambdaQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 17.1 and the client address of issue 20: the sign-in limits under bursts, against strangers who
 * want to lock staff out, and behind a reverse proxy. Requests come through MockMvc so that each can
 * have its own socket address; {@code 10.77.0.0/16} is a trusted proxy in the tests' configuration.
 */
class StaffSignInLimitsIT extends IntegrationTest {

    static final String PROXY = "10.77.0.5";

    @Autowired
    MockMvc mvc;
    @Autowired
    RedissonClient redisson;
    @Autowired
    AuditLogMapper auditLogs;

    final ObjectMapper json = new ObjectMapper();
    StaffAccount dispatcher;

    record Answer(int status, String code, String message) {
    }

    @BeforeEach
    void dispatcher() {
        OrgUnit city = fixtures.city("登录限制测试市团委");
        dispatcher = fixtures.staff(city, StaffRole.DISPATCHER);
    }

    @Test
    void shouldCountEveryOneOfAHundredParallelWrongPasswordsAgainstTheAddressLimit() throws Exception {
        String address = address();

        List<Answer> answers = parallel(100, i -> login(address, null, "nobody-" + i + "-" + Fixtures.unique(), "guess-" + i));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus).as("20 attempts per address, however parallel").containsEntry(401, 20L).containsEntry(429, 80L);
        assertThat(redisson.getBucket("qn:staff:login:address:" + address, StringCodec.INSTANCE).get())
                .as("every attempt counted").isEqualTo("100");
        assertThat(answers).filteredOn(a -> a.status() == 429).allSatisfy(a -> assertThat(a.code()).isEqualTo("LOGIN_RATE_LIMITED"));
    }

    @Test
    void shouldRefuseTheRightPasswordHiddenInABurstOfGuessesPastTheLimit() throws Exception {
        String address = address();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            guesses.add(pool.submit(() -> {
                start.await();
                return login(address, null, dispatcher.getUsername(), "wrong-guess-" + n);
            }));
        }
        start.countDown();
        // the guesses are still being hashed when the right password follows them
        long deadline = System.nanoTime() + Duration.ofMillis(400).toNanos();
        while (System.nanoTime() < deadline && !redisson.getMap("qn:staff:login:pairs:" + dispatcher.getUsername().toLowerCase(),
                StringCodec.INSTANCE).containsKey(address + ":until")) {
            Thread.sleep(5);
        }
        Answer right = login(address, null, dispatcher.getUsername(), Fixtures.PASSWORD);
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> f : guesses) {
            answers.add(f.get());
        }
        pool.shutdown();

        assertThat(right.status()).as("the right password after the fifth guess").isEqualTo(401);
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(answers).filteredOn(a -> "BAD_CREDENTIALS".equals(a.code())).as("only four guesses answered as wrong").hasSize(4);
        assertThat(answers).filteredOn(a -> !"BAD_CREDENTIALS".equals(a.code())).as("the rest refused unchecked")
                .extracting(Answer::code).containsOnly("ACCOUNT_LOCKED", "LOGIN_RATE_LIMITED").hasSize(26);
        assertThat(auditLogs.selectCount(lambdaQuery(AuditLog.class).eq(AuditLog::getTargetId, dispatcher.getId())
                .eq(AuditLog::getAction, "LOGIN_FAILED"))).as("passwords actually checked").isEqualTo(5);
    }

    @Test
    void shouldAnswerAnUnknownUsernameExactlyLikeALockedAccount() throws Exception {
        String address = address();
        String ghost = "ghost-" + Fixtures.unique();
        List<Answer> unknown = new ArrayList<>();
        List<Answer> known = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            unknown.add(login(address, null, ghost, "wrong-password"));
            known.add(login(address, null, dispatcher.getUsername(), "wrong-password"));
        }

        assertThat(unknown).extracting(Answer::code).containsExactly(
                "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "ACCOUNT_LOCKED", "ACCOUNT_LOCKED");
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void shouldNotLetAStrangerLockStaffOutOfTheAddressTheyUsuallySignInFrom() throws Exception {
        String office = address();
        assertThat(login(office, null, dispatcher.getUsername(), Fixtures.PASSWORD).status()).isEqualTo(200);

        // a stranger guesses from 8 addresses: each of them locks, and the account counts 40 > 30 failures
        for (int a = 0; a < 8; a++) {
            String stranger = address();
            for (int i = 0; i < 5; i++) {
                assertThat(login(stranger, null, dispatcher.getUsername(), "guess-" + i).status()).isEqualTo(401);
            }
            assertThat(login(stranger, null, dispatcher.getUsername(), Fixtures.PASSWORD).code())
                    .as("locked at the stranger's address").isEqualTo("ACCOUNT_LOCKED");
        }
        assertThat(login(address(), null, dispatcher.getUsername(), Fixtures.PASSWORD).code())
                .as("a new address is refused while the account is under attack").isEqualTo("ACCOUNT_LOCKED");

        assertThat(login(office, null, dispatcher.getUsername(), Fixtures.PASSWORD).status())
                .as("the usual address still gets in").isEqualTo(200);
        assertThat(login(office, null, "admin", "guess-guess").code())
                .as("nor can anyone lock admin for the office").isNotEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void shouldLockTheSamePairLongerEachTime() throws Exception {
        String address = address();
        for (int i = 0; i < 5; i++) {
            login(address, null, dispatcher.getUsername(), "wrong-password");
        }
        clock.advance(Duration.ofMinutes(16));
        List<Answer> again = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            again.add(login(address, null, dispatcher.getUsername(), "wrong-password"));
        }
        assertThat(again.get(4).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(again.get(4).message()).contains("30 分钟");
        clock.advance(Duration.ofMinutes(29));
        assertThat(login(address, null, dispatcher.getUsername(), Fixtures.PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        clock.advance(Duration.ofMinutes(2));
        assertThat(login(address, null, dispatcher.getUsername(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldCountAndAuditTheClientBehindATrustedProxyAndIgnoreForgedHeadersFromOthers() throws Exception {
        String typist = address();
        String colleague = address();
        for (int i = 0; i < 20; i++) {
            assertThat(login(PROXY, typist, "nobody-" + i, "guess-guess").status()).isEqualTo(401);
        }
        assertThat(login(PROXY, typist, dispatcher.getUsername(), Fixtures.PASSWORD).code()).isEqualTo("LOGIN_RATE_LIMITED");
        assertThat(login(PROXY, colleague, dispatcher.getUsername(), Fixtures.PASSWORD).status())
                .as("the proxy's other clients are not locked out").isEqualTo(200);
        assertThat(lastAudit("LOGIN_SUCCEEDED").getClientIp()).as("the audit log records the client").isEqualTo(colleague);

        String direct = address();
        login(direct, "198.51.100.77", dispatcher.getUsername(), "wrong-password");
        assertThat(lastAudit("LOGIN_FAILED").getClientIp()).as("a header from an untrusted peer is ignored").isEqualTo(direct);
    }

    private AuditLog lastAudit(String action) {
        return auditLogs.selectList(lambdaQuery(AuditLog.class).eq(AuditLog::getTargetId, dispatcher.getId())
                .eq(AuditLog::getAction, action).orderByDesc(AuditLog::getId)).get(0);
    }

    private Answer login(String peer, String forwardedFor, String username, String password) {
        try {
            return send(peer, forwardedFor, username, password);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(String peer, String forwardedFor, String username, String password) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/admin/auth/login").with(r -> {
            r.setRemoteAddr(peer);
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("username", username, "password", password)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        JsonNode body = json.readTree(response.getContentAsByteArray());
        return new Answer(response.getStatus(), body.path("code").asText(null), body.path("message").asText(null));
    }

    private static List<Answer> parallel(int n, Function<Integer, Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.apply(k);
            }));
        }
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();
        return answers;
    }

    /** A documentation-range address of its own for each use (TEST-NET-2/3 and 198.18/15). */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
