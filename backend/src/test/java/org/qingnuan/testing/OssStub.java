package org.qingnuan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for one Aliyun OSS bucket, addressed path-style ({@code /<bucket>/<key>}) as the SDK
 * does for an IP endpoint. It answers the calls the application and the phone make the way OSS does,
 * with OSS's XML errors, and records every call:
 * <ul>
 *     <li>{@code POST /<bucket>}: a PostObject form (what {@code wx.uploadFile} sends). Checks the
 *     V4 credential (AccessKey id, date, region) and signature of the policy, its expiration and every
 *     condition (exact and starts-with fields, content-length-range), then stores the file;</li>
 *     <li>{@code HEAD/GET /<bucket>/<key>} signed with an {@code Authorization: OSS4-HMAC-SHA256 …} header
 *     (the SDK): checks the V4 header signature and the x-oss-date's skew;</li>
 *     <li>{@code GET /<bucket>/<key>?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=&x-oss-date=
 *     &x-oss-expires=&x-oss-signature=} (a presigned URL): checks expiry and the V4 query signature.</li>
 * </ul>
 * V1 signatures ({@code OSSAccessKeyId}/{@code Signature}, {@code Authorization: OSS id:sig}) are refused, as
 * OSS refuses them for accounts and buckets created since Aliyun closed V1 to them ({@link OssV4}).
 * Time is the real clock, as at OSS: the application's (movable) clock only decides what it signs.
 */
public final class OssStub {

    public static final String BUCKET = "qingnuan-test";
    public static final String ACCESS_KEY_ID = "stub-oss-key-id";
    public static final String ACCESS_KEY_SECRET = "stub-oss-key-secret";
    public static final String REGION = "cn-qingnuan";
    private static final DateTimeFormatter X_OSS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final OssV4 V4 = new OssV4(ACCESS_KEY_ID, ACCESS_KEY_SECRET, REGION);

    /** One call as it arrived: the path decoded, the query raw; and the status answered. */
    public record Call(String method, String path, String query, int status) {
    }

    public record StoredObject(byte[] bytes, String contentType, String etag, Instant lastModified) {
    }

    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OssStub instance;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();


