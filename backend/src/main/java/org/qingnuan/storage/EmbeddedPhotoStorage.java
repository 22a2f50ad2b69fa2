package org.qingnuan.storage;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * ({@code /embedded/oss/<bucket>}, served by this application) with OSS's V4 form fields, signed with a
 * secret drawn at start-up; {@link #accept} checks them as OSS does (V4 credential and signature, expiry,
 * key, size, content type) and refuses V1 as OSS does for new buckets. Signed URLs
 * ({@code /embedded/oss/<bucket>/<key>?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=&x-oss-date=
 * &x-oss-expires=&x-oss-signature=}) are checked by {@link #read}. URLs are paths of this application, so a browser page of the same origin
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
    public static final String REGION = "cn-demo";
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
    private final OssV4Signature v4;
    private final Path root;
    private final Map<String, String> contentTypes = new java.util.concurrent.ConcurrentHashMap<>();

    EmbeddedPhotoStorage(Clock clock, ObjectMapper json) throws IOException {
        this.clock = clock;
        this.json = json;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.v4 = new OssV4Signature(ACCESS_KEY_ID, Base64.getEncoder().encodeToString(bytes), REGION);
        this.root = Files.createTempDirectory("qingnuan-oss-");
    }

    @Override
    public UploadPolicy uploadPolicy(String key, String contentType, long maxBytes, Duration ttl) {
        PolicyArguments.checkPolicy(key, contentType, maxBytes, ttl);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        String xOssDate = OssV4Signature.date(clock.instant());
        // the document OSSClient.generatePostPolicy writes, with the V4 fields bound
        ObjectNode document = json.createObjectNode().put("expiration", expiresAt.toString());
        ArrayNode conditions = document.putArray("conditions");
        conditions.addArray().add("eq").add("$key").add(key);
        conditions.addArray().add("content-length-range").add(1).add(maxBytes);
        conditions.addArray().add("eq").add("$Content-Type").add(contentType);
        conditions.addArray().add("eq").add("$success_action_status").add("200");
        conditions.addArray().add("eq").add("$x-oss-signature-version").add(OssV4Signature.ALGORITHM);
        conditions.addArray().add("eq").add("$x-oss-credential").add(v4.credential(xOssDate));
        conditions.addArray().add("eq").add("$x-oss-date").add(xOssDate);
        String policy = Base64.getEncoder().encodeToString(document.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("policy", policy);
        fields.put("x-oss-signature-version", OssV4Signature.ALGORITHM);
        fields.put("x-oss-credential", v4.credential(xOssDate));
        fields.put("x-oss-date", xOssDate);
        fields.put("x-oss-signature", v4.policySignature(policy, xOssDate));
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
        String xOssDate = OssV4Signature.date(clock.instant());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("x-oss-signature-version", OssV4Signature.ALGORITHM);
        query.put("x-oss-credential", v4.credential(xOssDate));
        query.put("x-oss-date", xOssDate);
        query.put("x-oss-expires", String.valueOf(ttl.toSeconds()));
        query.put("x-oss-signature", v4.querySignature("GET", BUCKET, key, query, xOssDate));
        StringBuilder url = new StringBuilder(PATH + BUCKET + "/" + UriUtils.encodePath(key, StandardCharsets.UTF_8));
        query.forEach((name, value) -> url.append(url.indexOf("?") < 0 ? "?" : "&").append(name).append('=')
                .append(OssV4Signature.encode(value)));
        return url.toString();
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
        if (fields.containsKey("OSSAccessKeyId") || fields.containsKey("signature")) {
            throw new Refused(403, "AccessDenied", "V1 signature is not supported, please use V4 signature.");
        }
        String key = fields.get("key");
        String policy = fields.get("policy");
        String signature = fields.get("x-oss-signature");
        String xOssDate = fields.get("x-oss-date");
        if (key == null || key.isEmpty() || policy == null || signature == null || xOssDate == null
                || !OssV4Signature.ALGORITHM.equals(fields.get("x-oss-signature-version"))
                || !xOssDate.matches("\\d{8}T\\d{6}Z")) {
            throw new Refused(400, "InvalidArgument", "Bucket POST must contain fields key, policy, x-oss-signature-version, "
                    + "x-oss-credential, x-oss-date and x-oss-signature.");
        }
        if (!v4.credential(xOssDate).equals(fields.get("x-oss-credential"))) {
            throw new Refused(403, "InvalidAccessKeyId", "The x-oss-credential you provided is not valid for this bucket.");
        }
        if (!OssV4Signature.same(v4.policySignature(policy, xOssDate), signature)) {
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
        String bound = document.path("conditions").toString();
        if (!bound.contains("$x-oss-credential") || !bound.contains("$x-oss-date") || !bound.contains("$x-oss-signature-version")) {
            throw new Refused(403, "AccessDenied", "Invalid according to Policy: V4 policy must contain x-oss-signature-version, x-oss-credential and x-oss-date.");
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
    public StoredPhoto read(String bucket, String key, Map<String, String> query) {
        if (!BUCKET.equals(bucket)) {
            throw new Refused(404, "NoSuchBucket", "The specified bucket does not exist.");
        }
        if (query.containsKey("OSSAccessKeyId") || query.containsKey("Signature")) {
            throw new Refused(403, "AccessDenied", "V1 signature is not supported, please use V4 signature.");
        }
        String xOssDate = query.get("x-oss-date");
        String expires = query.get("x-oss-expires");
        if (!OssV4Signature.ALGORITHM.equals(query.get("x-oss-signature-version")) || xOssDate == null
                || !xOssDate.matches("\\d{8}T\\d{6}Z") || expires == null || !expires.matches("\\d{1,6}")
                || !v4.credential(xOssDate).equals(query.get("x-oss-credential"))) {
            throw new Refused(403, "AccessDenied", "Anonymous access is forbidden for this operation.");
        }
        if (!OssV4Signature.same(v4.querySignature("GET", BUCKET, key, query, xOssDate), query.get("x-oss-signature"))) {
            throw new Refused(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
        Instant signedAt = Instant.from(OssV4Signature.X_OSS_DATE.parse(xOssDate));
        if (clock.instant().isAfter(signedAt.plusSeconds(Long.parseLong(expires)))) {
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
}
