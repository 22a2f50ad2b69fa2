package org.qingnuan.wechat;

import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The mini-program's message push (开发管理 → 消息推送, data format JSON): WeChat's URL check and its events. Every
 * call's URL signature is checked with the Token by WxJava's {@code checkSignature}; with an EncodingAESKey
 * configured only encrypted pushes are taken (the URL signature does not cover a plain body), their
 * {@code msg_signature} over the ciphertext is checked here and WxJava's {@code WxMaMessage} decrypts and parses.
 * WxJava drops the AppID it finds inside the ciphertext, so the message's own {@code appid} is compared instead.
 * A {@code wxa_media_check} event is published as {@link MediaCheckResult}; other events are acknowledged and
 * ignored.
 */
@Component
public class MiniProgramPush {

    /** The event of mediaCheckAsync's verdict. */
    static final String MEDIA_CHECK = "wxa_media_check";
    /** WeChat's pushes are a few KB; anything larger is not one. */
    static final int MAX_BODY = 64 * 1024;
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final MiniProgramProperties properties;
    private final WxMiniProgram miniProgram;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    MiniProgramPush(MiniProgramProperties properties, WxMiniProgram miniProgram, ApplicationEventPublisher events,
                    ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.miniProgram = miniProgram;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** WeChat's URL check, and the first step of every push: sha1(sort(token, timestamp, nonce)). */
    public void verifySignature(String timestamp, String nonce, String signature) {
        if (!properties.pushConfigured()) {
            throw new CallbackRefused("mini-program push not configured");
        }
        CallbackSignatures.requireFresh(clock, MAX_CLOCK_SKEW, timestamp);
        if (signature == null || nonce == null || !miniProgram.client().checkSignature(timestamp, nonce, signature.toLowerCase())) {
            throw new CallbackRefused("bad signature");
        }
    }

    /**
     * Checks and reads one push; publishes what features act on. Runs on the callback's thread: the work
     * is a few rows, well within WeChat's 5 seconds, and a failure makes WeChat push again.
     *
     * @throws CallbackRefused   a bad signature, a stale timestamp, a plain push in safe mode, another AppID
     * @throws CallbackMalformed a signed body that is not a push
     */
    public void receive(String body, String timestamp, String nonce, String signature, String encryptType,
                        String msgSignature) {
        verifySignature(timestamp, nonce, signature);
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new CallbackMalformed("empty or oversized push");
        }
        WxMaMessage message;
        if ("aes".equalsIgnoreCase(encryptType)) {
            String encrypt = field(body, "Encrypt");
            if (encrypt == null || encrypt.isBlank()) {
                throw new CallbackMalformed("no Encrypt field");
            }
            if (!CallbackSignatures.matches(CallbackSignatures.sha1(properties.token(), timestamp, nonce, encrypt),
                    msgSignature)) {
                throw new CallbackRefused("bad msg_signature");
            }
            message = parse(() -> WxMaMessage.fromEncryptedJson(body, miniProgram.client().getWxMaConfig()));
        } else {
            if (properties.encryptedPushesOnly()) {
                throw new CallbackRefused("plain push while safe mode is required");
            }
            field(body, "Event"); // refuses what is not JSON before WxJava reads it
            message = parse(() -> WxMaMessage.fromJson(body));
        }
        if (message.getAppid() != null && !message.getAppid().equals(properties.appId())) {
            throw new CallbackRefused("push for another AppID");
        }
        if (MEDIA_CHECK.equals(message.getEvent())) {
            if (message.getTraceId() == null || message.getTraceId().isBlank() || message.getResult() == null
                    || message.getResult().getSuggest() == null) {
                throw new CallbackMalformed("media check without trace_id or result");
            }
            events.publishEvent(new MediaCheckResult(message.getTraceId(), message.getResult().getSuggest(),
                    label(message.getResult().getLabel())));
        }
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new CallbackMalformed("not a JSON object");
            }
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            throw new CallbackMalformed("unreadable JSON");
        }
    }

    private static WxMaMessage parse(java.util.function.Supplier<WxMaMessage> reading) {
        WxMaMessage message;
        try {
            message = reading.get();
        } catch (RuntimeException e) {
            // WxJava's exceptions may quote the body: the type only
            throw new CallbackMalformed("unreadable push (" + e.getClass().getSimpleName() + ")");
        }
        if (message == null) {
            throw new CallbackMalformed("empty push");
        }
        return message;
    }

    private static Integer label(String label) {
        try {
            return label == null ? null : Integer.valueOf(label.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }


}
