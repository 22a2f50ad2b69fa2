package org.qingnuan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A real HTTP client for the running test server, so requests pass the servlet container, every
 * filter and the error page exactly as a browser's would.
 */
public class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        public String fieldError(String field) {
            if (body == null || body.get("fieldErrors") == null) {
                return null;
            }
            for (JsonNode fe : body.get("fieldErrors")) {
                if (field.equals(fe.get("field").asText())) {
                    return fe.get("message").asText();
                }
            }
            return null;
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    public Response post(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build());
    }

    /** A JSON POST with further headers (e.g. Idempotency-Key); a null header value leaves it out. */
    public Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
        headers.forEach((name, value) -> {
            if (value != null) {
                b.header(name, value);
            }
        });
        return send(b.build());
    }

    public Response put(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))).build());
    }

    /** Sends a body exactly as given, with the given content type (null: none). */
    public Response raw(String method, String path, String token, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = builder(path, token).method(method, body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public String login(String username, String password) {
        Response r = post("/api/admin/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.raw());
        }
        return r.body().get("token").asText();
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The absolute URL of a path on the test server. */
    public String url(String path) {
        return base + path;
    }

    /** Sends a request built by the caller (any header, e.g. an Accept of its own). */
    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.contains("json") && !response.body().isEmpty()) {
                body = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), body, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
