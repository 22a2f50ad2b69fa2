package org.qingnuan.storage;

import com.aliyun.oss.common.auth.HmacSHA1Signature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded default's stand-in for one OSS bucket: {@link PhotoStorage} on files in a temporary
 * directory, shaped like OSS so clients do exactly what they do in production. A policy is a POST target
 * ({@code /embedded/oss/<bucket>}, served by this application) with the OSS V1 form fields, signed with a
 * secret drawn at start-up; {@link #accept} checks them as OSS does (signature, expiry, key, size,
 * content type). Signed URLs ({@code /embedded/oss/<bucket>/<key>?OSSAccessKeyId=&Expires=&Signature=}) are
 * checked by {@link #read}. URLs are paths of this application, so a browser page of the same origin
 * (the H5 mini-program, the admin web) uploads and shows photos without CORS. Never in prod
 * ({@code StandInGuard}); photos are gone when the process stops, like the rest of the demo data.
 */
@Component
@Primary
@Profile("!prod")
@ConditionalOnProperty("qingnuan.embedded.stand-ins")
public class EmbeddedPhotoStorage implements PhotoStorage, DisposableBean {

    public static final String BUCKET = "qingnuan-demo";
    public static final String ACCESS_KEY_ID = "embedded-demo";
    static final String PATH = "/embedded/oss/";

    /** OSS's answer when it refuses: status, error code, message (written as OSS's XML error). */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** A stored photo. */
    public record StoredPhoto(byte[] bytes, String contentType) {
    }

    private final Clock clock;
    private final ObjectMapper json;
    private final String secret;
    private final Path root;
    private final Map<String, String> contentTypes = new java.util.concurrent.ConcurrentHashMap<>();

    EmbeddedPhotoStorage(Clock clock, ObjectMapper json) throws IOException {
        this.clock = clock;
        this.json = json;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.secret = Base64.getEncoder().encodeToString(bytes);
        this.root = Files.createTempDirectory("qingnuan-oss-");
    }

    @Override
    public UploadPolicy uploadPolicy(String key, String contentType, long maxBytes, Duration ttl) {
        PolicyArguments.checkPolicy(key, contentType, maxBytes, ttl);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        // the document OSSClient.generatePostPolicy writes
        ObjectNode document = json.createObjectNode().put("expiration", expiresAt.toString());
        ArrayNode conditions = document.putArray("conditions");
        conditions.addArray().add("eq").add("$key").add(key);
        conditions.addArray().add("content-length-range").add(1).add(maxBytes);
        conditions.addArray().add("eq").add("$Content-Type").add(contentType);
        conditions.addArray().add("eq").add("$success_action_status").add("200");
        String policy = Base64.getEncoder().encodeToString(document.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("policy", policy);
        fields.put("OSSAccessKeyId", ACCESS_KEY_ID);
        fields.put("signature", sign(policy));
        fields.put("success_action_status", "200");
        fields.put("Content-Type", contentType);
        return new UploadPolicy(PATH + BUCKET, key, Collections.unmodifiableMap(fields), expiresAt, maxBytes);
    }

    @Override
    public boolean exists(String key) {
        PolicyArguments.checkKey(key);
        return Files.isRegularFile(file(key));
    }

    @Override
    public String signedUrl(String key, Duration ttl) {
        PolicyArguments.checkKey(key);
        PolicyArguments.checkTtl(ttl);
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return PATH + BUCKET + "/" + UriUtils.encodePath(key, StandardCharsets.UTF_8)
                + "?OSSAccessKeyId=" + ACCESS_KEY_ID + "&Expires=" + expires
                + "&Signature=" + URLEncoder.encode(sign(getStringToSign(key, expires)), StandardCharsets.UTF_8);
    }

    /**
     * A PostObject form, checked as OSS checks it; stores the file.
     *
     * @throws Refused with OSS's status and error code
     */
    public void accept(String bucket, Map<String, String> form, byte[] file, String fileContentType) {
        if (!BUCKET.equals(bucket)) {
            throw new Refused(404, "NoSuchBucket", "The specified bucket does not exist.");
        }
        Map<String, String> fields = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.putAll(form);
        if (file == null) {
            throw new Refused(400, "InvalidArgument", "Bucket POST must contain a field named 'file'.");
        }
        String key = fields.get("key");
        String policy = fields.get("policy");
        String signature = fields.get("signature");
        if (key == null || key.isEmpty() || policy == null || signature == null) {
            throw new Refused(400, "InvalidArgument", "Bucket POST must contain fields key, policy, OSSAccessKeyId and Signature.");
        }
        if (!ACCESS_KEY_ID.equals(fields.get("OSSAccessKeyId"))) {
            throw new Refused(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.");
        }
        if (!same(sign(policy), signature)) {
            throw new Refused(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
        JsonNode document;
        Instant expiration;
        try {
            document = json.readTree(Base64.getDecoder().decode(policy));
            expiration = Instant.parse(document.path("expiration").asText());
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new Refused(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON or expiration.");
        }
        if (clock.instant().isAfter(expiration)) {
            throw new Refused(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }
        for (JsonNode condition : document.path("conditions")) {
            check(condition, fields, file.length);
        }
        PolicyArguments.checkKey(key);
        try {
            Path target = file(key);
            Files.createDirectories(target.getParent());
            Files.write(target, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = fields.getOrDefault("Content-Type", fileContentType);
        contentTypes.put(key, type == null ? "application/octet-stream" : type);
    }

    /**
     * A photo behind a signed URL.
     *
     * @throws Refused when the signature does not match, the URL expired, or there is no such photo
     */
    public StoredPhoto read(String bucket, String key, String accessKeyId, String expires, String signature) {
        if (!BUCKET.equals(bucket)) {
            throw new Refused(404, "NoSuchBucket", "The specified bucket does not exist.");
        }
        if (!ACCESS_KEY_ID.equals(accessKeyId) || expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            throw new Refused(403, "AccessDenied", "Anonymous access is forbidden for this operation.");
        }
        if (!same(sign(getStringToSign(key, Long.parseLong(expires))), signature)) {
            throw new Refused(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
        if (clock.instant().getEpochSecond() > Long.parseLong(expires)) {
            throw new Refused(403, "AccessDenied", "Request has expired.");
        }
        try {
            PolicyArguments.checkKey(key);
            Path source = file(key);
            if (!Files.isRegularFile(source)) {
                throw new Refused(404, "NoSuchKey", "The specified key does not exist.");
            }
            return new StoredPhoto(Files.readAllBytes(source), contentTypes.getOrDefault(key, "application/octet-stream"));
        } catch (IllegalArgumentException e) {
            throw new Refused(404, "NoSuchKey", "The specified key does not exist.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() throws IOException {
        FileSystemUtils.deleteRecursively(root);
    }

    /** OSS V1: the string a presigned GET URL signs. */
    private static String getStringToSign(String key, long expires) {
        return "GET\n\n\n" + expires + "\n/" + BUCKET + "/" + key;
    }

    private String sign(String data) {
        return new HmacSHA1Signature().computeSignature(secret, data);
    }

    private void check(JsonNode condition, Map<String, String> fields, long size) {
        if (condition.isArray() && condition.size() == 3 && "content-length-range".equalsIgnoreCase(condition.get(0).asText())) {
            if (size > condition.get(2).asLong()) {
                throw new Refused(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
            }
            if (size < condition.get(1).asLong()) {
                throw new Refused(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.");
            }
            return;
        }
        if (condition.isArray() && condition.size() == 3 && condition.get(1).asText().startsWith("$")) {
            String op = condition.get(0).asText().toLowerCase(Locale.ROOT);
            String actual = fields.get(condition.get(1).asText().substring(1));
            String expected = condition.get(2).asText();
            boolean holds = actual != null && (op.equals("eq") ? actual.equals(expected)
                    : op.equals("starts-with") && actual.startsWith(expected));
            if (holds) {
                return;
            }
        }
        throw new Refused(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + condition);
    }

    /** The file of a key, inside the root whatever the key says. */
    private Path file(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a valid object key");
        }
        return path;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
