package org.qingnuan.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.People;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.wechat.MiniProgram.ContentScene;
import org.qingnuan.wechat.MiniProgram.ContentVerdict;
import org.qingnuan.wechat.MiniProgram.LoginSession;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mini-program edge through the real WxJava client, against the WeChat stub. */
class WxMiniProgramIT extends IntegrationTest {

    static final String JSCODE2SESSION = "/sns/jscode2session";
    static final String PHONE = "/wxa/business/getuserphonenumber";
    static final String MSG_SEC_CHECK = "/wxa/msg_sec_check";
    static final String SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send";
    static final String STABLE_TOKEN = "/cgi-bin/stable_token";

    final WechatApiStub stub = WechatApiStub.get();
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    MiniProgram miniProgram;
    @Autowired
    MiniProgramProperties properties;
    @Autowired
    RedissonClient redisson;
    @Autowired
    ObjectProvider<LoggingSystem> logging;
    @Autowired
    org.springframework.core.env.Environment environment;
    @Autowired
    WechatErrors wechatErrors;

    @Test
    void shouldLogInWithAWxLoginCode() {
        String openId = openId("oLogin");

        LoginSession session = miniProgram.login("code-" + openId);

        assertThat(miniProgram.configured()).isTrue();
        assertThat(session.openId()).isEqualTo(openId);
        assertThat(session.unionId()).isEqualTo("u-" + openId);
        assertThat(Base64.getDecoder().decode(session.sessionKey())).hasSize(16);
        assertThat(stub.calls(JSCODE2SESSION)).filteredOn(c -> c.query().contains("js_code=code-" + openId))
                .singleElement().satisfies(call -> {
                    assertThat(call.method()).isEqualTo("GET");
                    assertThat(call.query()).contains("appid=" + MINI_APP_ID)
                            .contains("secret=" + WechatApiStub.MINI_SECRET)
                            .contains("grant_type=authorization_code");
                });
    }

    @Test
    void shouldSurfaceInvalidUsedAndRateLimitedCodesWithWechatsErrcode() {
        String openId = openId("oOnce");
        miniProgram.login("code-" + openId);

        assertErrcode(() -> miniProgram.login("code-" + openId), MiniProgramException.INVALID_CODE);
        assertErrcode(() -> miniProgram.login("bad-code"), MiniProgramException.INVALID_CODE);
        assertErrcode(() -> miniProgram.login("busy-code"), MiniProgramException.RATE_LIMITED);
        assertThat(stub.calls(JSCODE2SESSION).stream().filter(c -> c.query().contains("js_code=code-" + openId)))
                .as("each attempt reaches WeChat once").hasSize(2);
    }

