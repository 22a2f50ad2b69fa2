package org.qingnuan.wechat;

import org.qingnuan.testing.Api;
import org.qingnuan.testing.IntegrationTest;

import java.net.http.HttpRequest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Posts to the official account's callback the way WeChat does in safe mode (the tests configure an
 * EncodingAESKey, so plain messages are refused), for feature tests.
 */
public final class CallbackClient {

    private final Api api;
    private final WechatServerSide wechat = new WechatServerSide(IntegrationTest.MP_TOKEN, IntegrationTest.MP_AES_KEY);

    public CallbackClient(Api api) {
        this.api = api;
    }

    public Api.Response text(String openId, String content) {
        return post(WechatServerSide.text(openId, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L), content));
    }

    public Api.Response scan(String openId, String scene) {
        return post(WechatServerSide.subscribe(openId, System.currentTimeMillis() / 1000, scene));
    }

    private Api.Response post(String xml) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + ThreadLocalRandom.current().nextInt(1_000_000);
        String encrypt = wechat.encrypt(xml, IntegrationTest.MP_APP_ID);
        String body = "<xml><ToUserName><![CDATA[gh_qingnuan]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        return api.raw("POST", "/wx/mp/callback?signature=" + wechat.signature(IntegrationTest.MP_TOKEN, ts, nonce)
                + "&timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                + wechat.signature(IntegrationTest.MP_TOKEN, ts, nonce, encrypt), null, "text/xml",
                HttpRequest.BodyPublishers.ofString(body));
    }
}
