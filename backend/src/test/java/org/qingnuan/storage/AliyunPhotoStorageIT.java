package org.qingnuan.storage;

import org.junit.jupiter.api.Test;
import org.qingnuan.storage.PhotoStorage.UploadPolicy;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.OssStub;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Photo storage against {@link OssStub}: the real OSS SDK signs, the phone's upload is a real
 * multipart POST, and signed URLs are fetched like a browser or {@code <image>} would.
 */
class AliyunPhotoStorageIT extends IntegrationTest {

    static final long MAX_BYTES = 64 * 1024;

    @Autowired
    PhotoStorage storage;

    final OssStub oss = OssStub.get();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldLetThePhoneUploadItsKeyAndServeThePhotoBackSigned() throws Exception {
        String key = key();
        byte[] photo = photo(4096);

        UploadPolicy policy = storage.uploadPolicy(key, "image/jpeg", MAX_BYTES, Duration.ofMinutes(10));
        assertThat(policy.url()).isEqualTo(oss.baseUrl() + "/" + OssStub.BUCKET);
        assertThat(policy.key()).isEqualTo(key);
        assertThat(policy.maxBytes()).isEqualTo(MAX_BYTES);
        assertThat(policy.expiresAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(10)), within(Duration.ofSeconds(5)));
        assertThat(policy.formFields()).containsKeys("policy", "x-oss-signature", "x-oss-date")
                .doesNotContainKeys("OSSAccessKeyId", "signature")
                .containsEntry("key", key)
                .containsEntry("x-oss-signature-version", "OSS4-HMAC-SHA256")
                .containsEntry("success_action_status", "200")
                .containsEntry("Content-Type", "image/jpeg");
        assertThat(storage.exists(key)).as("nothing uploaded yet").isFalse();

        HttpResponse<String> upload = upload(policy.url(), policy.formFields(), photo);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(oss.object(key)).hasValueSatisfying(o -> assertThat(o.contentType()).isEqualTo("image/jpeg"));

        assertThat(storage.exists(key)).isTrue();
        assertThat(oss.calls("HEAD", key)).as("the SDK asked OSS").last()
                .satisfies(c -> assertThat(c.status()).isEqualTo(200))
                .satisfies(c -> assertThat(c.query()).isEqualTo("objectMeta"));

        String url = storage.signedUrl(key, Duration.ofMinutes(5));
        assertThat(url).startsWith(oss.baseUrl() + "/" + OssStub.BUCKET + "/" + key + "?")
                .contains("x-oss-signature-version=OSS4-HMAC-SHA256").doesNotContain("OSSAccessKeyId");
        assertThat(java.net.URLDecoder.decode(param(url, "x-oss-credential"), StandardCharsets.UTF_8))
                .startsWith(OssStub.ACCESS_KEY_ID + "/").endsWith("/" + OssStub.REGION + "/oss/aliyun_v4_request");
        assertThat(Long.parseLong(param(url, "x-oss-expires"))).isBetween(295L, 300L);
        HttpResponse<byte[]> fetched = get(url);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(photo);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void shouldSignKeysThatNeedEncoding() throws Exception {
        String key = "photos/团队 1/" + UUID.randomUUID() + "+a.jpg";
        byte[] photo = photo(100);
        UploadPolicy policy = storage.uploadPolicy(key, "image/png", MAX_BYTES, Duration.ofMinutes(10));
        assertThat(upload(policy.url(), policy.formFields(), photo).statusCode()).isEqualTo(200);
        assertThat(storage.exists(key)).isTrue();
        assertThat(get(storage.signedUrl(key, Duration.ofMinutes(5))).body()).isEqualTo(photo);
    }

