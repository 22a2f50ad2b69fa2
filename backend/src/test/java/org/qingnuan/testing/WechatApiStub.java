package org.qingnuan.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.weixin.qq.com that answers the paths the application calls the way
 * WeChat does (JSON bodies, errcode on failure, access_token required) and records every call.
 * The real WxJava client talks to it; only the host differs.
 */
public final class WechatApiStub {

    public record Call(String method, String path, String query, String body) {
    }

    private static WechatApiStub instance;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    private WechatApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
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

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        calls.add(new Call(exchange.getRequestMethod(), path, query, body));
        String answer;
        if (path.equals("/cgi-bin/stable_token") || path.equals("/cgi-bin/token")) {
            answer = "{\"access_token\":\"stub-token-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}";
        } else if (!query.contains("access_token=stub-token-")) {
            answer = "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}";
        } else if (path.equals("/cgi-bin/qrcode/create")) {
            answer = "{\"ticket\":\"gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==\","
                    + "\"url\":\"http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI\"}";
        } else if (path.equals("/cgi-bin/message/template/send") && body.contains("\"oFail")) {
            answer = "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}";
        } else if (path.equals("/cgi-bin/message/template/send") && body.contains("\"oGone")) {
            answer = "{\"errcode\":43004,\"errmsg\":\"require subscribe\"}";
        } else if (path.equals("/cgi-bin/message/template/send")) {
            answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}";
        } else if (path.equals("/cgi-bin/message/custom/send")) {
            answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        } else {
            answer = "{\"errcode\":40066,\"errmsg\":\"invalid url\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
