package org.qingnuan.bench.prompts;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lean stand-in for the WeChat paths the daily prompt uses (stable_token / token, template/send,
 * custom/send, the WeCom robot webhook), served by an embedded Tomcat (TCP_NODELAY, a thread per
 * caller), with an optional delay per send to play WeChat's network latency. It keeps only a count of
 * template messages per recipient. Any access token is accepted (the token lives in Redis and may
 * come from another stub).
 *
 * <p>Why not the tests' {@code WechatApiStub}: it is a JDK {@code HttpServer}, which writes the
 * response headers and the body in two small TCP segments without TCP_NODELAY; with the client's
 * delayed ACK every call then waits about 40 ms (Nagle), whatever the number of threads.
 */
final class FastWechatStub implements AutoCloseable {

    private static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]+)\"");

    private final Tomcat tomcat = new Tomcat();
    private final Map<String, AtomicInteger> templates = new ConcurrentHashMap<>();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicLong msgIds = new AtomicLong(1);
    private volatile long latencyMillis;

    FastWechatStub() throws IOException, LifecycleException {
        tomcat.setBaseDir(Files.createTempDirectory("fast-wechat-stub").toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", "64");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "wechat", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String answer = answer(request.getRequestURI(), new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                response.setContentType("application/json;charset=utf-8");
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
        });
        context.addServletMappingDecoded("/*", "wechat");
        tomcat.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    void latency(long millis) {
        latencyMillis = millis;
    }

    void reset() {
        templates.clear();
        tokenCalls.set(0);
    }

    /** Template messages received per recipient. */
    Map<String, AtomicInteger> templates() {
        return templates;
    }

    int tokenCalls() {
        return tokenCalls.get();
    }

    private String answer(String path, String body) {
        switch (path) {
            case "/cgi-bin/stable_token", "/cgi-bin/token" -> {
                tokenCalls.incrementAndGet();
                return "{\"access_token\":\"fast-stub-token\",\"expires_in\":7200}";
            }
            case "/cgi-bin/message/template/send" -> {
                pause();
                Matcher m = TOUSER.matcher(body);
                if (!m.find()) {
                    return "{\"errcode\":40003,\"errmsg\":\"invalid openid\"}";
                }
                templates.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                return "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgIds.incrementAndGet() + "}";
            }
            case "/cgi-bin/message/custom/send", "/cgi-bin/webhook/send" -> {
                pause();
                return "{\"errcode\":0,\"errmsg\":\"ok\"}";
            }
            default -> {
                return "{\"errcode\":40066,\"errmsg\":\"invalid url\"}";
            }
        }
    }

    private void pause() {
        long millis = latencyMillis;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