    @Test
    void shouldExchangeAPhoneCodeForThePureNumberOnce() {
        String openId = openId("oPhone");
        String mobile = People.mobile();
        String code = "phone-" + mobile;

        assertThat(miniProgram.phoneNumber(code, openId)).isEqualTo(mobile);

        assertThat(stub.calls(PHONE)).filteredOn(c -> c.body().contains(code)).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(read(call.body()).get("code").asText()).isEqualTo(code);
            assertThat(read(call.body()).get("openid").asText()).as("the new API takes the openid too").isEqualTo(openId);
            assertThat(call.query()).contains("access_token=stub-token-");
        });
        assertErrcode(() -> miniProgram.phoneNumber(code, openId), MiniProgramException.INVALID_CODE);
        assertErrcode(() -> miniProgram.phoneNumber("not-a-phone-code", openId), MiniProgramException.INVALID_CODE);
    }

    @Test
    void shouldMapTheVerdictOfMsgSecCheckV2AndSendOpenidVersionAndScene() {
        String openId = openId("oText");

        assertThat(miniProgram.checkText(openId, ContentScene.FORUM, "需要N95口罩200个")).isEqualTo(ContentVerdict.PASS);
        assertThat(miniProgram.checkText(openId, ContentScene.COMMENT, "这段待审的文字")).isEqualTo(ContentVerdict.REVIEW);
        assertThat(miniProgram.checkText(openId, ContentScene.PROFILE, "一段违禁内容")).isEqualTo(ContentVerdict.RISKY);

        List<JsonNode> sent = stub.calls(MSG_SEC_CHECK).stream().filter(c -> c.body().contains(openId))
                .map(c -> read(c.body())).toList();
        assertThat(sent).hasSize(3);
        assertThat(sent).allSatisfy(body -> {
            assertThat(body.get("openid").asText()).isEqualTo(openId);
            assertThat(body.get("version").asText()).isEqualTo("2");
        });
        assertThat(sent).extracting(body -> body.get("scene").asInt()).containsExactly(3, 2, 1);
        assertThat(sent).extracting(body -> body.get("content").asText())
                .containsExactly("需要N95口罩200个", "这段待审的文字", "一段违禁内容");

        assertErrcode(() -> miniProgram.checkText(null, ContentScene.COMMENT, "没有 openid"), 40003);
    }

    @Test
    void shouldSendASubscribeMessageWithPageAndData() {
        String openId = openId("oSub");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", "N95口罩需求已受理");
        data.put("time2", "2026-04-12 10:00");

        miniProgram.sendSubscribeMessage(openId, "tmpl-ticket-accepted", "pages/ticket/detail?id=42", data);

        assertThat(stub.calls(SUBSCRIBE_SEND)).filteredOn(c -> c.body().contains(openId)).singleElement().satisfies(call -> {
            JsonNode body = read(call.body());
            assertThat(body.get("touser").asText()).isEqualTo(openId);
            assertThat(body.get("template_id").asText()).isEqualTo("tmpl-ticket-accepted");
            assertThat(body.get("page").asText()).isEqualTo("pages/ticket/detail?id=42");
            assertThat(body.get("data").get("thing1").get("value").asText()).isEqualTo("N95口罩需求已受理");
            assertThat(body.get("data").get("time2").get("value").asText()).isEqualTo("2026-04-12 10:00");
        });
    }

    @Test
    void shouldSurfaceARefusedSubscriptionAndARateLimit() {
        assertErrcode(() -> miniProgram.sendSubscribeMessage(openId("oRefuse"), "tmpl-1", "pages/index/index", Map.of("thing1", "x")),
                MiniProgramException.SUBSCRIPTION_REFUSED);
        assertErrcode(() -> miniProgram.sendSubscribeMessage(openId("oBusy"), "tmpl-1", "pages/index/index", Map.of("thing1", "x")),
                MiniProgramException.RATE_LIMITED);
    }

    @Test
    void shouldFetchTheAccessTokenOnceThroughStableTokenAndShareItInRedis() {
        redisson.getKeys().deleteByPattern(WxMiniProgram.REDIS_PREFIX + ":*");
        long before = stub.count(STABLE_TOKEN, MINI_APP_ID);
        // a new instance: the shared one may remember a token from an earlier test (RememberedTokenConfig)
        WxMiniProgram miniProgram = new WxMiniProgram(properties, redisson, logging, environment, wechatErrors);

        miniProgram.checkText(openId("oTok"), ContentScene.COMMENT, "第一次");
        miniProgram.sendSubscribeMessage(openId("oTok"), "tmpl-1", "pages/index/index", Map.of("thing1", "x"));

        assertThat(stub.count(STABLE_TOKEN, MINI_APP_ID)).as("one token for two calls").isEqualTo(before + 1);
        assertThat(stub.calls(STABLE_TOKEN)).filteredOn(c -> c.body().contains(MINI_APP_ID)).last().satisfies(call -> {
            JsonNode body = read(call.body());
            assertThat(body.get("grant_type").asText()).isEqualTo("client_credential");
            assertThat(body.get("secret").asText()).isEqualTo(WechatApiStub.MINI_SECRET);
            assertThat(body.get("force_refresh").asBoolean()).isFalse();
        });
        assertThat(stub.calls("/cgi-bin/token")).noneMatch(c -> c.query().contains(MINI_APP_ID));
        assertThat(redisson.getKeys().getKeysByPattern(WxMiniProgram.REDIS_PREFIX + ":*access_token*")).hasSize(1);

        // a second instance (another node) finds the token in Redis
        WxMiniProgram otherNode = new WxMiniProgram(properties, redisson, logging, environment, wechatErrors);
        otherNode.checkText(openId("oTok"), ContentScene.COMMENT, "另一个实例");
        miniProgram.login("code-" + openId("oTok"));
        assertThat(stub.count(STABLE_TOKEN, MINI_APP_ID)).as("still the one token").isEqualTo(before + 1);
    }

    @Test
    void shouldReplaceATokenWechatNoLongerAcceptsOnce() {
        String openId = openId("oStale");
        miniProgram.checkText(openId, ContentScene.COMMENT, "取得令牌");
        String used = tokenOf(stub.calls(MSG_SEC_CHECK).stream().filter(c -> c.body().contains("取得令牌")).findFirst().orElseThrow());
        stub.revoke(used);
        long before = stub.count(STABLE_TOKEN, MINI_APP_ID);

        assertThat(miniProgram.checkText(openId, ContentScene.COMMENT, "令牌已失效")).isEqualTo(ContentVerdict.PASS);

        assertThat(stub.count(STABLE_TOKEN, MINI_APP_ID)).isEqualTo(before + 1);
        assertThat(stub.calls(MSG_SEC_CHECK)).filteredOn(c -> c.body().contains("令牌已失效"))
                .extracting(WxMiniProgramIT::tokenOf).hasSize(2).first().isEqualTo(used);
        assertThat(tokenOf(stub.calls(MSG_SEC_CHECK).get(stub.calls(MSG_SEC_CHECK).size() - 1))).isNotEqualTo(used);
    }

    @Test
    void shouldRememberTheTokenItReadForHalfAMinuteInsteadOfAskingRedisEveryCall() {
        String openId = openId("oMemo");
        miniProgram.checkText(openId, ContentScene.COMMENT, "记住令牌");
        String used = tokenOf(stub.calls(MSG_SEC_CHECK).stream().filter(c -> c.body().contains("记住令牌")).findFirst().orElseThrow());
        // Redis now holds another token: this instance still sends the one it read moments ago, without a refusal
        String key = redisson.getKeys().getKeysByPattern(WxMiniProgram.REDIS_PREFIX + ":*access_token*").iterator().next();
        redisson.getBucket(key).set("stub-token-elsewhere", Duration.ofMinutes(10));

        assertThat(miniProgram.checkText(openId, ContentScene.COMMENT, "仍用记住的令牌")).isEqualTo(ContentVerdict.PASS);

        assertThat(stub.calls(MSG_SEC_CHECK)).filteredOn(c -> c.body().contains("仍用记住的令牌"))
                .extracting(WxMiniProgramIT::tokenOf).containsExactly(used);
        // another instance has nothing remembered and reads Redis
        WxMiniProgram otherNode = new WxMiniProgram(properties, redisson, logging, environment, wechatErrors);
        otherNode.checkText(openId, ContentScene.COMMENT, "另一个实例读取 Redis");
        assertThat(stub.calls(MSG_SEC_CHECK)).filteredOn(c -> c.body().contains("另一个实例读取 Redis"))
                .extracting(WxMiniProgramIT::tokenOf).first().isEqualTo("stub-token-elsewhere");
    }

    @Test
    void shouldNotRememberATokenInItsLastMinute() {
        String openId = openId("oLast");
        WxMiniProgram node = new WxMiniProgram(properties, redisson, logging, environment, wechatErrors);
        node.checkText(openId, ContentScene.COMMENT, "取得令牌");
        String key = redisson.getKeys().getKeysByPattern(WxMiniProgram.REDIS_PREFIX + ":*access_token*").iterator().next();
        String valid = redisson.<String>getBucket(key).get();
        // another instance finds the token with 50 s to live: it uses it, without remembering it
        WxMiniProgram late = new WxMiniProgram(properties, redisson, logging, environment, wechatErrors);
        redisson.<String>getBucket(key).set(valid, Duration.ofSeconds(50));
        late.checkText(openId, ContentScene.COMMENT, "最后一分钟");
        redisson.<String>getBucket(key).set("stub-token-next", Duration.ofMinutes(10));

        late.checkText(openId, ContentScene.COMMENT, "再读 Redis");

        assertThat(stub.calls(MSG_SEC_CHECK)).filteredOn(c -> c.body().contains("最后一分钟"))
                .extracting(WxMiniProgramIT::tokenOf).containsExactly(valid);
        assertThat(stub.calls(MSG_SEC_CHECK)).filteredOn(c -> c.body().contains("再读 Redis"))
                .extracting(WxMiniProgramIT::tokenOf).first().isEqualTo("stub-token-next");
    }

    private static String tokenOf(WechatApiStub.Call call) {
        return java.util.Arrays.stream(call.query().split("&")).filter(p -> p.startsWith("access_token="))
                .map(p -> p.substring("access_token=".length())).findFirst().orElseThrow();
    }

    @Test
    void shouldLeaveRetryingToTheCallerAndMapAnyErrcode() {
        String openId = openId("oRetry");
        stub.failNext(MSG_SEC_CHECK, -1);
        long started = System.nanoTime();
        assertErrcode(() -> miniProgram.checkText(openId, ContentScene.COMMENT, "系统繁忙"), -1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no sleeping retries").isLessThan(Duration.ofMillis(900));
        assertThat(stub.count(MSG_SEC_CHECK, openId)).isEqualTo(1);

        stub.failNext(PHONE, 45011);
        assertErrcode(() -> miniProgram.phoneNumber("phone-13800000000", openId), MiniProgramException.RATE_LIMITED);
        stub.failNext(SUBSCRIBE_SEND, 40037);
        assertErrcode(() -> miniProgram.sendSubscribeMessage(openId, "tmpl-gone", null, Map.of()), 40037);
    }

    @Test
    void shouldCallNothingWhenNotConfigured() {
        WxMiniProgram unconfigured = new WxMiniProgram(new MiniProgramProperties(" ", null, stub.baseUrl()), redisson, logging, environment, wechatErrors);
        String openId = openId("oNone");

        assertThat(unconfigured.configured()).isFalse();
        assertErrcode(() -> unconfigured.login("code-" + openId), -1);
        assertErrcode(() -> unconfigured.checkText(openId, ContentScene.COMMENT, "x"), -1);
        assertErrcode(() -> unconfigured.sendSubscribeMessage(openId, "t", "p", Map.of()), -1);
        assertThat(stub.calls(JSCODE2SESSION)).noneMatch(c -> c.query().contains(openId));
    }

    @Test
    void shouldAnswerMinusOneWhenWechatCannotBeReached() {
        WxMiniProgram unreachable = new WxMiniProgram(
                new MiniProgramProperties(MINI_APP_ID, WechatApiStub.MINI_SECRET, "http://127.0.0.1:1"), redisson, logging, environment, wechatErrors);
        redisson.getKeys().deleteByPattern(WxMiniProgram.REDIS_PREFIX + ":*");

        assertErrcode(() -> unreachable.login("code-" + openId("oDown")), -1);
    }

    @Test
    void shouldLogErrcodesButNoCodesOpenidsTextOrTokens() throws IOException {
        String openId = openId("oBusy");
        String text = "日志里不应出现的文字" + Fixtures.unique();
        String code = "code-" + openId("oLog");
        miniProgram.login(code);
        stub.failNext(MSG_SEC_CHECK, 45011);
        assertErrcode(() -> miniProgram.checkText(openId, ContentScene.COMMENT, text), MiniProgramException.RATE_LIMITED);
        assertErrcode(() -> miniProgram.sendSubscribeMessage(openId, "tmpl-1", "pages/index/index", Map.of("thing1", text)),
                MiniProgramException.RATE_LIMITED);
        assertErrcode(() -> miniProgram.login(code), MiniProgramException.INVALID_CODE);

        String log = Files.readString(Path.of("target/test-logs/test-run.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("WeChat mini-program msgSecCheck refused: errcode 45011")
                .contains("WeChat mini-program subscribeSend refused: errcode 45011")
                .doesNotContain(openId).doesNotContain(text).doesNotContain(code)
                .doesNotContain(WechatApiStub.MINI_SECRET);
    }

    /** Issue 17.2: the code used to reach code2Session's query string unencoded, beside the AppSecret. */
    @Test
    void shouldRefuseALoginCodeThatIsNotAShortUrlSafeStringBeforeCallingWechat() {
        String openId = openId("oSmuggled");

        for (String code : List.of("code-" + openId + "&foo=bar", "code-" + openId + "&js_code=code-oOther",
                "code-{" + openId + "}", "code-" + openId + "%", "code-" + openId + "\\b", "code-" + openId + "#b",
                "code-" + openId + " b", "code-" + openId + "~1")) {
            org.qingnuan.testing.Api.Response login = api.post("/api/mini/auth/login", null, Map.of("code", code));
            assertThat(login.status()).as(code).isEqualTo(400);
            assertThat(login.code()).as(code).isEqualTo("WX_CODE_INVALID");
            assertThat(login.body().get("message").asText()).contains("重新进入小程序");
            assertThat(login.body().get("traceId").asText()).isNotBlank();
        }

        assertThat(stub.calls(JSCODE2SESSION)).as("nothing reached WeChat")
                .noneMatch(call -> call.query().contains(openId) || call.query().contains("foo=bar"));
        assertThat(api.post("/api/mini/auth/login", null, Map.of("code", "code-" + openId)).status())
                .as("a well-formed code still signs in").isEqualTo(200);
    }

    private static String openId(String prefix) {
        return prefix + "-" + Fixtures.unique();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static void assertErrcode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int errcode) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MiniProgramException.class,
                e -> assertThat(e.errcode()).isEqualTo(errcode));
    }
}
