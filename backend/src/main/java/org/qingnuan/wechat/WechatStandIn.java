package org.qingnuan.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default's stand-in for api.weixin.qq.com, served by the application itself under
 * {@code /embedded/wechat} (the WxJava clients' API host in that profile), so the real client code runs:
 * tokens, JSON, errcodes. It knows the two demo apps of {@code application-embedded.yml}.
 * <ul>
 *   <li>code2Session: any code of 1–128 letters, digits, {@code -} or {@code _} signs in; the same code
 *       always gives the same openid ({@code oDemo} + 23 hex of its SHA-256), so a demo user is a code.</li>
 *   <li>getPhoneNumber: the code {@code demo-phone-<11 digits>} answers that number (README lists the demo
 *       phones the registry knows); anything else 40029.</li>
 *   <li>msgSecCheck: text with a word of {@link #RISKY} is {@code risky}, of {@link #REVIEW} {@code review},
 *       else {@code pass} (v1, without openid: errcode 87014 for either).</li>
 *   <li>mediaCheckAsync (v1 and v2): answers a trace_id and, {@link #MEDIA_VERDICT_DELAY} later, pushes a signed
 *       {@code pass} for it to the application's own {@code /wx/mini/callback}, as WeChat would (plain JSON: the
 *       demo app has no EncodingAESKey), so a photo shows 审核中 for a moment and then appears.</li>
 *   <li>subscribe, template and customer-service messages are answered ok and kept (the last
 *       {@value #KEPT}) for staff to read in 消息记录（演示）.</li>
 * </ul>
 * Never in the prod profile ({@code StandInGuard}).
 */
@Component
@Profile("!prod")
@ConditionalOnProperty("qingnuan.embedded.stand-ins")
public class WechatStandIn {

    /** Words that make msgSecCheck answer {@code risky}. */
    public static final List<String> RISKY = List.of("违禁", "赌博", "毒品", "枪支");
    /** Words that make msgSecCheck answer {@code review}. */
    public static final List<String> REVIEW = List.of("待审", "加我微信", "私下转账");
    static final int KEPT = 500;

    private static final Pattern LOGIN_CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern PHONE_CODE = Pattern.compile("demo-phone-(1\\d{10})");
    private static final Set<String> MINI_PROGRAM_PATHS = Set.of(
            "/wxa/business/getuserphonenumber", "/wxa/msg_sec_check", "/cgi-bin/message/subscribe/send",
            "/wxa/media_check_async");
    /** How long the stand-in "checks" a photo before pushing its verdict. */
    static final java.time.Duration MEDIA_VERDICT_DELAY = java.time.Duration.ofSeconds(2);

    private final MiniProgramProperties mini;
    private final OfficialAccountProperties mp;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.springframework.core.env.Environment environment;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(2)).build();
    private final SecureRandom random = new SecureRandom();
    /** access token → the AppID it was issued to */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Deque<SentMessage> sent = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    WechatStandIn(MiniProgramProperties mini, OfficialAccountProperties mp, ObjectMapper json, Clock clock,
                  org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.mini = mini;
        this.mp = mp;
        this.json = json;
        this.clock = clock;
    }

    /** The messages sent so far, newest first. */
    public List<SentMessage> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** WeChat's JSON answer to one API call (WeChat answers 200 with an errcode when it refuses). */
    public String answer(String path, Map<String, String> query, String body) {
        try {
            return route(path, query, body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body));
        } catch (IOException e) {
            return error(47001, "data format error");
        }
    }

    private String route(String path, Map<String, String> query, JsonNode body) {
        switch (path) {
            case "/cgi-bin/stable_token":
                return token(text(body, "appid"), text(body, "secret"));
            case "/cgi-bin/token":
                return token(query.get("appid"), query.get("secret"));
            case "/sns/jscode2session":
                return code2Session(query);
            default:
                break;
        }
        String app = tokens.get(query.getOrDefault("access_token", ""));
        if (app == null) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        if (MINI_PROGRAM_PATHS.contains(path) != app.equals(mini.appId())) {
            return error(48001, "api unauthorized");
        }
        return switch (path) {
            case "/wxa/business/getuserphonenumber" -> phoneNumber(body);
            case "/wxa/msg_sec_check" -> msgSecCheck(body);
            case "/wxa/media_check_async" -> mediaCheckAsync(body);
            case "/cgi-bin/message/subscribe/send" -> record("SUBSCRIBE", body, text(body, "page"), body.path("data"));
            case "/cgi-bin/message/template/send" ->
                    record("TEMPLATE", body, text(body.path("miniprogram"), "pagepath"), body.path("data"));
            case "/cgi-bin/message/custom/send" -> record("CUSTOMER_SERVICE", body, null,
                    json.createObjectNode().set("text", json.createObjectNode().put("value", text(body.path("text"), "content"))));
            case "/cgi-bin/qrcode/create" -> json.createObjectNode()
                    .put("ticket", "demo-" + HexFormat.of().formatHex(sha256(body.toString())).substring(0, 24))
                    .put("expire_seconds", 0).put("url", "http://weixin.qq.com/q/demo").toString();
            default -> error(40066, "invalid url");
        };
    }

    private String token(String appId, String secret) {
        boolean known = appId != null && (appId.equals(mini.appId()) && secret != null && secret.equals(mini.secret())
                || appId.equals(mp.appId()) && secret != null && secret.equals(mp.secret()));
        if (!known) {
            return error(40125, "invalid appsecret");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, appId);
        return json.createObjectNode().put("access_token", token).put("expires_in", 7200).toString();
    }

    private String code2Session(Map<String, String> query) {
        if (!java.util.Objects.equals(mini.appId(), query.get("appid"))
                || !java.util.Objects.equals(mini.secret(), query.get("secret"))) {
            return error(40125, "invalid appsecret");
        }
        String code = query.getOrDefault("js_code", "");
        if (!LOGIN_CODE.matcher(code).matches()) {
            return error(40029, "invalid code");
        }
        byte[] key = new byte[16];
        random.nextBytes(key);
        String openId = openIdOf(code);
        return json.createObjectNode().put("openid", openId).put("unionid", "u" + openId)
                .put("session_key", Base64.getEncoder().encodeToString(key)).toString();
    }

    /** The openid the stand-in gives a wx.login code: stable, so the same code is the same user. */
    public static String openIdOf(String code) {
        return "oDemo" + HexFormat.of().formatHex(sha256(code)).substring(0, 23);
    }

    private String phoneNumber(JsonNode body) {
        Matcher phone = PHONE_CODE.matcher(String.valueOf(text(body, "code")));
        if (!phone.matches()) {
            return error(40029, "invalid code");
        }
        ObjectNode answer = json.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        answer.putObject("phone_info").put("phoneNumber", phone.group(1)).put("purePhoneNumber", phone.group(1))
                .put("countryCode", "86").putObject("watermark")
                .put("timestamp", clock.instant().getEpochSecond()).put("appid", mini.appId());
        return answer.toString();
    }

    private String msgSecCheck(JsonNode body) {
        String content = text(body, "content");
        if (content == null) {
            return error(47001, "data format error");
        }
        boolean v2 = "2".equals(text(body, "version"));
        if (v2 && text(body, "openid") == null) {
            return error(40003, "invalid openid");
        }
        if (!v2) {
            // v1: no verdict object, only errcode
            boolean flagged = RISKY.stream().anyMatch(content::contains) || REVIEW.stream().anyMatch(content::contains);
            return flagged ? error(87014, "risky content") : json.createObjectNode().put("errcode", 0).put("errmsg", "ok").toString();
        }
        String word = RISKY.stream().filter(content::contains).findFirst().orElse(null);
        String verdict = word != null ? "risky" : "pass";
        if (word == null) {
            word = REVIEW.stream().filter(content::contains).findFirst().orElse(null);
            verdict = word != null ? "review" : "pass";
        }
        int label = switch (verdict) {
            case "risky" -> 20001;
            case "review" -> 21000;
            default -> 100;
        };
        ObjectNode answer = json.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        ObjectNode detail = answer.putArray("detail").addObject().put("strategy", "keyword").put("errcode", 0)
                .put("suggest", verdict).put("label", label);
        if (word != null) {
            detail.put("keyword", word).put("level", 20);
        }
        answer.put("trace_id", "demo-" + ids.incrementAndGet());
        answer.putObject("result").put("suggest", verdict).put("label", label);
        return answer.toString();
    }

    private String mediaCheckAsync(JsonNode body) {
        String url = text(body, "media_url");
        if (url == null || url.isBlank() || !"2".equals(text(body, "media_type"))) {
            return error(47001, "data format error");
        }
        boolean v2 = "2".equals(text(body, "version"));
        if (v2 && text(body, "openid") == null) {
            return error(40003, "invalid openid");
        }
        String traceId = "demo-media-" + ids.incrementAndGet();
        String openId = text(body, "openid");
        java.util.concurrent.CompletableFuture.runAsync(() -> pushVerdict(traceId, openId, v2),
                java.util.concurrent.CompletableFuture.delayedExecutor(MEDIA_VERDICT_DELAY.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS));
        return json.createObjectNode().put("errcode", 0).put("errmsg", "ok").put("trace_id", traceId).toString();
    }

    /** WeChat's wxa_media_check push, signed with the demo app's Token, to this application. */
    private void pushVerdict(String traceId, String openId, boolean v2) {
        String port = environment.getProperty("local.server.port");
        if (port == null || !mini.pushConfigured()) {
            return;
        }
        ObjectNode push = json.createObjectNode().put("ToUserName", "gh_demo_mini").put("FromUserName", openId == null ? "" : openId)
                .put("CreateTime", clock.instant().getEpochSecond()).put("MsgType", "event").put("Event", "wxa_media_check")
                .put("appid", mini.appId()).put("trace_id", traceId).put("version", v2 ? 2 : 1)
                .put("errcode", 0).put("errmsg", "ok");
        push.putArray("detail").addObject().put("strategy", "content_model").put("errcode", 0).put("suggest", "pass").put("label", 100);
        push.putObject("result").put("suggest", "pass").put("label", 100);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(Math.abs(random.nextLong()));
        String signature = CallbackSignatures.sha1(mini.token(), timestamp, nonce);
        try {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                    + "/wx/mini/callback?signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce))
                            .timeout(java.time.Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(push.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the photo stays 审核中 until staff decide, as with a lost push from WeChat
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String record(String kind, JsonNode body, String page, JsonNode fields) {
        String toUser = text(body, "touser");
        if (toUser == null || toUser.isBlank()) {
            return error(40003, "invalid openid");
        }
        Map<String, String> data = new LinkedHashMap<>();
        fields.fields().forEachRemaining(field -> data.put(field.getKey(),
                field.getValue().isObject() ? field.getValue().path("value").asText() : field.getValue().asText()));
        long id = ids.incrementAndGet();
        synchronized (sent) {
            sent.addFirst(new SentMessage(id, clock.instant(), kind, toUser, text(body, "template_id"), page, java.util.Collections.unmodifiableMap(data)));
            while (sent.size() > KEPT) {
                sent.removeLast();
            }
        }
        return json.createObjectNode().put("errcode", 0).put("errmsg", "ok").put("msgid", id).toString();
    }

    private String error(int errcode, String message) {
        return json.createObjectNode().put("errcode", errcode).put("errmsg", message).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
