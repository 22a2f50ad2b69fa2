package org.qingnuan.wechat;

import org.junit.jupiter.api.Test;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The official account's callback, fed the way WeChat's servers feed it. */
class OfficialAccountCallbackIT extends IntegrationTest {

    final WechatServerSide wechat = new WechatServerSide(MP_TOKEN, MP_AES_KEY);

    @Autowired
    RecordedEvents events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldAnswerTheUrlCheckOnlyWithAGoodSignature() {
        String ts = now();
        String nonce = "n" + ThreadLocalRandom.current().nextInt(1_000_000);
        Response ok = api.get("/wx/mp/callback?signature=" + wechat.signature(MP_TOKEN, ts, nonce)
                + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr=hello123", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.raw()).isEqualTo("hello123");
        Response bad = api.get("/wx/mp/callback?signature=deadbeef&timestamp=" + ts + "&nonce=" + nonce + "&echostr=x", null);
        assertThat(bad.status()).isEqualTo(403);
        assertThat(bad.code()).isEqualTo("CALLBACK_REFUSED");
    }

    @Test
    void shouldQueueAMessageAndPublishItOnce() {
        String openId = openId();
        long msgId = msgId();
        String xml = WechatServerSide.text(openId, msgId, "需求 N95口罩 200个；防护服 50套");

        assertThat(post(xml).raw()).isEqualTo("success");
        assertThat(post(xml).raw()).as("WeChat redelivers when unsure").isEqualTo("success");

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.officialAccountFrom(openId).isEmpty());
        assertThat(events.officialAccountFrom(openId)).hasSize(1);
        OfficialAccountMessage m = events.officialAccountFrom(openId).get(0);
        assertThat(m.msgType()).isEqualTo("text");
        assertThat(m.content()).isEqualTo("需求 N95口罩 200个；防护服 50套");
        assertThat(rows(openId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "PROCESSED".equals(jdbc.queryForObject(
                "SELECT status FROM wx_inbound_message WHERE open_id = ?", String.class, openId)));
        assertThat(jdbc.queryForObject("SELECT payload_sealed FROM wx_inbound_message WHERE open_id = ?", String.class, openId))
                .doesNotContain("N95");
    }

    @Test
    void shouldDecryptSafeModeAndReadTheSceneOfAParametricQrCode() {
        String openId = openId();
        String encrypt = wechat.encrypt(WechatServerSide.subscribe(openId, Long.parseLong(now()), "team-42"), MP_APP_ID);
        Response r = postEncrypted(encrypt, wechat.signature(MP_TOKEN, now(), "abc", encrypt));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.officialAccountFrom(openId).isEmpty());
        OfficialAccountMessage m = events.officialAccountFrom(openId).get(0);
        assertThat(m.event()).isEqualTo("subscribe");
        assertThat(m.eventKey()).isEqualTo("team-42");
    }

    /**
     * Issue 17.3: the URL signature covers token, timestamp and nonce only, so with a plain body one
     * signed URL let anyone post any message as any follower for 5 minutes.
     */
    @Test
    void shouldRefuseAPlainMessageWhenAnAesKeyIsConfigured() {
        String victim = openId();
        Response forged = postPlain(WechatServerSide.text(victim, msgId(), "绑定 12345678"));

        assertThat(forged.status()).as(forged.raw()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CALLBACK_REFUSED");
        assertThat(rows(victim)).isZero();
        assertThat(events.officialAccountFrom(victim)).isEmpty();
    }

    @Test
    void shouldRefuseAMessageEncryptedForAnotherAppId() {
        String openId = openId();
        String encrypt = wechat.encrypt(WechatServerSide.text(openId, msgId(), "伪造"), "wx_some_other_app");
        Response r = postEncrypted(encrypt, wechat.signature(MP_TOKEN, now(), "abc", encrypt));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("CALLBACK_REFUSED");
        assertThat(rows(openId)).isZero();
    }

    @Test
    void shouldRefuseBadSignaturesStaleTimestampsAndDoctypes() {
        String openId = openId();
        String xml = WechatServerSide.text(openId, msgId(), "hi");
        String ts = now();
        Response forged = send(xml, "?signature=" + wechat.signature("another-token", ts, "n1") + "&timestamp=" + ts + "&nonce=n1");
        assertThat(forged.status()).isEqualTo(403);

        String old = String.valueOf(Long.parseLong(ts) - 3600);
        Response replayed = send(xml, "?signature=" + wechat.signature(MP_TOKEN, old, "n1") + "&timestamp=" + old + "&nonce=n1");
        assertThat(replayed.status()).as("an old, correctly signed call is a replay").isEqualTo(403);

        String encrypt = wechat.encrypt(xml, MP_APP_ID);
        Response badMsgSignature = postEncrypted(encrypt, "0000");
        assertThat(badMsgSignature.status()).isEqualTo(403);

        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><FromUserName>&e;</FromUserName><MsgType>text</MsgType><MsgId>1</MsgId></xml>";
        Response xxe = send(doctype, "?signature=" + wechat.signature(MP_TOKEN, ts, "n2") + "&timestamp=" + ts + "&nonce=n2");
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.code()).isEqualTo("XML_NOT_ALLOWED");

        assertThat(rows(openId)).isZero();
        assertThat(events.officialAccountFrom(openId)).isEmpty();
    }

