package org.qingnuan.storage;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.Protocol;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.MatchMode;
import com.aliyun.oss.model.PolicyConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link PhotoStorage} on the Aliyun OSS SDK, signing everything with V4 (OSS4-HMAC-SHA256, scoped to the
 * bucket's region): POST policies, presigned URLs and the SDK's own requests. Aliyun has closed V1 to new
 * accounts and buckets.
 *
 * <p>The client is built on first use: most starts never touch OSS, and the embedded default has no OSS
 * configured — then every method throws {@link PhotoStorageUnavailable}. Policies and signed URLs are
 * computed locally; only {@link #exists} talks to OSS. Expiry times come from the application clock.
 * Nothing here logs object keys or signed URLs, and the SDK's own error logging is switched off for our
 * requests (its messages carry OSS's error body, which names the key).
 */
@Component
@EnableConfigurationProperties(OssProperties.class)
class AliyunPhotoStorage implements PhotoStorage, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AliyunPhotoStorage.class);
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String V4 = "OSS4-HMAC-SHA256";
    private static final DateTimeFormatter X_OSS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final OssProperties properties;
    private final Clock clock;
    private volatile OSS client;
    private volatile boolean closed;

    AliyunPhotoStorage(OssProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public UploadPolicy uploadPolicy(String key, String contentType, long maxBytes, Duration ttl) {
        PolicyArguments.checkPolicy(key, contentType, maxBytes, ttl);
        OSS oss = client();
        // the policy's expiration is written with milliseconds; keep the instant we return identical
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        PolicyConditions conditions = new PolicyConditions();
        conditions.addConditionItem(MatchMode.Exact, PolicyConditions.COND_KEY, key);
        conditions.addConditionItem(PolicyConditions.COND_CONTENT_LENGTH_RANGE, 1, maxBytes);
        conditions.addConditionItem(MatchMode.Exact, PolicyConditions.COND_CONTENT_TYPE, contentType);
        conditions.addConditionItem(MatchMode.Exact, PolicyConditions.COND_SUCCESS_ACTION_STATUS, "200");
        // V4: the policy itself must bind the signature version, the credential (key id, day, region) and the time
        Date signedAt = Date.from(clock.instant());
        String xOssDate = X_OSS_DATE.format(signedAt.toInstant());
        String credential = properties.accessKeyId() + "/" + xOssDate.substring(0, 8) + "/" + properties.signingRegion()
                + "/oss/aliyun_v4_request";
        conditions.addConditionItem(MatchMode.Exact, "x-oss-signature-version", V4);
        conditions.addConditionItem(MatchMode.Exact, "x-oss-credential", credential);
        conditions.addConditionItem(MatchMode.Exact, "x-oss-date", xOssDate);
        String policy = oss.generatePostPolicy(Date.from(expiresAt), conditions);
        String encodedPolicy = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        // the client is V4: base64-encodes the policy and signs it with the key derived for that day and region
        String signature = oss.calculatePostSignature(policy, signedAt);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("policy", encodedPolicy);
        fields.put("x-oss-signature-version", V4);
        fields.put("x-oss-credential", credential);
        fields.put("x-oss-date", xOssDate);
        fields.put("x-oss-signature", signature);
        fields.put("success_action_status", "200");
        fields.put("Content-Type", contentType);
        return new UploadPolicy(bucketUrl(), key, Collections.unmodifiableMap(fields), expiresAt, maxBytes);
    }

    @Override
    public boolean exists(String key) {
        PolicyArguments.checkKey(key);
        OSS oss = client();
        GenericRequest request = new GenericRequest(properties.bucket(), key);
        request.setLogEnabled(false);
        try {
            // HEAD <key>?objectMeta; the SDK maps NoSuchKey/NoSuchBucket to false
            return oss.doesObjectExist(request);
        } catch (OSSException e) {
            log.warn("OSS refused a HEAD object: {} (request id {})", e.getErrorCode(), e.getRequestId());
            throw new PhotoStorageUnavailable("OSS refused the request: " + e.getErrorCode()
                    + " (request id " + e.getRequestId() + ")");
        } catch (ClientException e) {
            log.warn("OSS could not be reached for a HEAD object: {}", e.getErrorCode());
            throw new PhotoStorageUnavailable("OSS could not be reached: " + e.getErrorCode());
        }
    }

    @Override
    public String signedUrl(String key, Duration ttl) {
        PolicyArguments.checkKey(key);
        PolicyArguments.checkTtl(ttl);
        OSS oss = client();
        Date expiration = Date.from(clock.instant().plus(ttl));
        return oss.generatePresignedUrl(properties.bucket(), key, expiration, HttpMethod.GET).toString();
    }

    @Override
    public void destroy() {
        closed = true;
        OSS oss = client;
        if (oss != null) {
            oss.shutdown();
        }
    }

    /** Built on first use, once; never when OSS is not configured. */
    private OSS client() {
        if (!properties.configured()) {
            throw new PhotoStorageUnavailable("photo storage is not configured (qingnuan.storage.oss.*, the region "
                    + "in QN_OSS_REGION unless the endpoint names it)");
        }
        OSS oss = client;
        if (oss == null) {
            synchronized (this) {
                if (closed) {
                    throw new PhotoStorageUnavailable("photo storage is shut down");
                }
                if (client == null) {
                    client = build();
                }
                oss = client;
            }
        }
        return oss;
    }

    private OSS build() {
        // one configuration per client: the SDK switches it to path-style for IP endpoints
        ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
        configuration.setProtocol(Protocol.HTTPS);
        configuration.setConnectionTimeout(5_000);
        configuration.setSocketTimeout(10_000);
        configuration.setConnectionRequestTimeout(5_000);
        configuration.setMaxErrorRetry(1);
        configuration.setSignatureVersion(SignVersion.V4);
        log.info("OSS client for bucket {} at {} (V4, region {})", properties.bucket(), endpoint(), properties.signingRegion());
        return OSSClientBuilder.create().endpoint(endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(properties.accessKeyId(), properties.accessKeySecret()))
                .clientConfiguration(configuration).region(properties.signingRegion()).build();
    }

    /** The configured endpoint as a URI; https when it names no scheme. */
    private URI endpoint() {
        String value = properties.endpoint().trim();
        return URI.create(value.contains("://") ? value : "https://" + value);
    }

    /**
     * Where the phone POSTs: {@code https://<bucket>.<endpoint host>}, or {@code http://<ip>:<port>/<bucket>}
     * for an IPv4 or localhost endpoint, which the SDK addresses path-style (as OSS stubs expect).
     */
    private String bucketUrl() {
        URI endpoint = endpoint();
        String host = endpoint.getHost();
        String port = endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort();
        if ("localhost".equals(host) || IP_LITERAL.matcher(host).matches()) {
            return endpoint.getScheme() + "://" + host + port + "/" + properties.bucket();
        }
        return endpoint.getScheme() + "://" + properties.bucket() + "." + host + port;
    }
}
