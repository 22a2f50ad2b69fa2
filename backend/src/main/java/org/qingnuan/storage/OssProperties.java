package org.qingnuan.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Aliyun OSS bucket photos go to ({@code qingnuan.storage.oss.*}, env {@code QN_OSS_*}).
 *
 * @param endpoint        the region endpoint, e.g. {@code oss-cn-hangzhou.aliyuncs.com} (https when no scheme is
 *                        given); tests use {@code http://127.0.0.1:PORT}, which the SDK addresses path-style
 * @param bucket          the bucket name
 * @param accessKeyId     a RAM user's AccessKey ID, allowed to put/get/head objects in the bucket only
 * @param accessKeySecret its AccessKey secret
 * @param region          the bucket's region id, e.g. {@code cn-hangzhou}: part of every V4 signature. Empty: taken
 *                        from an {@code oss-<region>[-internal].aliyuncs.com} endpoint
 */
@ConfigurationProperties("qingnuan.storage.oss")
public record OssProperties(String endpoint, String bucket, String accessKeyId, String accessKeySecret, String region) {

    private static final java.util.regex.Pattern ALIYUN_ENDPOINT =
            java.util.regex.Pattern.compile("^(?:https?://)?oss-([a-z0-9-]+?)(?:-internal)?\\.aliyuncs\\.com/?$");

    /** All values are set (the region possibly through the endpoint); otherwise storage answers {@link PhotoStorageUnavailable}. */
    public boolean configured() {
        return present(endpoint) && present(bucket) && present(accessKeyId) && present(accessKeySecret)
                && signingRegion() != null;
    }

    /** The region V4 signatures name: the configured one, else the one an Aliyun endpoint names; null if neither. */
    public String signingRegion() {
        if (present(region)) {
            return region.trim();
        }
        if (!present(endpoint)) {
            return null;
        }
        java.util.regex.Matcher m = ALIYUN_ENDPOINT.matcher(endpoint.trim());
        return m.matches() ? m.group(1) : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "OssProperties[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKeyId=" + accessKeyId
                + ", accessKeySecret=" + (present(accessKeySecret) ? "***" : "") + "]";
    }
}