    static {
        // the JDK's HttpServer answers without TCP_NODELAY unless told: every small answer then waits ~40 ms for
        // the client's delayed ACK (Nagle), which made this stub far slower than WeChat or OSS (read once per JVM)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private OssStub() throws IOException {
        // a free port unless told (benchmarks in a separate process keep to a given port range)
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("qn.stub.oss-port", 0)), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    /** One stub per test JVM, shared like the application context. */
    public static synchronized OssStub get() {
        if (instance == null) {
            try {
                instance = new OssStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The endpoint to configure: {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The bucket's URL, where PostObject forms go. */
    public String bucketUrl() {
        return baseUrl() + "/" + BUCKET;
    }

    /** Stores an object directly, as if uploaded earlier. */
    public void put(String key, byte[] bytes) {
        store(key, bytes, "application/octet-stream");
    }

    public Optional<StoredObject> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls on one object ({@code /<bucket>/<key>}) with the method. */
    public List<Call> calls(String method, String key) {
        String path = "/" + BUCKET + "/" + key;
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        Answer answer;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            answer = answer(exchange, method, path, rawQuery, body);
        } catch (RuntimeException e) {
            answer = Answer.error(500, "InternalError", "We encountered an internal error. Please try again. (" + e + ")", null);
        }
        calls.add(new Call(method, path, rawQuery, answer.status));
        send(exchange, method, answer);
    }

    private Answer answer(HttpExchange exchange, String method, String path, String rawQuery, byte[] body) {
        String prefix = "/" + BUCKET;
        if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
            return Answer.error(404, "NoSuchBucket", "The specified bucket does not exist.", null);
        }
        String key = path.length() > prefix.length() + 1 ? path.substring(prefix.length() + 1) : "";
        if (key.isEmpty() && method.equals("POST")) {
            return postObject(exchange, body);
        }
        if (!key.isEmpty() && (method.equals("GET") || method.equals("HEAD"))) {
            return getObject(exchange, method, key, query(rawQuery));
        }
        return Answer.error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", null);
    }

    // ---- PostObject -------------------------------------------------------------------------

    private Answer postObject(HttpExchange exchange, byte[] body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            return Answer.error(400, "InvalidArgument", "The body of your POST request is not well-formed multipart/form-data.", null);
        }
        Form form;
        try {
            form = Form.parse(body, boundary.group(2));
        } catch (IllegalArgumentException e) {
            return Answer.error(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.", null);
        }
        if (form.file == null) {
            return Answer.error(400, "InvalidArgument", "Bucket POST must contain a field named 'file'.", null);
        }
        String key = form.field("key");
        if (key == null || key.isEmpty()) {
            return Answer.error(400, "InvalidArgument", "Bucket POST must contain a field named 'key'.", null);
        }
        String policy = form.field("policy");
        if (policy == null) {
            return Answer.error(403, "AccessDenied", "You have no right to access this object because of bucket acl.", null);
        }
        if (form.field("OSSAccessKeyId") != null || form.field("signature") != null) {
            return Answer.error(403, "AccessDenied", "V1 signature is not supported, please use V4 signature.", null);
        }
        String version = form.field("x-oss-signature-version");
        String credential = form.field("x-oss-credential");
        String xOssDate = form.field("x-oss-date");
        String signature = form.field("x-oss-signature");
        if (!OssV4.ALGORITHM.equals(version) || credential == null || xOssDate == null || signature == null
                || !xOssDate.matches("\\d{8}T\\d{6}Z")) {
            return Answer.error(400, "InvalidArgument",
                    "Bucket POST must contain fields x-oss-signature-version, x-oss-credential, x-oss-date and x-oss-signature with a policy.", null);
        }
        String badCredential = V4.refuseCredential(credential, xOssDate);
        if (badCredential != null) {
            return Answer.error(403, badCredential, "The x-oss-credential you provided is not valid for this bucket.", null);
        }
        if (!V4.policySignatureHolds(policy, xOssDate, signature)) {
            return Answer.error(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.", null);
        }
        JsonNode document;
        try {
            document = JSON.readTree(Base64.getDecoder().decode(policy));
        } catch (IOException | IllegalArgumentException e) {
            return Answer.error(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.", null);
        }
        if (document == null || !document.path("expiration").isTextual() || !document.path("conditions").isArray()) {
            return Answer.error(400, "InvalidPolicyDocument", "Invalid Policy: Policy missing expiration or conditions.", null);
        }
        Instant expiration;
        try {
            expiration = Instant.parse(document.get("expiration").asText());
        } catch (DateTimeParseException e) {
            return Answer.error(400, "InvalidPolicyDocument", "Invalid Policy: Invalid 'expiration' value.", null);
        }
        if (Instant.now().isAfter(expiration)) {
            return Answer.error(403, "AccessDenied", "Invalid according to Policy: Policy expired.", null);
        }
        String bound = document.get("conditions").toString();
        if (!bound.contains("x-oss-signature-version") || !bound.contains("x-oss-credential") || !bound.contains("x-oss-date")) {
            return Answer.error(403, "AccessDenied", "Invalid according to Policy: V4 policy must contain x-oss-signature-version, x-oss-credential and x-oss-date.", null);
        }
        for (JsonNode condition : document.get("conditions")) {
            Answer refused = check(condition, form);
            if (refused != null) {
                return refused;
            }
        }
        String objectType = form.field("Content-Type") != null ? form.field("Content-Type")
                : form.fileContentType != null ? form.fileContentType : "application/octet-stream";
        StoredObject stored = store(key, form.file, objectType);
        String status = form.field("success_action_status");
        if ("200".equals(status)) {
            return Answer.ok(200, new byte[0], null).etag(stored.etag);
        }
        if ("201".equals(status)) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Bucket>" + BUCKET
                    + "</Bucket><Location>" + bucketUrl() + "/" + escape(key) + "</Location><Key>" + escape(key)
                    + "</Key><ETag>" + stored.etag + "</ETag></PostResponse>";
            return Answer.ok(201, xml.getBytes(StandardCharsets.UTF_8), "application/xml").etag(stored.etag);
        }
        return Answer.ok(204, new byte[0], null).etag(stored.etag);
    }

    /** One policy condition against the form: null when it holds, OSS's refusal otherwise. */
    private Answer check(JsonNode condition, Form form) {
        if (condition.isObject() && condition.size() == 1) {
            Map.Entry<String, JsonNode> only = condition.fields().next();
            return holds(only.getKey(), "eq", only.getValue().asText(), form, condition);
        }
        if (condition.isArray() && condition.size() == 3 && condition.get(0).isTextual()) {
            String op = condition.get(0).asText().toLowerCase(Locale.ROOT);
            if (op.equals("content-length-range")) {
                if (!condition.get(1).canConvertToLong() || !condition.get(2).canConvertToLong()) {
                    return Answer.error(400, "InvalidPolicyDocument", "Invalid Policy: Invalid content-length-range.", null);
                }
                long size = form.file.length;
                if (size > condition.get(2).asLong()) {
                    return Answer.error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.", null);
                }
                if (size < condition.get(1).asLong()) {
                    return Answer.error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.", null);
                }
                return null;
            }
            if ((op.equals("eq") || op.equals("starts-with")) && condition.get(1).isTextual()
                    && condition.get(1).asText().startsWith("$") && condition.get(2).isTextual()) {
                return holds(condition.get(1).asText().substring(1), op, condition.get(2).asText(), form, condition);
            }
        }
        return Answer.error(400, "InvalidPolicyDocument", "Invalid Policy: Invalid Condition: " + condition, null);
    }

    private Answer holds(String name, String op, String expected, Form form, JsonNode condition) {
        String actual = name.equalsIgnoreCase("bucket") ? BUCKET : form.field(name);
        boolean ok = actual != null && (op.equals("eq") ? actual.equals(expected) : actual.startsWith(expected));
        return ok ? null : Answer.error(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + condition, null);
    }

    // ---- GetObject / HeadObject -------------------------------------------------------------

    private Answer getObject(HttpExchange exchange, String method, String key, Map<String, String> query) {
        if (query.containsKey("OSSAccessKeyId") || query.containsKey("Signature") || query.containsKey("Expires")) {
            return Answer.error(403, "AccessDenied", "V1 signature is not supported, please use V4 signature.", null);
        }
        Answer refused = query.containsKey("x-oss-signature") || query.containsKey("x-oss-credential")
                ? checkPresigned(exchange, method, key, query) : checkAuthorization(exchange, method, key, query);
        if (refused != null) {
            return refused;
        }
        StoredObject object = objects.get(key);
        if (object == null) {
            return Answer.error(404, "NoSuchKey", "The specified key does not exist.", key);
        }
        Answer answer = Answer.ok(200, method.equals("HEAD") ? null : object.bytes, object.contentType).etag(object.etag);
        answer.headers.put("Last-Modified", HTTP_DATE.format(object.lastModified));
        if (method.equals("HEAD")) {
            answer.headers.put("Content-Length", String.valueOf(object.bytes.length));
        }
        return answer;
    }

    private Answer checkPresigned(HttpExchange exchange, String method, String key, Map<String, String> query) {
        String xOssDate = query.get("x-oss-date");
        String expires = query.get("x-oss-expires");
        String signature = query.get("x-oss-signature");
        if (!OssV4.ALGORITHM.equals(query.get("x-oss-signature-version")) || xOssDate == null || expires == null
                || signature == null || !xOssDate.matches("\\d{8}T\\d{6}Z") || !expires.matches("-?\\d{1,7}")) {
            return Answer.error(403, "AccessDenied", "Query-string authentication requires x-oss-signature-version, "
                    + "x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature.", null);
        }
        String refused = V4.refuseCredential(query.get("x-oss-credential"), xOssDate);
        if (refused != null) {
            return Answer.error(403, refused, "The x-oss-credential you provided is not valid.", null);
        }
        Instant signedAt = Instant.from(X_OSS_DATE.parse(xOssDate));
        if (Instant.now().isAfter(signedAt.plusSeconds(Long.parseLong(expires)))) {
            return Answer.error(403, "AccessDenied", "Request has expired.", null);
        }
        String additional = query.getOrDefault("x-oss-additional-headers", "");
        if (!V4.requestSignatureHolds(method, BUCKET, key, query, headers(exchange), additional, xOssDate, signature)) {
            return Answer.error(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.", null);
        }
        return null;
    }

    private Answer checkAuthorization(HttpExchange exchange, String method, String key, Map<String, String> query) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return Answer.error(403, "AccessDenied", "You have no right to access this object because of bucket acl.", null);
        }
        if (authorization.startsWith("OSS ")) {
            return Answer.error(403, "AccessDenied", "V1 signature is not supported, please use V4 signature.", null);
        }
        String[] parts = OssV4.authorization(authorization);
        if (parts == null) {
            return Answer.error(400, "InvalidArgument", "Authorization header is invalid.", null);
        }
        String xOssDate = header(exchange, "x-oss-date");
        String refused = V4.refuseCredential(parts[0], xOssDate);
        if (refused != null) {
            return Answer.error(403, refused, "The Credential you provided is not valid.", null);
        }
        try {
            Instant sent = Instant.from(X_OSS_DATE.parse(xOssDate));
            if (Duration.between(sent, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
                return Answer.error(403, "RequestTimeTooSkewed",
                        "The difference between the request time and the current time is too large.", null);
            }
        } catch (DateTimeParseException e) {
            return Answer.error(403, "AccessDenied", "Invalid date format of header x-oss-date.", null);
        }
        if (!V4.requestSignatureHolds(method, BUCKET, key, query, headers(exchange), parts[1], xOssDate, parts[2])) {
            return Answer.error(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.", null);
        }
        return null;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private StoredObject store(String key, byte[] bytes, String contentType) {
        String etag;
        try {
            etag = "\"" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        StoredObject stored = new StoredObject(bytes.clone(), contentType, etag, Instant.now());
        objects.put(key, stored);
        return stored;
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.trim();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, String method, Answer answer) throws IOException {
        exchange.getResponseHeaders().add("x-oss-request-id", UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT));
        exchange.getResponseHeaders().add("Server", "AliyunOSS");
        if (answer.contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType);
        }
        answer.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = answer.body == null ? new byte[0] : answer.body;
        if (method.equals("HEAD")) {
            // OSS answers HEAD without a body; errors travel base64-encoded in x-oss-err
            if (answer.status >= 300 && body.length > 0) {
                exchange.getResponseHeaders().add("x-oss-err", Base64.getEncoder().encodeToString(body));
            }
            exchange.sendResponseHeaders(answer.status, -1);
        } else if (body.length == 0) {
            exchange.sendResponseHeaders(answer.status, -1);
        } else {
            exchange.sendResponseHeaders(answer.status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static final class Answer {
        final int status;
        final byte[] body;
        final String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();

        private Answer(int status, byte[] body, String contentType) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
        }

        static Answer ok(int status, byte[] body, String contentType) {
            return new Answer(status, body, contentType);
        }

        static Answer error(int status, String code, String message, String key) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + code + "</Code>\n  <Message>"
                    + escape(message) + "</Message>\n  <RequestId>" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT)
                    + "</RequestId>\n  <HostId>" + BUCKET + ".127.0.0.1</HostId>\n"
                    + (key == null ? "" : "  <Key>" + escape(key) + "</Key>\n") + "</Error>\n";
            return new Answer(status, xml.getBytes(StandardCharsets.UTF_8), "application/xml");
        }

        Answer etag(String etag) {
            headers.put("ETag", etag);
            return this;
        }
    }

    /** A multipart/form-data body: the text fields (names case-insensitive, as at OSS) and the file, which ends the form. */
    private static final class Form {
        final Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byte[] file;
        String fileContentType;

        String field(String name) {
            return fields.get(name);
        }

        static Form parse(byte[] body, String boundary) {
            // ISO-8859-1 maps bytes to chars one to one, so the file's bytes survive the split
            String text = new String(body, StandardCharsets.ISO_8859_1);
            String delimiter = "--" + boundary;
            if (!text.startsWith(delimiter)) {
                throw new IllegalArgumentException("no opening boundary");
            }
            Form form = new Form();
            int position = delimiter.length();
            while (true) {
                if (text.startsWith("--", position)) {
                    return form;
                }
                if (!text.startsWith("\r\n", position)) {
                    throw new IllegalArgumentException("boundary not followed by CRLF");
                }
                int headersEnd = text.indexOf("\r\n\r\n", position + 2);
                int next = text.indexOf("\r\n" + delimiter, position + 2);
                if (headersEnd < 0 || next < 0 || headersEnd > next) {
                    throw new IllegalArgumentException("truncated part");
                }
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String line : text.substring(position + 2, headersEnd).split("\r\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                    }
                }
                String disposition = headers.getOrDefault("Content-Disposition", "");
                Matcher name = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"").matcher(disposition);
                if (!name.find()) {
                    throw new IllegalArgumentException("part without a name");
                }
                byte[] content = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
                if (name.group(1).equals("file")) {
                    // OSS ignores every field after the file
                    form.file = content;
                    form.fileContentType = headers.get("Content-Type");
                    return form;
                }
                form.fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
                position = next + 2 + delimiter.length();
            }
        }
    }
}