    @Test
    void shouldHandleConcurrentRedeliveriesOnce() throws Exception {
        String openId = openId();
        String xml = WechatServerSide.text(openId, msgId(), "并发重发");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return post(xml).status();
            }));
        }
        start.countDown();
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.officialAccountFrom(openId).isEmpty());
        Thread.sleep(300);
        assertThat(events.officialAccountFrom(openId)).hasSize(1);
        assertThat(rows(openId)).isEqualTo(1);
    }

    /** What WeChat sends in safe mode, the only mode accepted once an EncodingAESKey is configured. */
    private Response post(String xml) {
        String ts = now();
        String encrypt = wechat.encrypt(xml, MP_APP_ID);
        return postEncrypted(encrypt, wechat.signature(MP_TOKEN, ts, "abc", encrypt));
    }

    private Response postPlain(String xml) {
        String ts = now();
        String nonce = "n" + ThreadLocalRandom.current().nextInt(1_000_000);
        return send(xml, "?signature=" + wechat.signature(MP_TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&openid=x");
    }

    @Test
    void shouldAnswerMalformedButSignedCallbacksWith400AndStoreNothing() {
        String openId = openId();
        // a text far beyond what a message can hold (~180 KB): refused, not cut and not a database error
        String huge = WechatServerSide.text(openId, msgId(), "长".repeat(60_000));
        String ts = now();
        // in plain form it is refused before it is read: with an AES key, only safe-mode messages count
        Response plain = send(huge, "?signature=" + wechat.signature(MP_TOKEN, ts, "n3") + "&timestamp=" + ts + "&nonce=n3");
        assertThat(plain.status()).as(plain.raw()).isEqualTo(403);
        assertThat(plain.code()).isEqualTo("CALLBACK_REFUSED");
        String hugeEncrypted = wechat.encrypt(huge, MP_APP_ID);
        assertMalformed(postEncrypted(hugeEncrypted, wechat.signature(MP_TOKEN, now(), "abc", hugeEncrypted)));

        // an empty <Encrypt>, correctly signed
        assertMalformed(postEncrypted("", wechat.signature(MP_TOKEN, now(), "abc", "")));
        // a length field of 0x7FFFFFFF (and one just past the plaintext, and a negative one)
        String text = WechatServerSide.text(openId, msgId(), "你好");
        for (int lengthField : new int[]{0x7FFFFFFF, text.length() + 64, -5}) {
            String lying = wechat.encrypt(text, MP_APP_ID, lengthField);
            assertMalformed(postEncrypted(lying, wechat.signature(MP_TOKEN, now(), "abc", lying)));
        }
        // ciphertext that is not Base64, or not a whole number of blocks
        for (String garbage : new String[]{"%%%not-base64%%%", "QUJD"}) {
            assertMalformed(postEncrypted(garbage, wechat.signature(MP_TOKEN, now(), "abc", garbage)));
        }
        // signed XML that is not a message, and no XML at all
        for (String body : new String[]{"<xml><Foo>1</Foo></xml>", "not xml at all", ""}) {
            String sealed = wechat.encrypt(body, MP_APP_ID);
            assertMalformed(postEncrypted(sealed, wechat.signature(MP_TOKEN, now(), "abc", sealed)));
        }
        assertThat(rows(openId)).isZero();
        assertThat(events.officialAccountFrom(openId)).isEmpty();
    }

    private static void assertMalformed(Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("CALLBACK_MALFORMED");
        assertThat(r.body().get("traceId").asText()).isNotBlank();
    }

    private Response postEncrypted(String encrypt, String msgSignature) {
        String ts = now();
        String body = "<xml><ToUserName><![CDATA[gh_qingnuan]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        return send(body, "?signature=" + wechat.signature(MP_TOKEN, ts, "abc") + "&timestamp=" + ts + "&nonce=abc"
                + "&encrypt_type=aes&msg_signature=" + msgSignature);
    }

    private Response send(String body, String query) {
        return api.raw("POST", "/wx/mp/callback" + query, null, "text/xml", HttpRequest.BodyPublishers.ofString(body));
    }

    private long rows(String openId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbound_message WHERE open_id = ?", Long.class, openId);
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    private static String openId() {
        return "o" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static long msgId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L);
    }
}
