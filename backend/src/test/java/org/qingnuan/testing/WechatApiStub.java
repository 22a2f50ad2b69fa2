package org.qingnuan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for api.weixin.qq.com that answers the paths the application calls the way
 * WeChat does (JSON bodies, errcode on failure, access_token required) and records every call.
 * The real WxJava client talks to it; only the host differs.
 *
 * <p>It knows two apps: the official account ({@link IntegrationTest#MP_APP_ID}, {@link #MP_SECRET})
 * and the mini-program ({@link IntegrationTest#MINI_APP_ID}, {@link #MINI_SECRET}). Tokens come from
 * {@code /cgi-bin/stable_token} or {@code /cgi-bin/token}; every other path except
 * {@code /sns/jscode2session} needs one the stub issued (40001 otherwise), and the mini-program's
 * APIs one issued to the mini-program (48001 otherwise).
 *
 * <p>Mini-program rules (tests share the stub, so use unique openids):
 * <ul>
 *   <li>jscode2session: {@code code-<openid>} logs in as that openid (unionid {@code u-<openid>}, a
 *       random session key), as does {@code code-<openid>__<n>} (the same user with a fresh code); a code works once, then 40029; {@code bad-code} 40029; {@code busy-code} 45011.</li>
 *   <li>getuserphonenumber: {@code phone-<11 digits>} answers that number, once; otherwise 40029.</li>
 *   <li>msg_sec_check (v2): text containing 违禁 is risky (label 20001), 待审 review, else pass; no openid 40003.</li>
 *   <li>subscribe/send: touser {@code oRefuse…} 43101, {@code oBusy…} 45011, else ok.</li>
 *   <li>media_check_async: media_type 2 and a media_url (47001 otherwise); v2 needs openid (40003) and a scene;
 *       answers a fresh trace_id and remembers the URL ({@link #traceIdOf}). The verdict is the test's to give:
 *       {@link #pushMediaVerdict} posts WeChat's {@code wxa_media_check} push to the application, encrypted and
 *       signed as WeChat does.</li>
 *   <li>WeCom group robot {@code /cgi-bin/webhook/send?key=}: {@code bad-…} 93000, {@code busy-…} 45009, else ok.</li>
 * </ul>
 * {@link #failNext} makes the next call to a path answer an errcode, once.
 */
public final class WechatApiStub {

    public static final String MP_SECRET = "stub-app-secret";
    public static final String MINI_SECRET = "stub-mini-secret";

    public record Call(String method, String path, String query, String body) {
    }

    private static final Map<String, String> SECRETS = Map.of(
            IntegrationTest.MP_APP_ID, MP_SECRET,
            IntegrationTest.MINI_APP_ID, MINI_SECRET);
    private static final Set<String> MINI_PROGRAM_PATHS = Set.of(
            "/wxa/business/getuserphonenumber", "/wxa/msg_sec_check", "/cgi-bin/message/subscribe/send",
            "/wxa/media_check_async");
    private static final Pattern PHONE_CODE = Pattern.compile("phone-(\\d{11})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static WechatApiStub instance;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    /** token → the AppID it was issued to */
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    /** wx.login and phone codes already exchanged (WeChat's codes work once) */
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, Queue<Integer>> failures = new ConcurrentHashMap<>();
    private final AtomicLong msgIds = new AtomicLong(3_000_000_000L);
    /** trace_id → the media_url WeChat was asked to check */
    private final Map<String, String> mediaChecks = new ConcurrentHashMap<>();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();


    static {
        // the JDK's HttpServer answers without TCP_NODELAY unless told: every small answer then waits ~40 ms for
        // the client's delayed ACK (Nagle), which made this stub far slower than WeChat or OSS (read once per JVM)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private WechatApiStub() throws IOException {
        // a free port unless told (benchmarks in a separate process keep to a given port range)
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("qn.stub.wechat-port", 0)), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    /** One stub per test JVM, shared like the application context. */
    public static synchronized WechatApiStub get() {
        if (instance == null) {
            try {
                instance = new WechatApiStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Calls to the path whose body mentions the text (e.g. a recipient's openid). */
    public long count(String path, String text) {
        return calls.stream().filter(c -> c.path().equals(path) && c.body().contains(text)).count();
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** The next call to the path (e.g. {@code /wxa/msg_sec_check}) answers {@code {"errcode":errcode}}, once. */
    /** WeChat stops accepting this access token (as after a refresh elsewhere has outlived its grace): 40001. */
    public void revoke(String accessToken) {
        issued.remove(accessToken);
    }

    public void failNext(String path, int errcode) {
        failures.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(errcode);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        calls.add(new Call(exchange.getRequestMethod(), path, query, body));
        String answer;
        try {
            answer = answer(path, params(query), body);
        } catch (IOException | RuntimeException e) {
            answer = error(47001); // unreadable body: WeChat's "data format error"
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String answer(String path, Map<String, String> query, String body) throws IOException {
        Queue<Integer> failing = failures.get(path);
        Integer failure = failing == null ? null : failing.poll();
        if (failure != null) {
            return error(failure);
        }
        if (path.equals("/cgi-bin/stable_token")) {
            JsonNode request = JSON.readTree(body);
            return token(text(request, "appid"), text(request, "secret"));
        }
        if (path.equals("/cgi-bin/token")) {
            return token(query.get("appid"), query.get("secret"));
        }
        if (path.equals("/sns/jscode2session")) {
            return jscode2session(query);
        }
        if (path.equals("/cgi-bin/webhook/send")) {
            return webhookSend(query.getOrDefault("key", ""), body);
        }
        String app = issued.get(query.getOrDefault("access_token", ""));
        if (app == null) {
            return error(40001);
        }
        if (MINI_PROGRAM_PATHS.contains(path) && !app.equals(IntegrationTest.MINI_APP_ID)) {
            return error(48001);
        }
        return switch (path) {
            case "/cgi-bin/qrcode/create" ->
                    "{\"ticket\":\"gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==\","
                            + "\"url\":\"http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI\"}";
            case "/cgi-bin/message/template/send" -> templateSend(body);
            case "/cgi-bin/message/custom/send" -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
            case "/wxa/business/getuserphonenumber" -> phoneNumber(JSON.readTree(body));
            case "/wxa/msg_sec_check" -> msgSecCheck(JSON.readTree(body));
            case "/cgi-bin/message/subscribe/send" -> subscribeSend(JSON.readTree(body));
            case "/wxa/media_check_async" -> mediaCheckAsync(JSON.readTree(body));
            default -> "{\"errcode\":40066,\"errmsg\":\"invalid url\"}";
        };
    }

    /**
     * WeCom group robot (qyapi.weixin.qq.com; no access token): key {@code bad-…} is an unknown robot
     * (93000), {@code busy-…} over the 20-per-minute limit (45009); markdown needs content.
     */
    private String webhookSend(String key, String body) throws IOException {
        if (key.isEmpty() || key.startsWith("bad-")) {
            return "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        }
        if (key.startsWith("busy-")) {
            return "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}";
        }
        JsonNode message = JSON.readTree(body);
        if (!"markdown".equals(text(message, "msgtype")) && !"text".equals(text(message, "msgtype"))) {
            return error(40008);
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    private String token(String appId, String secret) {
        if (appId == null || !SECRETS.containsKey(appId)) {
            return error(40013);
        }
        if (!SECRETS.get(appId).equals(secret)) {
            return error(40125);
        }
        String token = "stub-token-" + tokens.incrementAndGet();
        issued.put(token, appId);
        return "{\"access_token\":\"" + token + "\",\"expires_in\":7200}";
    }

    private static String templateSend(String body) {
        if (body.contains("\"oFail")) {
            return "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}";
        }
        if (body.contains("\"oGone")) {
            return "{\"errcode\":43004,\"errmsg\":\"require subscribe\"}";
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}";
    }

    private String jscode2session(Map<String, String> query) {
        String appId = query.get("appid");
        if (!IntegrationTest.MINI_APP_ID.equals(appId)) {
            return error(40013);
        }
        if (!MINI_SECRET.equals(query.get("secret"))) {
            return error(40125);
        }
        if (!"authorization_code".equals(query.get("grant_type"))) {
            return error(40002);
        }
        String code = query.getOrDefault("js_code", "");
        if (code.equals("busy-code")) {
            return error(45011);
        }
        if (!code.startsWith("code-") || code.length() == "code-".length() || !usedCodes.add("js:" + code)) {
            return error(40029);
        }
        // "code-<openid>__<n>": the same user signing in again with a fresh code
        String openId = code.substring("code-".length()).split("__", 2)[0];
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        ObjectNode answer = JSON.createObjectNode()
                .put("openid", openId)
                .put("session_key", Base64.getEncoder().encodeToString(key))
                .put("unionid", "u-" + openId);
        return answer.toString();
    }

    private String phoneNumber(JsonNode request) {
        String code = text(request, "code");
        Matcher phone = code == null ? null : PHONE_CODE.matcher(code);
        if (phone == null || !phone.matches() || !usedCodes.add("phone:" + code)) {
            return error(40029);
        }
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        answer.putObject("phone_info")
                .put("phoneNumber", phone.group(1))
                .put("purePhoneNumber", phone.group(1))
                .put("countryCode", "86")
                .putObject("watermark")
                .put("timestamp", System.currentTimeMillis() / 1000)
                .put("appid", IntegrationTest.MINI_APP_ID);
        return answer.toString();
    }

    private String msgSecCheck(JsonNode request) {
        String content = text(request, "content");
        if (content == null) {
            return error(47001);
        }
        String verdict = content.contains("违禁") ? "risky" : content.contains("待审") ? "review" : "pass";
        int label = switch (verdict) {
            case "risky" -> 20001;
            case "review" -> 21000;
            default -> 100;
        };
        if (!"2".equals(text(request, "version"))) {
            // version 1: errcode only
            return verdict.equals("pass") ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : error(87014);
        }
        if (text(request, "openid") == null || text(request, "openid").isBlank()) {
            return error(40003);
        }
        JsonNode scene = request.get("scene");
        if (scene == null || !scene.canConvertToInt() || scene.asInt() < 1 || scene.asInt() > 4) {
            return error(47001);
        }
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        ArrayNode detail = answer.putArray("detail");
        detail.addObject().put("strategy", "content_model").put("errcode", 0)
                .put("suggest", verdict).put("label", label).put("prob", verdict.equals("pass") ? 0 : 90);
        ObjectNode keyword = detail.addObject().put("strategy", "keyword").put("errcode", 0)
                .put("suggest", verdict).put("label", label);
        if (!verdict.equals("pass")) {
            keyword.put("level", 20).put("keyword", verdict.equals("risky") ? "违禁" : "待审");
        }
        answer.put("trace_id", Long.toHexString(RANDOM.nextLong()));
        answer.putObject("result").put("suggest", verdict).put("label", label);
        return answer.toString();
    }

    private String mediaCheckAsync(JsonNode request) {
        String url = text(request, "media_url");
        if (url == null || url.isBlank() || !"2".equals(text(request, "media_type"))) {
            return error(47001);
        }
        if ("2".equals(text(request, "version"))) {
            if (text(request, "openid") == null || text(request, "openid").isBlank()) {
                return error(40003);
            }
            JsonNode scene = request.get("scene");
            if (scene == null || !scene.canConvertToInt() || scene.asInt() < 1 || scene.asInt() > 4) {
                return error(47001);
            }
        }
        String traceId = Long.toHexString(RANDOM.nextLong()) + "-" + Long.toHexString(RANDOM.nextLong());
        mediaChecks.put(traceId, url);
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok").put("trace_id", traceId).toString();
    }

    /** The trace id WeChat gave the check of the photo stored under the key, if one was asked for. */
    public java.util.Optional<String> traceIdOf(String photoKey) {
        return mediaChecks.entrySet().stream().filter(e -> e.getValue().contains(photoKey)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * WeChat's {@code wxa_media_check} push of a verdict ({@code pass}, {@code risky}, {@code review}) to the
     * application on the port, in safe mode: the JSON encrypted with the mini-program's EncodingAESKey, the URL
     * signed with its Token. Returns the HTTP status.
     */
    public int pushMediaVerdict(int port, String traceId, String suggest) {
        ObjectNode push = JSON.createObjectNode().put("ToUserName", "gh_qingnuan_mini").put("FromUserName", "oStubUser")
                .put("CreateTime", System.currentTimeMillis() / 1000).put("MsgType", "event").put("Event", "wxa_media_check")
                .put("appid", IntegrationTest.MINI_APP_ID).put("trace_id", traceId).put("version", 2)
                .put("errcode", 0).put("errmsg", "ok");
        int label = suggest.equals("risky") ? 20002 : suggest.equals("review") ? 21000 : 100;
        push.putArray("detail").addObject().put("strategy", "content_model").put("errcode", 0)
                .put("suggest", suggest).put("label", label).put("prob", suggest.equals("pass") ? 0 : 90);
        push.putObject("result").put("suggest", suggest).put("label", label);
        org.qingnuan.wechat.WechatServerSide wechat =
                new org.qingnuan.wechat.WechatServerSide(IntegrationTest.MINI_TOKEN, IntegrationTest.MINI_AES_KEY);
        String encrypt = wechat.encrypt(push.toString(), IntegrationTest.MINI_APP_ID);
        String body = JSON.createObjectNode().put("ToUserName", "gh_qingnuan_mini").put("Encrypt", encrypt).toString();
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + RANDOM.nextInt(1_000_000);
        String query = "signature=" + wechat.signature(IntegrationTest.MINI_TOKEN, ts, nonce) + "&timestamp=" + ts
                + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + wechat.signature(IntegrationTest.MINI_TOKEN, ts, nonce, encrypt);
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/wx/mini/callback?" + query))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String subscribeSend(JsonNode request) {
        String toUser = text(request, "touser");
        if (toUser == null || toUser.isBlank()) {
            return error(40003);
        }
        if (text(request, "template_id") == null) {
            return error(40037);
        }
        if (toUser.startsWith("oRefuse")) {
            return error(43101);
        }
        if (toUser.startsWith("oBusy")) {
            return error(45011);
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgIds.incrementAndGet() + "}";
    }

    private static String error(int errcode) {
        String message = switch (errcode) {
            case -1 -> "system error";
            case 40001 -> "invalid credential, access_token is invalid or not latest";
            case 40002 -> "invalid grant_type";
            case 40003 -> "invalid openid";
            case 40013 -> "invalid appid";
            case 40029 -> "invalid code";
            case 40037 -> "invalid template_id";
            case 40125 -> "invalid appsecret";
            case 43101 -> "user refuse to accept the msg";
            case 45009 -> "reach max api daily quota limit";
            case 45011 -> "api minute-quota reach limit  mustslower  retry next minute";
            case 47001 -> "data format error";
            case 48001 -> "api unauthorized";
            case 87014 -> "risky content";
            default -> "stub error";
        };
        return JSON.createObjectNode().put("errcode", errcode).put("errmsg", message).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
