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
 */
@ConfigurationProperties("qingnuan.storage.oss")
public record OssProperties(String endpoint, String bucket, String accessKeyId, String accessKeySecret) {

    /** All four values are set; otherwise storage answers {@link PhotoStorageUnavailable}. */
    public boolean configured() {
        return present(endpoint) && present(bucket) && present(accessKeyId) && present(accessKeySecret);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "OssProperties[endpoint=" + endpoint + ", bucket=" + bucket + ", accessKeyId=" + accessKeyId
                + ", accessKeySecret=" + (present(accessKeySecret) ? "***" : "") + "]";
    }
}
