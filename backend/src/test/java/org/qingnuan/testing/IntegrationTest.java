package org.qingnuan.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.internal.OrgUnitMapper;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.time.ZoneId;

/**
 * Base of the integration tests: the production profile against the real MariaDB and Redis of
 * {@link RealServicesSession}, served on a random port. All subclasses share one application
 * context (same configuration), so the suite starts Spring once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qingnuan.bootstrap.admin-password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
        // test-only keys, one retired (old) and one active, to exercise rotation
        "qingnuan.crypto.active-key-id=t2",
        "qingnuan.crypto.keys=t1:Lkm6SwALvbOpmVm26TMCeGrTEik2oQ1zU/zEOYLjPjU=,t2:iGW6Shp5G2X9WIFWfuEZHZN9XtqsmD8w53miMRiaa6Q=",
        "qingnuan.crypto.blind-index-key=+vgAYyxp2S51NEQphO/CQ1hdVsvo7DOMeWLIJrSjCDs=",
        "qingnuan.wechat.mp.app-id=" + IntegrationTest.MP_APP_ID,
        "qingnuan.wechat.mp.secret=stub-app-secret",
        "qingnuan.wechat.mini.app-id=" + IntegrationTest.MINI_APP_ID,
        "qingnuan.wechat.mini.secret=stub-mini-secret",
        "qingnuan.notice.ticket-template-id=" + IntegrationTest.TICKET_TEMPLATE_ID,
        "qingnuan.alert.crisis-template-id=crisis-alert-template",
        "qingnuan.alert.dispatch-template-id=" + IntegrationTest.DISPATCH_TEMPLATE_ID,
        "qingnuan.dispatch.scan=1h",
        // tests run the jobs themselves, at the moments they choose
        "qingnuan.ticket.auto-confirm-scan=1h",
        "qingnuan.notice.retry-scan=1h",
        "qingnuan.alert.retry-scan=1h",
        "qingnuan.photo-check.retry-scan=1h",
        "qingnuan.volunteer.release-scan=1h",
        "qingnuan.ticket.plan-scan=1h",
        // tests run the daily prompt job themselves, at the moments they choose
        "qingnuan.prompt.scan-interval=1h",
        // tests keep the ledger's snapshots themselves ("-": the cron trigger is off)
        "qingnuan.ledger.snapshot-cron=-",
        "qingnuan.public-base-url=" + IntegrationTest.PUBLIC_BASE_URL,
        // the reverse proxy of StaffSignInLimitsIT; MockMvc requests may come from it
        "qingnuan.trusted-proxies=10.77.0.0/16",
        // tests re-seal personal data themselves (PersonalDataResealIT)
        "qingnuan.crypto.reseal-first=1h",
        // the actuator's own port (Prometheus, health groups), random like the server's
        "management.server.port=0",
        // the contract test reads /v3/api-docs, off by default in production (ProductionProfileIT)
        "QN_API_DOCS=true",
        "qingnuan.wechat.mp.token=" + IntegrationTest.MP_TOKEN,
        "qingnuan.wechat.mp.aes-key=" + IntegrationTest.MP_AES_KEY,
        // the mini-program's message push (photo-check verdicts), in safe mode like WeChat's recommended setting
        "qingnuan.wechat.mini.token=" + IntegrationTest.MINI_TOKEN,
        "qingnuan.wechat.mini.aes-key=" + IntegrationTest.MINI_AES_KEY})
@ActiveProfiles("prod")
@AutoConfigureMockMvc
// Boot's tests turn metrics export off; the operations test scrapes /actuator/prometheus as Prometheus would
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    public static final String BOOTSTRAP_PASSWORD = "bootstrap-password-1";
    public static final String MP_APP_ID = "wx1234567890abcdef";
    public static final String TICKET_TEMPLATE_ID = "ticket-progress-template";
    public static final String DISPATCH_TEMPLATE_ID = "dispatch-alert-template";
    public static final String MINI_APP_ID = "wxfedcba0987654321";
    public static final String MP_TOKEN = "qingnuanTestToken";
    /** Printed on certificates; a test calls the path of such a URL on its own server. */
    public static final String PUBLIC_BASE_URL = "https://qingnuan.test/";
    public static final String MP_AES_KEY = "C7yb8Tsd2PbWfnQMumHUMKUgGjCD4D7LDvbDL32tN0g";
    public static final String MINI_TOKEN = "qingnuanMiniTestToken";
    public static final String MINI_AES_KEY = "FpvfVdPWv8Xw0wxU9lmVlKsBBmV9ZsBFc0Peoy54qlc";

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected Fixtures fixtures;

    protected Api api;

    @org.springframework.test.context.DynamicPropertySource
    static void wechatStub(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("qingnuan.wechat.mp.api-host", () -> WechatApiStub.get().baseUrl());
        registry.add("qingnuan.wechat.mini.api-host", () -> WechatApiStub.get().baseUrl());
        registry.add("qingnuan.wechat.wecom.api-host", () -> WechatApiStub.get().baseUrl());
        registry.add("qingnuan.storage.oss.endpoint", () -> OssStub.get().baseUrl());
        registry.add("qingnuan.storage.oss.bucket", () -> OssStub.BUCKET);
        registry.add("qingnuan.storage.oss.access-key-id", () -> OssStub.ACCESS_KEY_ID);
        registry.add("qingnuan.storage.oss.access-key-secret", () -> OssStub.ACCESS_KEY_SECRET);
        registry.add("qingnuan.storage.oss.region", () -> OssStub.REGION);
    }

    @Autowired
    private org.redisson.api.RedissonClient redissonForTests;

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
        // every test signs in from 127.0.0.1: failures of earlier tests (the fuzz battery's, the sign-in tests')
        // must not count against this one's address, as they would not for a different client
        try {
            redissonForTests.getKeys().deleteByPattern("qn:staff:login:address:*");
            // the same for the mini-program's per-user write limits: another application context of the run (its own
            // database, this Redis) numbers its users from 1 too, and a full bucket of its user N made all 30
            // submissions of MiniWriteThrottleIT's user N answer 429 in one CI run
            redissonForTests.getKeys().deleteByPattern("qn:limit:mini:*");
        } catch (RuntimeException redisDown) {
            // an outage test's Redis may be down between its steps: nothing to reset then
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        CommitMoment commitMoment() {
            return new CommitMoment();
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }

        @Bean
        Fixtures fixtures(OrgUnitMapper orgMapper, StaffAccountMapper staffMapper, OrgService orgService,
                          PasswordEncoder passwordEncoder) {
            return new Fixtures(orgMapper, staffMapper, orgService, passwordEncoder);
        }
    }
}
