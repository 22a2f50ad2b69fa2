package org.qingnuan.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qingnuan.testing.IntegrationTest;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON answers go out with their length, not chunked (SizedJsonMessageConverter), read off the wire. */
class SizedJsonIT extends IntegrationTest {

    @Test
    void aJsonAnswerCarriesItsLengthAndNoChunks() throws IOException {
        // a Chinese body: the length counts bytes, not characters
        Wire dictionaries = get("/api/mini/dictionaries");
        assertThat(dictionaries.status).isEqualTo(200);
        assertThat(dictionaries.head).doesNotContain("transfer-encoding");
        assertThat(dictionaries.head).contains("content-length: " + dictionaries.body.length + "\r\n");
        JsonNode json = new ObjectMapper().readTree(dictionaries.body);
        assertThat(json.toString()).contains("生活物资");

        Wire probe = get("/livez");
        assertThat(probe.head).doesNotContain("transfer-encoding").contains("content-length: " + probe.body.length + "\r\n");
        assertThat(new ObjectMapper().readTree(probe.body).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void anErrorFromTheExceptionHandlerCarriesItsLengthToo() throws IOException {
        // malformed JSON: answered by the global exception handler through the converter
        Wire unknown = send("POST", "/api/mini/auth/login", "{\"code\":");
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.head).doesNotContain("transfer-encoding").contains("content-length: " + unknown.body.length + "\r\n");
        assertThat(new ObjectMapper().readTree(unknown.body).get("traceId").asText()).isNotBlank();
    }

    private record Wire(int status, String head, byte[] body) {
    }

    /** One request over a plain socket; the answer's bytes exactly as they came. */
    private Wire get(String path) throws IOException {
        return send("GET", path, null);
    }

    private Wire send(String method, String path, String json) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            byte[] raw = socket.getInputStream().readAllBytes();
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split + 2).toLowerCase(Locale.ROOT);
            return new Wire(Integer.parseInt(head.split(" ")[1]), head, Arrays.copyOfRange(raw, split + 4, raw.length));
        }
    }
}