    @Test
    void shouldRefuseAFileLargerThanThePolicyAllows() throws Exception {
        String key = key();
        UploadPolicy policy = storage.uploadPolicy(key, "image/jpeg", 1000, Duration.ofMinutes(10));

        HttpResponse<String> tooLarge = upload(policy.url(), policy.formFields(), photo(1001));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("<Code>EntityTooLarge</Code>");
        HttpResponse<String> empty = upload(policy.url(), policy.formFields(), new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("<Code>EntityTooSmall</Code>");
        assertThat(storage.exists(key)).isFalse();

        assertThat(upload(policy.url(), policy.formFields(), photo(1000)).statusCode()).as("exactly the limit").isEqualTo(200);
    }

    @Test
    void shouldRefuseAnyOtherKeyThanThePolicys() throws Exception {
        String key = key();
        String other = key();
        UploadPolicy policy = storage.uploadPolicy(key, "image/jpeg", MAX_BYTES, Duration.ofMinutes(10));
        Map<String, String> fields = new LinkedHashMap<>(policy.formFields());
        fields.put("key", other);

        HttpResponse<String> refused = upload(policy.url(), fields, photo(100));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>AccessDenied</Code>").contains("Policy Condition failed");
        assertThat(storage.exists(other)).isFalse();
        assertThat(storage.exists(key)).isFalse();
    }

    @Test
    void shouldRefuseAnotherContentType() throws Exception {
        String key = key();
        UploadPolicy policy = storage.uploadPolicy(key, "image/jpeg", MAX_BYTES, Duration.ofMinutes(10));
        Map<String, String> fields = new LinkedHashMap<>(policy.formFields());
        fields.put("Content-Type", "text/html");

        HttpResponse<String> refused = upload(policy.url(), fields, photo(100));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>AccessDenied</Code>");
        assertThat(storage.exists(key)).isFalse();
    }

    @Test
    void shouldRefuseATamperedPolicyOrSignature() throws Exception {
        String key = key();
        UploadPolicy policy = storage.uploadPolicy(key, "image/jpeg", 1000, Duration.ofMinutes(10));
        String document = new String(Base64.getDecoder().decode(policy.formFields().get("policy")), StandardCharsets.UTF_8);
        assertThat(document).contains("[\"content-length-range\",1,1000]");

        Map<String, String> biggerPolicy = new LinkedHashMap<>(policy.formFields());
        biggerPolicy.put("policy", Base64.getEncoder().encodeToString(
                document.replace("[\"content-length-range\",1,1000]", "[\"content-length-range\",1,100000000]")
                        .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> tampered = upload(policy.url(), biggerPolicy, photo(5000));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        Map<String, String> forged = new LinkedHashMap<>(policy.formFields());
        forged.put("x-oss-signature", "0".repeat(64));
        HttpResponse<String> forgedSignature = upload(policy.url(), forged, photo(100));
        assertThat(forgedSignature.statusCode()).isEqualTo(403);
        assertThat(forgedSignature.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        Map<String, String> anonymous = new LinkedHashMap<>(policy.formFields());
        anonymous.keySet().removeAll(List.of("policy", "x-oss-signature", "x-oss-credential"));
        assertThat(upload(policy.url(), anonymous, photo(100)).statusCode()).as("the bucket is private").isEqualTo(403);
        assertThat(storage.exists(key)).isFalse();
    }

    /** Issue 17.9: Aliyun has closed V1 to new accounts and buckets; the stub refuses it as they do. */
    @Test
    void shouldBeRefusedWhenSigningWithV1() throws Exception {
        String key = key();
        oss.put(key, photo(100));
        com.aliyun.oss.OSS v1 = new com.aliyun.oss.OSSClientBuilder().build(oss.baseUrl(), OssStub.ACCESS_KEY_ID,
                OssStub.ACCESS_KEY_SECRET);
        try {
            String v1Url = v1.generatePresignedUrl(OssStub.BUCKET, key, java.util.Date.from(Instant.now().plusSeconds(300)),
                    com.aliyun.oss.HttpMethod.GET).toString();
            assertThat(v1Url).contains("OSSAccessKeyId=");
            HttpResponse<byte[]> refused = get(v1Url);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("V1 signature is not supported");

            assertThatThrownBy(() -> v1.doesObjectExist(OssStub.BUCKET, key)).isInstanceOf(com.aliyun.oss.OSSException.class);
            assertThat(oss.calls("HEAD", key)).last().satisfies(c -> assertThat(c.status()).isEqualTo(403));

            String policy = v1.generatePostPolicy(java.util.Date.from(Instant.now().plusSeconds(300)),
                    new com.aliyun.oss.model.PolicyConditions());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("key", key());
            form.put("policy", Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8)));
            form.put("OSSAccessKeyId", OssStub.ACCESS_KEY_ID);
            form.put("signature", v1.calculatePostSignature(policy));
            HttpResponse<String> upload = upload(oss.bucketUrl(), form, photo(100));
            assertThat(upload.statusCode()).isEqualTo(403);
            assertThat(upload.body()).contains("V1 signature is not supported");
        } finally {
            v1.shutdown();
        }
    }

    @Test
    void shouldRefuseAnExpiredPolicy() throws Exception {
        String key = key();
        clock.advance(Duration.ofHours(-1)); // the policy was handed out an hour ago
        UploadPolicy policy = storage.uploadPolicy(key, "image/jpeg", MAX_BYTES, Duration.ofMinutes(10));
        clock.reset();

        HttpResponse<String> refused = upload(policy.url(), policy.formFields(), photo(100));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>AccessDenied</Code>").contains("Policy expired");
        assertThat(storage.exists(key)).isFalse();
    }

    @Test
    void shouldRefuseAnExpiredOrAlteredSignedUrl() throws Exception {
        String key = key();
        oss.put(key, photo(100));

        clock.advance(Duration.ofHours(-1)); // signed an hour ago, for ten minutes
        String old = storage.signedUrl(key, Duration.ofMinutes(10));
        clock.reset();
        HttpResponse<byte[]> expired = get(old);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("<Code>AccessDenied</Code>").contains("expired");

        String fresh = storage.signedUrl(key, Duration.ofMinutes(10));
        String extended = fresh.replace("x-oss-expires=" + param(fresh, "x-oss-expires"),
                "x-oss-expires=" + (Long.parseLong(param(fresh, "x-oss-expires")) + 86_400));
        HttpResponse<byte[]> altered = get(extended);
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(new String(altered.body(), StandardCharsets.UTF_8)).contains("<Code>SignatureDoesNotMatch</Code>");

        HttpResponse<byte[]> otherKey = get(fresh.replace(key, key()));
        assertThat(otherKey.statusCode()).as("a signature covers its key only").isEqualTo(403);

        assertThat(get(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldReportAMissingObjectAsAbsent() throws Exception {
        String key = key();
        assertThat(storage.exists(key)).isFalse();
        assertThat(oss.calls("HEAD", key)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(404));

        HttpResponse<byte[]> missing = get(storage.signedUrl(key, Duration.ofMinutes(5)));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void shouldRefuseInvalidArguments() {
        assertThatThrownBy(() -> storage.uploadPolicy("/leading-slash.jpg", "image/jpeg", 10, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.uploadPolicy(key(), "image/jpeg", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.signedUrl(key(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unconfiguredStorageIsUnavailable() {
        AliyunPhotoStorage unconfigured = new AliyunPhotoStorage(new OssProperties("", null, null, null, null), Clock.systemUTC());

        assertThatThrownBy(() -> unconfigured.uploadPolicy("photos/a.jpg", "image/jpeg", 10, Duration.ofMinutes(1)))
                .isInstanceOf(PhotoStorageUnavailable.class);
        assertThatThrownBy(() -> unconfigured.exists("photos/a.jpg")).isInstanceOf(PhotoStorageUnavailable.class);
        assertThatThrownBy(() -> unconfigured.signedUrl("photos/a.jpg", Duration.ofMinutes(1)))
                .isInstanceOf(PhotoStorageUnavailable.class);
        unconfigured.destroy();
    }

    @Test
    void wrongCredentialsOrAnUnreachableOssMakeStorageUnavailable() throws Exception {
        String key = key();
        oss.put(key, photo(10));
        AliyunPhotoStorage wrongSecret = new AliyunPhotoStorage(
                new OssProperties(oss.baseUrl(), OssStub.BUCKET, OssStub.ACCESS_KEY_ID, "not-the-secret", OssStub.REGION), clock);
        AliyunPhotoStorage wrongId = new AliyunPhotoStorage(
                new OssProperties(oss.baseUrl(), OssStub.BUCKET, "not-the-id", OssStub.ACCESS_KEY_SECRET, OssStub.REGION), clock);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AliyunPhotoStorage unreachable = new AliyunPhotoStorage(new OssProperties("http://127.0.0.1:" + closedPort,
                OssStub.BUCKET, OssStub.ACCESS_KEY_ID, OssStub.ACCESS_KEY_SECRET, OssStub.REGION), clock);
        try {
            assertThatThrownBy(() -> wrongSecret.exists(key)).isInstanceOf(PhotoStorageUnavailable.class)
                    .hasMessageContaining("SignatureDoesNotMatch").hasMessageNotContaining(key);
            assertThat(oss.calls("HEAD", key)).last().satisfies(c -> assertThat(c.status()).isEqualTo(403));
            assertThatThrownBy(() -> wrongId.exists(key)).isInstanceOf(PhotoStorageUnavailable.class)
                    .hasMessageContaining("InvalidAccessKeyId");
            assertThatThrownBy(() -> unreachable.exists(key)).isInstanceOf(PhotoStorageUnavailable.class)
                    .hasMessageNotContaining(key);
            assertThat(get(wrongSecret.signedUrl(key, Duration.ofMinutes(1))).statusCode()).isEqualTo(403);
            UploadPolicy forged = wrongSecret.uploadPolicy(key(), "image/jpeg", MAX_BYTES, Duration.ofMinutes(1));
            assertThat(upload(forged.url(), forged.formFields(), photo(10)).body()).contains("<Code>SignatureDoesNotMatch</Code>");
        } finally {
            wrongSecret.destroy();
            wrongId.destroy();
            unreachable.destroy();
        }
    }

    @Test
    void aRegionEndpointIsAddressedVirtualHostedOverHttps() {
        AliyunPhotoStorage real = new AliyunPhotoStorage(
                new OssProperties("oss-cn-hangzhou.aliyuncs.com", "qn-photos", "an-id", "a-secret", null), Clock.systemUTC());
        try {
            assertThat(real.uploadPolicy("photos/a.jpg", "image/jpeg", 10, Duration.ofMinutes(1)).url())
                    .isEqualTo("https://qn-photos.oss-cn-hangzhou.aliyuncs.com");
            assertThat(real.signedUrl("photos/a.jpg", Duration.ofMinutes(1)))
                    .startsWith("https://qn-photos.oss-cn-hangzhou.aliyuncs.com/photos/a.jpg?");
        } finally {
            real.destroy();
        }
    }

    // ---- the phone and the browser -----------------------------------------------------------

    /** What wx.uploadFile sends: the form fields, then the file under the name "file". */
    HttpResponse<String> upload(String url, Map<String, String> fields, byte[] file) throws IOException, InterruptedException {
        String boundary = "----WxUploadBoundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tmp_photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in the URL");
    }

    static String key() {
        return "photos/test/" + UUID.randomUUID() + ".jpg";
    }

    /** Random bytes, CRLFs and boundary-like dashes included, as a JPEG would have. */
    static byte[] photo(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        if (size > 8) {
            bytes[3] = '\r';
            bytes[4] = '\n';
            bytes[5] = '-';
            bytes[6] = '-';
        }
        return bytes;
    }
}
